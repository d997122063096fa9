// `--memory`: a lazarus history too long to hold for the check is unknown (exit 3), with
// how far the fold got and how to give it more, never a crash; `run` past the limit still
// writes its whole history. A limit of 1 MiB, which the heap always passes, stands for a
// history larger than the machine: the guard looks at the heap every 16,384 events.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lazarus } from "../support/cli.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-memory-"));
const full = join(directory, "full.jsonl");
const limited = join(directory, "limited.jsonl");
const ops = "8000";

describe("--memory", () => {
  it("run past the limit writes the whole history and says its check is unknown (exit 3)", () => {
    const unlimited = lazarus("run", "--ops", ops, "--out", full);
    expect(unlimited.code).toBe(0);
    const run = lazarus("run", "--ops", ops, "--memory", "1m", "--out", limited);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("history: unknown (eventual; 8000 operations on 50 keys)\n");
    expect(run.stdout).toContain("  unknown: the history is too long to check within the memory limit of 1 MiB: the heap passed it after 16,384 events");
    // The history written is the one an unlimited run writes, and it checks as that one does.
    expect(lazarus("check", "--json", limited).stdout).toBe(lazarus("check", "--json", full).stdout.replace(full, limited));
  });

  it("check past the limit is unknown (exit 3), naming the limit, the events folded and --memory", () => {
    const check = lazarus("check", "--memory", "1m", "--json", full);
    expect(check.code).toBe(3);
    const json = JSON.parse(check.stdout);
    expect(json.verdict).toBe("unknown");
    expect(json.anomalies).toEqual([]);
    expect(json.unknown).toEqual([{ key: null, steps: 0, limit: "memory", events: 16384, memoryBytes: 2 ** 20 }]);
    expect(json.statistics).toEqual({ operations: 8000, keys: 50 });
    const text = lazarus("check", "--memory", "1m", full);
    expect(text.stdout).toContain("raise --memory, and Node's heap limit with it if need be (NODE_OPTIONS=--max-old-space-size=MiB)\n");
  });

  it("a bad line after the limit is still a bad file (exit 2): the rest is read, not skipped", () => {
    const text = readFileSync(full, "utf8");
    const broken = join(directory, "broken.jsonl");
    writeFileSync(broken, `${text}{"kind": "invoke"}\n`);
    const lines = text.split("\n").length;
    const check = lazarus("check", "--memory", "1m", broken);
    expect(check.code).toBe(2);
    expect(check.stdout + check.stderr).toContain(`${broken}:${lines}`);
  });

  it("refuses a size it cannot read, and one beyond Node's heap limit, saying how to raise that", () => {
    for (const [value, message] of [
      ["lots", '--memory takes a size such as 512m or 1.5g, not "lots"'],
      ["0m", '--memory takes a size such as 512m or 1.5g, not "0m"'],
      ["999g", "--memory 999g is more than Node's heap limit in this process"],
    ] as const) {
      for (const command of ["check", "run"]) {
        const run = lazarus(command, "--memory", value, ...(command === "check" ? [full] : []));
        expect(run.code, `${command} --memory ${value}`).toBe(2);
        expect(run.stderr).toContain(message);
      }
    }
    expect(lazarus("check", "--memory", "999g", full).stderr).toContain("NODE_OPTIONS=--max-old-space-size=");
  });
});
