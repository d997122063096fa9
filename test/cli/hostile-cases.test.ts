// The hostile-input issue's cases that no other test reproduced: each runs the real
// `lazarus` command (or, for the fresh-clone case, the test helper in a child process).
// Each states what must hold.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "lazarus-hostile-cases-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const examples = join(projectRoot, "histories/examples");
const divergence = join(examples, "ex4-divergence-bad.jsonl");
const header = readFileSync(divergence, "utf8").split("\n")[0]!;
/** noStack: what a crash would print. */
const noStack = /\n\s+at |RangeError|TypeError|node:internal/;

/** bash runs a shell line from the project root (pipes, PIPESTATUS). */
function bash(line: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync("bash", ["-c", line], { cwd: projectRoot, encoding: "utf8", timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("case 1: every *-bad.jsonl example read as Jepsen EDN", () => {
  it("is an error (exit 2) for each file, never valid", () => {
    const bad = readdirSync(examples).filter((name) => name.endsWith("-bad.jsonl")).map((name) => join(examples, name));
    expect(bad.length).toBeGreaterThan(5);
    const run = lazarus("check", "--json", "--format", "jepsen-edn", ...bad);
    expect(run.code).toBe(2);
    const outcomes = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { file: string; verdict: string; error?: string });
    expect(outcomes.map((o) => [o.file, o.verdict])).toEqual(bad.map((file) => [file, "error"]));
    for (const o of outcomes) expect(o.error).toMatch(/:1: process: no client operation to check: all \d+ operations were skipped/);
  });
});

describe("case 5: bytes that are not UTF-8 inside a string", () => {
  it('refuses a put of "\\xff" read back as "\\xfe" in every format, naming line and column, instead of reading both as U+FFFD', () => {
    const latin1 = (text: string) => Buffer.from(text, "latin1");
    const files: Array<[string, Buffer, RegExp]> = [
      ["ff.edn", latin1('{:type :invoke, :f :put, :key "k", :value "\xff", :process 0}\n{:type :ok, :f :put, :key "k", :value "\xff", :process 0}\n{:type :invoke, :f :get, :key "k", :value nil, :process 1}\n{:type :ok, :f :get, :key "k", :value "\xfe", :process 1}\n'), /ff\.edn:1:44: found the byte sequence 0xff, which is not UTF-8/],
      ["ff-kv.txt", latin1('{:process 0, :type :invoke, :f :put, :key "1", :value "\xff"}\n{:process 0, :type :ok, :f :put, :key "1", :value "\xff"}\n{:process 1, :type :invoke, :f :get, :key "1", :value nil}\n{:process 1, :type :ok, :f :get, :key "1", :value "\xfe"}\n'), /ff-kv\.txt:1:56: found the byte sequence 0xff/],
      ["ff.jsonl", Buffer.concat([Buffer.from(`${header}\n`), latin1('{"kind":"heal","time":1,"x":"\xff"}\n{"kind":"heal","time":2,"x":"\xfe"}\n')]), /ff\.jsonl:2:30: found the byte sequence 0xff/],
    ];
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    const run = lazarus("check", "--json", ...files.map(([name]) => join(dir, name)));
    expect(run.code).toBe(2);
    const outcomes = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { verdict: string; error?: string });
    files.forEach(([, , error], index) => {
      expect(outcomes[index]!.verdict).toBe("error");
      expect(outcomes[index]!.error).toMatch(error);
    });
  });
});

describe("case 6: an importer that skips input says how much", () => {
  // 2 of the 3 operations (a string :process and the nemesis), 3 lines, are not checked: the
  // verdict stays the checked operations', and a line says what was left out.
  it("names the count of skipped lines when some, not all, were skipped", () => {
    const file = join(dir, "partial.edn");
    writeFileSync(file, [
      "{:type :invoke, :f :write, :value 1, :process 0}",
      "{:type :ok, :f :write, :value 1, :process 0}",
      '{:type :invoke, :f :read, :value nil, :process "a"}',
      '{:type :ok, :f :read, :value 2, :process "a"}',
      "{:type :info, :f :start, :value nil, :process :nemesis}",
      "",
    ].join("\n"));
    const run = lazarus("check", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  skipped: 3 lines of operations, first at line 3: their :process is not an integer");
    expect(JSON.parse(lazarus("check", "--json", file).stdout).skipped).toMatchObject({ operations: 3, firstLine: 3 });
  });
});

describe("case 9: run --out to a device that fills up", () => {
  const full = statSync("/dev/full", { throwIfNoEntry: false });
  it.skipIf(full?.isCharacterDevice() !== true)("/dev/full is exit 2 with one line, no stack trace, and stays a device", () => {
    const run = lazarus("run", "--ops", "100", "--out", "/dev/full");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lazarus run: writing --out "\/dev\/full" failed: ENOSPC: no space left on device/);
    expect(run.stderr).not.toMatch(noStack);
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });
});

describe("case 10: check | head -1", () => {
  it("ends quietly with the exit code its verdicts earn when the reader goes away (output far beyond a pipe's 64 KiB)", () => {
    // 30 copies of the 21 examples print about 150 KB, so the writes after head exits meet EPIPE.
    const run = bash(`set -- $(for i in $(seq 30); do echo histories/examples/*.jsonl; done); "${process.execPath}" cli/bin.js check "$@" | head -1; echo "exit \${PIPESTATUS[0]}"`);
    expect(run.stdout).toBe("histories/examples/ex1-delete-then-get-eventual-ok.jsonl: valid (eventual; 3 operations on 1 key)\nexit 1\n");
    expect(run.stderr).toBe("");
  });

  it("ends quietly with exit 2 when the reader of its errors goes away (3,000 missing files, 2>&1 >/dev/null | head -1)", () => {
    const run = bash(`set -- $(seq -f "${dir}/missing-%g.jsonl" 3000); "${process.execPath}" cli/bin.js check "$@" 2>&1 >/dev/null | head -1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`);
    expect(run.stdout).toBe("exit 2\n");
  });
});

describe("case 12: 200,000-deep JSON nesting with the word constructor in an extra field", () => {
  it("is a quick exit 2 naming the line (it once took 207 s)", () => {
    const depth = 200_000;
    const file = join(dir, "deep-200k.jsonl");
    writeFileSync(file, `${header}\n{"kind":"heal","time":1,"extra":{"constructor":${"[".repeat(depth)}${"]".repeat(depth)}}}\n`);
    const started = performance.now();
    const run = lazarus("check", file);
    const seconds = (performance.now() - started) / 1000;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deep-200k\.jsonl:2: the line nests arrays and objects more than 64 levels deep/);
    expect(seconds).toBeLessThan(5);
  });
});

describe("case 15: 64-bit seeds", () => {
  const recorded = (seed: string) => {
    const out = join(dir, `seed-${seed}.jsonl`);
    const run = lazarus("run", "--seed", seed, "--ops", "50", "--out", out);
    const [head, ...events] = readFileSync(out, "utf8").split("\n");
    return { code: run.code, header: JSON.parse(head!) as { seed: unknown }, events: events.join("\n") };
  };
  const zero = recorded("0");
  const twoTo32 = recorded("4294967296");

  it("the header records the seed exactly, up to 2^53 - 1 (beyond is refused)", () => {
    expect([zero.code, zero.header.seed]).toEqual([0, 0]);
    expect([twoTo32.code, twoTo32.header.seed]).toEqual([0, 4294967296]);
    expect(recorded("9007199254740991").header.seed).toBe(9007199254740991);
    expect(lazarus("run", "--seed", "18446744073709551615").code).toBe(2);
  });

  // impl/random.ts once seeded with `seed >>> 0` alone, so seeds 0 and 2^32 recorded the same events.
  it("seeds 0 and 4294967296 give different histories", () => {
    expect(twoTo32.events).not.toBe(zero.events);
  });
});

describe("case 18: control characters in file names, beyond check's text output", () => {
  const evil = "evil\x1b[31m\u009b2J\u202e.jsonl";
  const control = /[\x1b\x9b\u202e]/;

  it("check --json escapes C1 controls and bidirectional overrides as \\u escapes, the same JSON value", () => {
    const file = join(dir, `json-${evil}`);
    copyFileSync(divergence, file);
    const run = lazarus("check", "--json", file);
    expect(run.stdout).not.toMatch(control);
    expect(run.stdout).toContain("\\u009b2J\\u202e");
    expect(JSON.parse(run.stdout).file).toBe(file);
  });

  it("run --out prints the name it wrote escaped", () => {
    const run = lazarus("run", "--ops", "50", "--out", join(dir, `run-${evil}`));
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(control);
  });

  it("run --out names a folder it cannot write escaped", () => {
    const run = lazarus("run", "--ops", "50", "--out", join(dir, `nodir-${evil}`, "h.jsonl"));
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(control);
  });

  it("report prints both names escaped", () => {
    const file = join(dir, `report-${evil}`);
    copyFileSync(divergence, file);
    const run = lazarus("report", file, "-o", join(dir, `page-${evil}.html`));
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(control);
  });

  it("replay prints the name escaped", () => {
    const file = join(dir, `replay-${evil}`);
    expect(lazarus("run", "--ops", "50", "--out", join(dir, "plain.jsonl")).code).toBe(0);
    copyFileSync(join(dir, "plain.jsonl"), file);
    const run = lazarus("replay", file);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(control);
  });
});

describe("--report to a FIFO or a device", () => {
  it.skipIf(process.platform === "win32")("writes into it in place, leaving it a FIFO (renaming over it would replace it with a file)", () => {
    const fifo = join(dir, "page.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const run = bash(`cat "${fifo}" > "${dir}/from-fifo.html" & "${process.execPath}" cli/bin.js run --ops 50 --report "${fifo}" > /dev/null; wait; echo "exit $?"`);
    expect(run.stderr).toContain("report written to");
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, "from-fifo.html"), "utf8")).toMatch(/^<!doctype html>/i);
  });
});

describe("case 20: a fresh clone without ../shared/external", () => {
  const helper = join(projectRoot, "test/support/external.ts");
  const child = (env: Record<string, string>) => {
    const code = `const m = await import(${JSON.stringify(helper)}); console.log(JSON.stringify([m.porcupineDirectory ?? null, m.skipWithoutExternal("the corpus tests")]));`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, LAZARUS_EXTERNAL_REQUIRED: "", ...env } });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const absent = join(dir, "no-external");

  it("skips the tests that need it with one printed line", () => {
    const run = child({ LAZARUS_EXTERNAL: absent });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`skipped: the corpus tests (no external histories at ${absent}; set LAZARUS_EXTERNAL to their folder to run them)\n[null,true]\n`);
  });

  it("fails instead when CI requires it (LAZARUS_EXTERNAL_REQUIRED=1)", () => {
    const run = child({ LAZARUS_EXTERNAL: absent, LAZARUS_EXTERNAL_REQUIRED: "1" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`the external histories are required (LAZARUS_EXTERNAL_REQUIRED=1) but ${absent} does not exist`);
  });
});
