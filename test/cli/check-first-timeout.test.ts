// `lazarus check --first` and `--timeout`, end to end: --first stops at the first key
// found not linearizable and says how many keys it left; a timeout leaves keys unknown
// (exit 3), never invalid; bad values are refused, naming the flag and the fix.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCommand } from "../../cli/commands/check.ts";
import { lazarus } from "../support/cli.ts";
import { hardKey, readsNeverWritten, writeKvFile, type KvEvent } from "../support/porcupine-kv-files.ts";
import { inProcess } from "./run-lazarus.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-first-timeout-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const kvFile = (name: string, events: KvEvent[]): string => writeKvFile(directory, name, events);

describe("lazarus check --first", () => {
  const twoBadKeys = kvFile("two-bad-keys.txt", [...readsNeverWritten("bad1"), [5, "invoke", "put", "fine", "x"], [5, "ok", "put", "fine", "x"], ...readsNeverWritten("bad2")]);

  it("reports both bad keys without it", () => {
    const run = lazarus("check", twoBadKeys);
    expect(run.code).toBe(1);
    expect(run.stdout.match(/not-linearizable on/g)).toHaveLength(2);
    expect(run.stdout).not.toContain("not checked");
  });

  it("stops after the first bad key, is invalid (exit 1), and says how many keys it did not check", () => {
    const run = lazarus("check", "--first", twoBadKeys);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(": invalid (porcupine-kv; 5 operations on 3 keys)\n");
    expect(run.stdout.match(/not-linearizable on/g)).toHaveLength(1);
    expect(run.stdout).toContain('  not-linearizable on "bad1"');
    expect(run.stdout).toContain('  not checked: 1 key ("bad2"), as --first stops at the first key found not linearizable; leave --first out to check it\n');
    const json = JSON.parse(lazarus("check", "--first", "--json", twoBadKeys).stdout);
    expect([json.verdict, json.anomalies.length, json.unchecked]).toEqual(["invalid", 1, ["bad2"]]);
  });
});

describe("lazarus check --timeout", () => {
  it("leaves a key not decided in time unknown (exit 3), never invalid, and names --timeout", () => {
    const run = lazarus("check", "--json", "--timeout", "0.05", kvFile("hard.txt", hardKey("hard")));
    expect(run.code).toBe(3);
    const json = JSON.parse(run.stdout);
    expect(json.verdict).toBe("unknown");
    expect(json.anomalies).toEqual([]);
    expect(json.unknown).toHaveLength(1);
    expect(json.unknown[0]).toMatchObject({ key: "hard", limit: "time" });
    expect(json.unknown[0].steps).toBeLessThan(10_000_000);
  });

  it("keeps a bad key invalid beside a key the time limit left unknown, in history order", () => {
    const run = lazarus("check", "--timeout", "0.05", kvFile("hard-and-bad.txt", [...hardKey("hard"), ...readsNeverWritten("bad")]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  not-linearizable on "bad"');
    expect(run.stdout).toMatch(/ {2}unknown: 1 key not decided within the time limit: "hard" \(\d+ steps\); raise --timeout to decide it\n/);
  });

  it("takes seconds with decimals, and none or 0 for no limit", async () => {
    const file = kvFile("bad.txt", readsNeverWritten("bad"));
    for (const timeout of ["2", "0.5", ".5", "none", "0"]) expect((await inProcess(checkCommand, "--timeout", timeout, file)).code, timeout).toBe(1);
  });

  it.each(["abc", "-1", "10s", "", "Infinity", "1e3"])("refuses --timeout %j, naming the flag and the values it takes (exit 2)", async (timeout) => {
    const run = await inProcess(checkCommand, `--timeout=${timeout}`, "histories/examples/ex2-deleted-after-downtime-ok.jsonl");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`lazarus check: --timeout takes a number of seconds (such as 10 or 0.5), or none for no time limit, not ${JSON.stringify(timeout)}\n`);
    expect(run.stdout).toBe("");
  });

  it("is in the usage, with --first", async () => {
    const help = await inProcess(checkCommand, "--help");
    expect(help.stdout).toContain("[--timeout SECONDS|none] [--first]");
    expect(help.stdout).toMatch(/--timeout {2}seconds of wall-clock time/);
    expect(help.stdout).toMatch(/--first {4}stop at the first key found not linearizable/);
  });
});
