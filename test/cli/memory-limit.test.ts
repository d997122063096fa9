// `--memory`: a lazarus history too long to hold for the check is unknown (exit 3), with
// how far the fold got and how to give it more, never a crash; `run` past the limit still
// writes its whole history. A limit of 1 MiB, which the heap always passes, stands for a
// history larger than the machine: the guard looks at the heap every 16,384 events.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { lazarus, projectRoot } from "../support/cli.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-memory-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
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

/** lazarusPiped runs `lazarus ARGS…` with `file` on its standard input, in the environment plus `env`. */
function lazarusPiped(file: string, env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(projectRoot, "cli/bin.js"), ...args], { cwd: projectRoot, encoding: "utf8", input: readFileSync(file), env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * heavyHistory writes a history whose operations outweigh everything else: 9,000 puts and
 * gets of 20 keys, each put writing 8 KB, so that the first look at the heap (16,384
 * events in) finds some 32 MB of values, whatever else the process holds.
 */
function heavyHistory(): string {
  const file = join(directory, "heavy.jsonl");
  const header = JSON.parse(readFileSync(join(projectRoot, "histories/examples/ex1-delete-then-get-eventual-ok.jsonl"), "utf8").split("\n")[0]!);
  const lines = [JSON.stringify(header)];
  const latest = new Map<string, string>();
  for (let i = 0; i < 9000; i++) {
    const key = `k${i % 20}`;
    const process = i % 5;
    const time = 2 * i;
    if (i % 8 === 7 && latest.has(key)) {
      lines.push(JSON.stringify({ kind: "invoke", time, process, op: "get", key }));
      lines.push(JSON.stringify({ kind: "complete", time: time + 1, process, op: "get", key, outcome: "ok", result: { kind: "value", value: latest.get(key) } }));
      continue;
    }
    const value = `v${i}-${"x".repeat(8000)}`;
    latest.set(key, value);
    lines.push(JSON.stringify({ kind: "invoke", time, process, op: "put", key, value }));
    lines.push(JSON.stringify({ kind: "complete", time: time + 1, process, op: "put", key, outcome: "ok", version: { kind: "lww", node: "n1", timestamp: i } }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("--memory past the limit, with the history at hand again", () => {
  it("check reads a file or a pipe again a group of keys at a time, with the result of one reading, and leaves no copy behind", () => {
    const file = heavyHistory();
    const whole = lazarus("check", "--json", file);
    expect(whole.code).toBe(0);
    const { file: _, ...expected } = JSON.parse(whole.stdout);
    const grouped = lazarus("check", "--json", "--memory", "32m", file);
    expect(grouped.code).toBe(0);
    const { groups, file: name, ...rest } = JSON.parse(grouped.stdout);
    expect(rest).toEqual(expected);
    expect(name).toBe(file);
    expect(groups).toBeGreaterThan(1);
    // Standard input is read again from a copy in the temporary folder, removed at the end.
    const temporary = mkdtempSync(join(directory, "tmp-"));
    const piped = lazarusPiped(file, { TMPDIR: temporary }, "check", "--memory", "32m", "-");
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^<stdin>: valid \(eventual; 9000 operations on 20 keys\)\n {2}read again: too long for the memory limit, so checked in \d+ groups of keys, each read from the file again\n$/);
    expect(readdirSync(temporary)).toEqual([]);
  });
});
