// `lazarus check` end to end, as a user runs it: exit codes, text and JSON output, and
// bad input reported with its place and a fix, never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";
import { porcupineDirectory, skipWithoutExternal } from "../support/external.ts";
import { slowKeysLines } from "../support/slow-keys.ts";

/** folder holds every file this test file writes, removed at the end. */
const folder = mkdtempSync(join(tmpdir(), "lazarus-check-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const skipExternal = skipWithoutExternal("lazarus check on Porcupine's histories");
const external = porcupineDirectory ?? "";

describe("lazarus check", () => {
  it("exits 0 on valid histories and 1 when any is invalid, checking all files in one process", () => {
    const ok = lazarus("check", "histories/examples/ex2-deleted-after-downtime-ok.jsonl", "histories/examples/ex7-delete-concurrent-put-frontier-ok.jsonl");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ex2-deleted-after-downtime-ok.jsonl: valid");
    const bad = lazarus("check", "histories/examples/ex2-deleted-after-downtime-ok.jsonl", "histories/examples/ex2-resurrection-after-downtime-bad.jsonl");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/resurrection on "x"/);
  });

  it("prints one JSON object for one file, with verdict and anomalies", () => {
    const run = lazarus("check", "--json", "histories/examples/ex6-doomstone-lost-write-bad.jsonl");
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.file).toBe("histories/examples/ex6-doomstone-lost-write-bad.jsonl");
    expect(result.verdict).toBe("invalid");
    expect(result.anomalies[0].kind).toBe("lost-write");
    expect(result.anomalies[0].key).toBe("x");
  });

  it.skipIf(skipExternal)("detects Jepsen etcd logs and Porcupine kv files and checks them with their models", () => {
    const run = lazarus("check", "--json", join(external, "jepsen-etcd/etcd_002.log"), join(external, "jepsen-etcd/etcd_000.log"), join(external, "kv/c01-bad.txt"));
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.format, l.level, l.verdict])).toEqual([
      ["jepsen-log", "cas-register", "valid"],
      ["jepsen-log", "cas-register", "invalid"],
      ["porcupine-kv", "porcupine-kv", "invalid"],
    ]);
  });

  it("reports bad input with file, line, field and fix, exit 2, no stack trace", () => {
    const dir = mkdtempSync(join(folder, "cli-"));
    const file = join(dir, "bad.jsonl");
    const header = readFirstLine("histories/examples/ex1-delete-then-get-quorum-ok.jsonl");
    writeFileSync(file, `${header}\n{"kind":"invoke","time":0,"process":0,"op":"put","key":"x","value":"1"}\n{"kind":"complete","time":1,"process":"zero","op":"put","key":"x","outcome":"ok"}\n`);
    const run = lazarus("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: process`);
    expect(run.stderr).toContain("fix:");
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("rejects unknown options and missing files with usage, exit 2", () => {
    expect(lazarus("check").code).toBe(2);
    expect(lazarus("check", "--model", "queue", "x.jsonl").stderr).toContain("unknown --model");
    const missing = lazarus("check", "does-not-exist.jsonl");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does-not-exist.jsonl: cannot read");
  });

  it.skipIf(skipExternal)("exits 3 when the search budget runs out, naming the key", () => {
    const run = lazarus("check", "--budget", "1", join(external, "jepsen-etcd/etcd_002.log"));
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("  unknown: the history was not decided within the budget of 1 step; raise --budget to decide it\n");
  });
});

function readFirstLine(path: string): string {
  return readFileSync(join(projectRoot, path), "utf8").split("\n")[0]!;
}

describe("lazarus check on Jepsen EDN", () => {
  it("detects the format and follows Knossos: a nil read constrains nothing, a stale read is caught", () => {
    const dir = mkdtempSync(join(folder, "edn-"));
    const good = join(dir, "good.edn");
    const bad = join(dir, "bad.edn");
    const write = "{:type :invoke, :f :write, :value 1, :process 0}\n{:type :ok, :f :write, :value 1, :process 0}\n";
    writeFileSync(good, `${write}{:type :invoke, :f :read, :value nil, :process 1}\n{:type :ok, :f :read, :value nil, :process 1}\n`);
    writeFileSync(bad, `${write}{:type :invoke, :f :read, :value nil, :process 1}\n{:type :ok, :f :read, :value 2, :process 1}\n`);
    const run = lazarus("check", "--json", good, bad);
    expect(run.code).toBe(1);
    const [first, second] = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect([first.format, first.verdict]).toEqual(["jepsen-edn", "valid"]);
    expect([second.format, second.verdict]).toEqual(["jepsen-edn", "invalid"]);
    expect(second.anomalies[0].events).toEqual([3, 4]);
  });
});

/**
 * writeSlowKeysFile writes a Porcupine kv history whose keys "slow1" and "slow2" each take
 * thousands of search steps (six concurrent appends read back in reverse), and, with
 * `withBadKey`, a key "bad" that reads a value never written (two steps to convict).
 */

function writeSlowKeysFile(withBadKey: boolean): string {
  const lines = slowKeysLines({ withBadKey });
  const file = join(mkdtempSync(join(folder, "budget-")), withBadKey ? "slow-and-bad.txt" : "slow.txt");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("lazarus check --budget", () => {
  it("lists every undecided key with its steps in --json, beside an invalid key, exit 1", () => {
    const run = lazarus("check", "--json", "--budget", "100", writeSlowKeysFile(true));
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.verdict).toBe("invalid");
    expect(result.anomalies.map((a: { key: string }) => a.key)).toEqual(["bad"]);
    expect(result.unknown).toEqual([
      { key: "slow1", steps: 100, limit: "steps" },
      { key: "slow2", steps: 100, limit: "steps" },
    ]);
  });

  it("names the undecided keys and --budget in text, and exits 3 when nothing is invalid", () => {
    const invalid = lazarus("check", "--budget", "100", writeSlowKeysFile(true));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(': invalid (porcupine-kv; ');
    expect(invalid.stdout).toContain('  unknown: 2 keys not decided within the budget of 100 steps per key: "slow1" (100 steps), "slow2" (100 steps); raise --budget to decide them');
    const unknown = lazarus("check", "--budget", "100", writeSlowKeysFile(false));
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toContain(": unknown (porcupine-kv; ");
    expect(unknown.stdout).toContain("raise --budget");
    expect(unknown.stdout).not.toContain("maxStepsPerPartition");
  });

  it("lists no unknown keys once the budget decides them: exit 0 without the bad key", () => {
    const valid = lazarus("check", "--json", "--budget", "100000", writeSlowKeysFile(false));
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ verdict: "valid", unknown: [] });
  });
});

describe("lazarus check never calls a file it found nothing in valid", () => {
  it("an empty file read as a Jepsen log or Porcupine kv history is an error, exit 2", () => {
    const dir = mkdtempSync(join(folder, "empty-"));
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "\n\n");
    for (const format of ["jepsen-log", "porcupine-kv", "jepsen-edn"]) {
      const run = lazarus("check", "--format", format, empty);
      expect(run.code, format).toBe(2);
      expect(run.stderr, format).toMatch(/no (client )?operation to check/);
      expect(run.stdout, format).not.toContain("valid");
    }
  });
});
