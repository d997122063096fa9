// `lazarus check --jobs`: an imported file's searches shared with a helper thread give the
// verdict one thread gives, byte for byte, with and without --first. Helpers start at once
// here (LAZARUS_HELPERS_AFTER_MS=0), and a step budget instead of a time limit makes each
// search's outcome independent of the machine. Standard input, which cannot be read twice,
// is checked on one thread.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";
import { hardKey, readsNeverWritten, writeKvFile } from "../support/porcupine-kv-files.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-jobs-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const file = writeKvFile(directory, "hard-keys.txt", [...hardKey("h1"), ...hardKey("h2"), ...readsNeverWritten("bad"), ...hardKey("h3"), ...hardKey("h4")]);
const budget = ["--timeout", "none", "--budget", "300000"];

/** checkWith runs `lazarus check` with helpers starting at once. */
function checkWith(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(projectRoot, "cli/bin.js"), "check", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, LAZARUS_HELPERS_AFTER_MS: "0" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("lazarus check --jobs", () => {
  it("gives the same verdict on one thread and on two: every key decided or out of budget", () => {
    const alone = checkWith("--jobs", "1", "--json", ...budget, file);
    const shared = checkWith("--jobs", "2", "--json", ...budget, file);
    expect(shared.stderr).toBe("");
    expect(shared.stdout).toBe(alone.stdout);
    expect(shared.code).toBe(1);
    const json = JSON.parse(shared.stdout);
    expect(json.anomalies.map((a: { key: string }) => a.key)).toEqual(["bad"]);
    expect(json.unknown.map((u: { key: string; steps: number }) => [u.key, u.steps])).toEqual([
      ["h1", 300000],
      ["h2", 300000],
      ["h3", 300000],
      ["h4", 300000],
    ]);
  });

  it("gives the same verdict with --first, the keys after the first bad one unchecked", () => {
    const alone = checkWith("--jobs", "1", "--json", "--first", ...budget, file);
    const shared = checkWith("--jobs", "2", "--json", "--first", ...budget, file);
    expect(shared.stderr).toBe("");
    expect(shared.stdout).toBe(alone.stdout);
    expect(JSON.parse(shared.stdout).unchecked).toEqual(["h1", "h2", "h3", "h4"]);
  });

  it("checks standard input on one thread, with the same verdict", () => {
    const alone = checkWith("--jobs", "1", "--json", ...budget, file);
    const piped = spawnSync(process.execPath, [join(projectRoot, "cli/bin.js"), "check", "--jobs", "2", "--json", ...budget, "-"], {
      cwd: projectRoot,
      encoding: "utf8",
      input: readFileSync(file),
      env: { ...process.env, LAZARUS_HELPERS_AFTER_MS: "0" },
    });
    expect(piped.stderr).toBe("");
    expect(JSON.parse(piped.stdout)).toEqual({ ...JSON.parse(alone.stdout), file: "<stdin>" });
  });

  it("refuses a --jobs that is not a whole number above 0, naming the flag", () => {
    const run = lazarus("check", "--jobs", "0", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--jobs takes a whole number above 0");
  });
});
