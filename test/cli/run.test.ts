// `lazarus run` end to end: the main job replays byte for byte from its seed, writes a
// history that `lazarus check` judges the same way, and convicts a known bug.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";

// One folder for the file, removed at the end; each test makes its own folder inside it.
const directory = mkdtempSync(join(tmpdir(), "lazarus-run-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("lazarus run", () => {
  it("replays a seed byte for byte, and the history it writes checks the same way", () => {
    const dir = mkdtempSync(join(directory, "replay-"));
    const first = lazarus("run", "--seed", "3", "--ops", "400", "--out", join(dir, "a.jsonl"));
    const second = lazarus("run", "--seed", "3", "--ops", "400", "--out", join(dir, "b.jsonl"));
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout).toContain("seed 3 (replay with --seed 3)");
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toBe(readFileSync(join(dir, "b.jsonl"), "utf8"));
    const check = lazarus("check", join(dir, "a.jsonl"));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(": valid (eventual; 400 operations");
  });

  it("convicts the naive-delete bug with a resurrection, exit 1", () => {
    const run = lazarus("run", "--bug", "naive-delete", "--seed", "3", "--ops", "600", "--json");
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.seed).toBe(3);
    expect(result.check.verdict).toBe("invalid");
    expect(result.check.anomalies.map((a: { kind: string }) => a.kind)).toContain("resurrection");
  });

  it("rejects an unknown bug and a bad number with usage, exit 2", () => {
    expect(lazarus("run", "--bug", "gremlins").stderr).toContain("unknown --bug");
    expect(lazarus("run", "--ops", "many").code).toBe(2);
  });

  it("takes the cluster's quorums, GC mode and read repair from flags, and refuses bad ones", () => {
    const run = lazarus("run", "--ops", "200", "--read-quorum", "1", "--write-quorum", "1", "--gc", "repair", "--read-repair", "off");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("R=1, W=1, sloppy quorum, lww, read repair off, gc repair");
    expect(run.stdout).toContain("promises: eventual");
    const bad = lazarus("run", "--gc", "never");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--gc takes one of keep, timeout, repair, immediate");
    expect(lazarus("run", "--read-quorum", "4").stderr).toContain("readQuorum must be in 1..replicationFactor");
  });
});

describe("lazarus run refuses what it cannot do, before it simulates", () => {
  it("refuses empty, non-decimal and too large numbers, conflicting and repeated flags, exit 2", () => {
    const refused = (args: string[], message: string) => {
      const run = lazarus("run", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toContain(message);
      expect(run.stderr).not.toContain("    at ");
    };
    refused(["--ops", ""], '--ops takes a whole number, not ""');
    refused(["--seed", ""], '--seed takes a whole number, not ""');
    refused(["--ops", "1e12"], '--ops takes a whole number, not "1e12"');
    refused(["--ops", "20000000"], "--ops takes at most 10,000,000");
    refused(["--linearizable", "--versioning", "vector-clock"], "--linearizable needs last-write-wins timestamps");
    refused(["--bug", "doomstone", "--bug", "doomstone"], "--bug doomstone is given twice");
  });

  it("finds an --out it cannot write before the simulation, and never leaves half a history", () => {
    const dir = mkdtempSync(join(directory, "out-"));
    const missing = lazarus("run", "--out", join(dir, "no/such/folder/h.jsonl"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot write --out");
    expect(missing.stdout).toBe("");
    const folder = lazarus("run", "--out", dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("it is a folder");
    const written = lazarus("run", "--ops", "100", "--out", join(dir, "h.jsonl"));
    expect(written.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["h.jsonl"]);
  });

  it("ends quietly when the reader of its output goes away", () => {
    const piped = spawnSync("sh", ["-c", `"${process.execPath}" cli/bin.js run --ops 2000 | head -1`], { cwd: projectRoot, encoding: "utf8" });
    expect(piped.stdout).toContain("lazarus run: seed 42");
    expect(piped.stderr).toBe("");
  });
});
