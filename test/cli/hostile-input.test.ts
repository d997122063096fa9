// `lazarus check` on input a hostile tester would give it: pipes, FIFOs and standard
// input; bytes that are not UTF-8; endless lines; deep nesting; integers beyond 2^53;
// EDN lists; control characters in names and values. Each file gets a right verdict
// or one error line "lazarus: FILE:LINE[:COL]: what; fix: how", exit 2, no stack trace.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "lazarus-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(projectRoot, "cli/bin.js");
const divergence = join(projectRoot, "histories/examples/ex4-divergence-bad.jsonl");
const divergenceText = readFileSync(divergence, "utf8");
const header = divergenceText.split("\n")[0]!;
const big = "9007199254740993"; // 2^53 + 1, which a double rounds to ...992

/** sh runs a shell line from the project root, for pipes and FIFOs. */
function sh(line: string, input?: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync("sh", ["-c", line], { cwd: projectRoot, encoding: "utf8", input, env: { ...process.env, BIN: bin } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const edn = (...maps: string[]) => `${maps.join("\n")}\n`;
const staleRead = [
  "{:type :invoke, :f :write, :value 1, :process 0}",
  "{:type :ok, :f :write, :value 1, :process 0}",
  "{:type :invoke, :f :read, :value nil, :process 1}",
  "{:type :ok, :f :read, :value 2, :process 1}",
];

/** HostileCase is a file and what `check --json` must say of it: a verdict, or an error matching `error`. */
interface HostileCase {
  name: string;
  file: string;
  bytes: string | Buffer;
  verdict: "valid" | "invalid" | "error";
  error?: RegExp;
}

const cases: HostileCase[] = [
  { name: "a line longer than 16 MiB", file: "long.jsonl", bytes: `${header}\n${"x".repeat(16 * 1024 * 1024 + 1)}`, verdict: "error", error: /long\.jsonl:2: the line is longer than 16 MiB/ },
  { name: "Latin-1 bytes in a value", file: "latin1.jsonl", bytes: Buffer.concat([Buffer.from(`${header}\n`), Buffer.from('{"kind":"heal","time":1,"x":"caf\xe9"}\n', "latin1")]), verdict: "error", error: /latin1\.jsonl:2:33: found the byte sequence 0xe9, which is not UTF-8/ },
  { name: "a UTF-16 file", file: "utf16.jsonl", bytes: Buffer.from(`\ufeff${divergenceText}`, "utf16le"), verdict: "error", error: /utf16\.jsonl:1:1: the file starts with a UTF-16 byte-order mark/ },
  { name: "a UTF-8 byte-order mark", file: "bom.jsonl", bytes: `\ufeff${divergenceText}`, verdict: "invalid" },
  { name: "10^5 nested arrays and the word constructor", file: "deep.jsonl", bytes: `${header}\n{"kind":"heal","time":1,"constructor":${"[".repeat(1e5)}${"]".repeat(1e5)}}\n`, verdict: "error", error: /deep\.jsonl:2: the line nests arrays and objects more than 64 levels deep/ },
  { name: "an EDN history written as one list", file: "list.edn", bytes: `(${edn(...staleRead)})\n`, verdict: "invalid" },
  { name: `an EDN kv put of ${big} read back as ...992`, file: "big-kv.edn", bytes: edn(`{:type :invoke, :f :put, :key 1, :value ${big}, :process 0}`, `{:type :ok, :f :put, :key 1, :value ${big}, :process 0}`, "{:type :invoke, :f :get, :key 1, :value nil, :process 1}", "{:type :ok, :f :get, :key 1, :value 9007199254740992, :process 1}"), verdict: "invalid" },
  { name: `an EDN register write of ${big}`, file: "big-register.edn", bytes: edn(`{:type :invoke, :f :write, :value ${big}, :process 0}`, `{:type :ok, :f :write, :value ${big}, :process 0}`), verdict: "error", error: /big-register\.edn:1: value: the integer 9007199254740993 is beyond/ },
  { name: `an etcd log write of ${big}`, file: "big.log", bytes: `INFO  jepsen.util - 0\t:invoke\t:write\t${big}\n`, verdict: "error", error: /big\.log:1: value: the integer 9007199254740993 is beyond/ },
  { name: "an EDN map missing its }", file: "unclosed.edn", bytes: edn("{:type :invoke, :f :read, :value nil, :process 0", "{:type :ok, :f :read, :value 2, :process 0}"), verdict: "error", error: /unclosed\.edn:1: .*never closed/ },
  { name: "EDN whose every :process is a string", file: "strings.edn", bytes: edn('{:type :invoke, :f :read, :value nil, :process "a"}', '{:type :ok, :f :read, :value 1, :process "a"}'), verdict: "error", error: /strings\.edn:1: process: no client operation to check: all 2 operations were skipped/ },
];

describe("lazarus check on hostile files: a right verdict or one error line each", () => {
  for (const c of cases) writeFileSync(join(dir, c.file), c.bytes);
  const run = lazarus("check", "--json", "--budget", "100000", ...cases.map((c) => join(dir, c.file)));
  const outcomes = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { file: string; verdict: string; error?: string });

  it("exits 2, with no stack trace", () => {
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("");
    expect(outcomes.map((o) => o.file)).toEqual(cases.map((c) => join(dir, c.file)));
  });

  it.each(cases.map((c, index) => ({ ...c, index })))("$name → $verdict", ({ index, verdict, error }) => {
    const outcome = outcomes[index]!;
    expect(outcome.verdict).toBe(verdict);
    if (error !== undefined) {
      expect(outcome.error).toMatch(error);
      expect(outcome.error).toMatch(/; fix: ./);
      expect(outcome.error).not.toContain("\n");
    }
  });
});

describe("lazarus check reads each input once: standard input, /dev/stdin, FIFOs", () => {
  it("reads - as standard input, names it <stdin>, and detects its format", () => {
    const jsonl = sh('node "$BIN" check -', divergenceText);
    expect([jsonl.code, jsonl.stdout.split("\n")[0]]).toEqual([1, "<stdin>: invalid (eventual; 4 operations on 1 key)"]);
    const list = sh('node "$BIN" check -', `(${edn(...staleRead)})`);
    expect(list.code).toBe(1);
    expect(list.stdout).toMatch(/^<stdin>: invalid \(cas-register/);
  });

  it("reads a FIFO and /dev/stdin, which can be read only once, in one run", () => {
    const fifo = join(dir, "fifo");
    const run = sh(`mkfifo "${fifo}" && (cat "${divergence}" > "${fifo}" &) && node "$BIN" check --json "${fifo}" /dev/stdin`, divergenceText);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n").map((line) => JSON.parse(line).verdict)).toEqual(["invalid", "invalid"]);
  });

  it.skipIf(!existsSync("/dev/zero"))("stops /dev/zero at the line limit instead of running out of memory", () => {
    const run = lazarus("check", "/dev/zero");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lazarus: /dev/zero:1: the line is longer than 16 MiB, the longest line the reader accepts; fix: a history holds one short event per line: check that this is a history file, not binary data or an endless stream\n");
  });
});

describe("lazarus check prints no control character it was given", () => {
  it("escapes them in file names and in values quoted in errors, one line per error", () => {
    const evilName = join(dir, "evil\x1b[31m\x9b2J\u202e.jsonl");
    writeFileSync(evilName, divergenceText);
    const evilValue = join(dir, "value.jsonl");
    writeFileSync(evilValue, `${header}\n{"kind":"\\u009b2J\\u001b[31m","time":1}\n`);
    const evilKey = join(dir, "key.jsonl");
    writeFileSync(evilKey, divergenceText.replaceAll('"key": "x"', '"key": "x\u009b\u202e"'));
    const run = lazarus("check", evilName, evilValue, evilKey);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("evil\\x1b[31m\\x9b2J\\u{202e}.jsonl: invalid");
    expect(run.stdout).toContain('divergence on "x\\x9b\\u{202e}"');
    expect(run.stderr).toMatch(/^lazarus: .*value\.jsonl:2: kind: found kind "\\x9b2J\\u001b\[31m"; expected one of .*; fix: .*\n$/);
    expect(run.stdout + run.stderr).not.toMatch(/[\x1b\x9b\u202e]/);
  });
});

describe("lazarus check refuses what it would misread, before reading", () => {
  it("refuses --initial beyond 2^53, a lazarus history read as EDN, and - twice", () => {
    const initial = lazarus("check", "--initial", big, divergence);
    expect(initial.code).toBe(2);
    expect(initial.stderr).toContain(`--initial ${big} is beyond`);
    const asEdn = lazarus("check", "--format", "jepsen-edn", divergence);
    expect(asEdn.code).toBe(2);
    expect(asEdn.stderr).toMatch(/^lazarus: .*ex4-divergence-bad\.jsonl:1: .*; fix: .*\n$/);
    expect(sh('node "$BIN" check - -', "").code).toBe(2);
  });
});
