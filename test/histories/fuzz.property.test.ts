// Fuzzing as a test: valid histories of every format (histories/examples and small
// Jepsen, etcd-log and Porcupine files), with random bytes flipped, inserted, deleted or
// cut off, and plain random bytes, go through the reader and through `lazarus check`.
// Nothing may escape as an exception: every run ends in a verdict (exit 0, 1 or 3) or in
// one error line that names the file (exit 2). Seed 20261124; a few hundred runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { checkCommand } from "../../cli/commands/check.ts";
import { formatErrorLine } from "../../histories/import/index.ts";
import { historyErrorCodes, readHistoryItems, type HistoryItem } from "../../histories/index.ts";
import { numRuns, seed } from "../support/property-runs.ts";

const examples = new URL("../../histories/examples/", import.meta.url);
const seeds: Buffer[] = [
  ...readdirSync(examples).sort().map((name) => readFileSync(new URL(name, examples))),
  Buffer.from("[{:type :invoke, :f :write, :value 1, :process 0}\n {:type :ok, :f :write, :value 1, :process 0}\n {:type :invoke, :f :read, :value nil, :process 1}\n {:type :ok, :f :read, :value 1, :process 1}]\n"),
  Buffer.from("INFO  jepsen.util - 0\t:invoke\t:write\t4\nINFO  jepsen.util - 0\t:ok\t:write\t4\nINFO  jepsen.util - 1\t:invoke\t:cas\t[4 5]\nINFO  jepsen.util - 1\t:fail\t:cas\t[4 5]\n"),
  Buffer.from('{:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}\n{:process 0, :type :ok, :f :append, :key "0", :value "x 0 0 y"}\n{:process 1, :type :invoke, :f :get, :key "0", :value nil}\n{:process 1, :type :ok, :f :get, :key "0", :value "x 0 0 y"}\n'),
];

/**
 * Mutation is one corruption of a file, at a place given as a fraction of its length:
 * bytes flipped, inserted or deleted, the file cut off, a digit changed (times, processes,
 * values) or a line moved, so that some files still parse and reach the checker.
 */
type Mutation = { kind: "flip" | "insert" | "delete" | "cut" | "digit" | "move-line"; at: number; to: number; bytes: number[] };

// Mostly the bytes that matter to the formats; sometimes any byte, or a byte of a broken UTF-8 sequence.
const hostileByte = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Buffer.from('\n\r"[]{}(),:\\ 09-e.Nnil#;')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  { weight: 1, arbitrary: fc.constantFrom(0x00, 0x1b, 0x9b, 0xc3, 0xe2, 0xff) },
);
const fraction = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((n) => n / 10000);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("flip", "insert", "delete", "cut", "digit", "digit", "move-line", "move-line"),
  at: fraction,
  to: fraction,
  bytes: fc.array(hostileByte, { minLength: 1, maxLength: 16 }),
});

function mutate(original: Buffer, mutations: Mutation[]): Buffer {
  let bytes = original;
  for (const { kind, at, to, bytes: some } of mutations) {
    const index = Math.min(bytes.length, Math.floor(at * bytes.length));
    if (kind === "flip") bytes = Buffer.concat([bytes.subarray(0, index), Buffer.from(some.slice(0, 1)), bytes.subarray(index + 1)]);
    else if (kind === "insert") bytes = Buffer.concat([bytes.subarray(0, index), Buffer.from(some), bytes.subarray(index)]);
    else if (kind === "delete") bytes = Buffer.concat([bytes.subarray(0, index), bytes.subarray(index + some.length)]);
    else if (kind === "cut") bytes = bytes.subarray(0, index);
    else if (kind === "digit") bytes = changeDigit(bytes, at, some[0]!);
    else bytes = moveLine(bytes, at, to);
  }
  return bytes;
}

/** changeDigit replaces the digit nearest after `at` with another digit. */
function changeDigit(bytes: Buffer, at: number, seed: number): Buffer {
  const text = bytes.toString("latin1");
  const index = text.slice(Math.floor(at * text.length)).search(/\d/);
  if (index === -1) return bytes;
  const position = Math.floor(at * text.length) + index;
  return Buffer.from(text.slice(0, position) + String(seed % 10) + text.slice(position + 1), "latin1");
}

/** moveLine moves the line at fraction `at` of the file to fraction `to`. */
function moveLine(bytes: Buffer, at: number, to: number): Buffer {
  const lines = bytes.toString("latin1").split("\n");
  const [line] = lines.splice(Math.floor(at * lines.length), 1);
  lines.splice(Math.floor(to * lines.length), 0, line ?? "");
  return Buffer.from(lines.join("\n"), "latin1");
}

/** corrupted is a seed file with up to three corruptions, or (one case in six) random bytes. */
const corrupted = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.noBias(fc.integer({ min: 0, max: seeds.length - 1 })), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([index, mutations]) => mutate(seeds[index]!, mutations)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((array) => Buffer.from(array)) },
);

const chunkBytes = fc.integer({ min: 1, max: 64 });

async function readItems(bytes: Buffer, size: number): Promise<HistoryItem[]> {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  const items: HistoryItem[] = [];
  for await (const item of readHistoryItems(Readable.from(chunks), "fuzz.jsonl")) items.push(item);
  return items;
}

// The corrupted files lazarus check reads, one folder for the file, removed at the end.
const dir = mkdtempSync(join(tmpdir(), "lazarus-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`fuzzing the reader and lazarus check (seed ${seed})`, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("the reader ends every corrupted file in events or one error with a known code and a line", async () => {
    await fc.assert(
      fc.asyncProperty(corrupted, chunkBytes, async (bytes, size) => {
        const items = await readItems(bytes, size);
        const errors = items.filter((item) => item.kind === "error");
        expect(errors.length).toBeLessThanOrEqual(1);
        const error = errors[0]?.error;
        if (error === undefined) return;
        expect(items.at(-1)?.kind).toBe("error");
        expect(Object.keys(historyErrorCodes)).toContain(error.code);
        expect(error.file).toBe("fuzz.jsonl");
        expect(error.line).toBeGreaterThanOrEqual(0);
        expect(formatErrorLine(error)).not.toMatch(/[\n\r\x1b\x9b]/);
      }),
      { seed, numRuns: numRuns(300) },
    );
  });

  it("lazarus check ends every corrupted file in a verdict or one error line naming the file, never an exception", async () => {
    let written = "";
    vi.spyOn(process.stdout, "write").mockImplementation((text) => ((written += String(text)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((text) => ((written += String(text)), true));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(corrupted, async (bytes) => {
        const file = join(dir, `case-${run++}.txt`);
        writeFileSync(file, bytes);
        written = "";
        const code = await checkCommand(["--json", "--budget", "2000", file]);
        expect([0, 1, 2, 3]).toContain(code);
        const outcome = JSON.parse(written) as { file: string; verdict: string; error?: string };
        expect(outcome.file).toBe(file);
        expect(outcome.verdict).toBe(["valid", "invalid", "error", "unknown"][code]);
        if (code === 2) expect(outcome.error).toMatch(new RegExp(`^${file}(:\\d+)*: [^\\n]+; fix: [^\\n]+$`));
      }),
      { seed, numRuns: numRuns(300) },
    );
  });
});
