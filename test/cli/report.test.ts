// `lazarus report`, and `--report` on check and run, end to end: the page is written and
// names what it draws; bad input and usage exit 2 with one line naming the file and the
// fix, never a stack trace.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus } from "../support/cli.ts";
import { lazarusAsync } from "./run-lazarus.ts";

const example = "histories/examples/ex2-resurrection-after-downtime-bad.jsonl";
const noStackTrace = /\bat .*\.ts:\d+/;

// One folder for the file, removed at the end; scratch() gives each test a fresh folder inside it.
const folder = mkdtempSync(join(tmpdir(), "lazarus-report-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function scratch(): string {
  return mkdtempSync(join(folder, "scratch-"));
}

describe("lazarus report", () => {
  it("writes one self-contained page for a history, exit 0 whatever the verdict (-o and --out)", async () => {
    const dir = scratch();
    const flags = ["-o", "--out"];
    const runs = await Promise.all(flags.map((flag) => lazarusAsync("report", example, flag, join(dir, `page${flag}.html`))));
    for (const [i, run] of runs.entries()) {
      const out = join(dir, `page${flags[i]}.html`);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${example}: invalid (1 anomaly, 0 explained)`);
      expect(run.stderr).toContain(`report written to ${out}`);
      const html = readFileSync(out, "utf8");
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('id="report-data"');
      expect(html).toContain("resurrection");
    }
  });

  it("refuses bad usage and bad input with one line naming the file and the fix, exit 2", async () => {
    const dir = scratch();
    const cases: Array<[string[], string]> = [
      [["report"], "no history file given"],
      [["report", example], `no page to write for ${example}; fix: add -o report.html`],
      [["report", example, example, "-o", join(dir, "x.html")], "one history per page"],
      [["report", "missing.jsonl", "-o", join(dir, "x.html")], "missing.jsonl"],
      [["report", example, "-o", dir], "it is a folder; fix:"],
      [["report", example, "-o", join(dir, "no/such/folder/x.html")], "fix: name a file in a folder that exists"],
    ];
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, "not json\n");
    const [run, ...runs] = await Promise.all([lazarusAsync("report", bad, "-o", join(dir, "bad.html")), ...cases.map(([args]) => lazarusAsync(...args))]);
    cases.forEach(([args, expected], i) => {
      expect(runs[i]!.code, args.join(" ")).toBe(2);
      expect(runs[i]!.stderr.split("\n")[0]).toContain(expected);
      expect(runs[i]!.stderr).not.toMatch(noStackTrace);
    });
    expect(run!.code).toBe(2);
    expect(run!.stderr.trim().split("\n")).toHaveLength(1);
    expect(run!.stderr).toMatch(new RegExp(`${bad}:1: .*; fix: `));
    expect(existsSync(join(dir, "bad.html"))).toBe(false);
  });
});

describe("--report on check and run", () => {
  it("check --report writes the page of the history it checked, keeping check's exit code", () => {
    const out = join(scratch(), "check.html");
    const run = lazarus("check", example, "--report", out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("resurrection");
    expect(readFileSync(out, "utf8")).toContain('id="report-data"');
  });

  it("check --report takes one file, exit 2 for more", () => {
    const run = lazarus("check", example, example, "--report", join(scratch(), "x.html"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--report draws one history");
  });

  it("run --report writes the page of the run, its JSON output left clean", () => {
    const out = join(scratch(), "run.html");
    const run = lazarus("run", "--seed", "1", "--ops", "300", "--json", "--report", out);
    expect([0, 1, 3]).toContain(run.code);
    expect(JSON.parse(run.stdout).seed).toBe(1);
    expect(readFileSync(out, "utf8")).toContain("lazarus run, seed 1");
  });
});
