// HistoryInput, the one opening of an input: format detection peeks at the first lines
// and the reader still gets them all; a failure is reported where the reader reached it,
// and a line the parser refuses first is reported instead.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HistoryInput } from "../../../histories/format/input.ts";
import { readHistoryFile, readHistoryItems } from "../../../histories/index.ts";
import { withHeader } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lazarus-input-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const chunksOf = (text: string | Buffer, size: number) => {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
};

describe("HistoryInput", () => {
  it("gives the reader the lines head() peeked at, from a stream that can be read once", async () => {
    const input = new HistoryInput(() => Readable.from(chunksOf("a\nb\nc\nd", 3)), "s");
    expect(await input.head(2)).toEqual({ lines: ["a", "b"], failure: undefined });
    expect(await collect(input.lines())).toEqual(["a", "b", "c", "d"]);
    expect(input.failure()).toBeUndefined();
    await expect(collect(input.lines())).rejects.toThrow("read twice");
  });

  it("reports a failure from head() only when it cut the head short", async () => {
    const bad = () => Readable.from([Buffer.from([0x61, 0x0a, 0xff, 0x0a])]);
    expect((await new HistoryInput(bad, "s").head(5)).failure).toMatchObject({ code: "bad-utf8", line: 2, column: 1 });
    expect((await new HistoryInput(bad, "s").head(1)).failure).toBeUndefined();
  });

  it("sets failure() once the consumer has read every line before it, not when it stopped earlier", async () => {
    const input = new HistoryInput(() => Readable.from([Buffer.from("a\nb\n\xff\n", "latin1")]), "s");
    await input.head(10);
    const early = input.lines();
    expect((await early.next()).value).toBe("a");
    await early.return(undefined);
    expect(input.failure()).toBeUndefined();
    const whole = new HistoryInput(() => Readable.from([Buffer.from("a\nb\n\xff\n", "latin1")]), "s");
    expect(await collect(whole.lines())).toEqual(["a", "b"]);
    expect(whole.failure()).toMatchObject({ code: "bad-utf8", line: 3 });
  });

  it("opens nothing until read, so a missing file is a failure, never an unhandled error", async () => {
    const input = HistoryInput.open(join(dir, "missing.jsonl"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await collect(input.lines())).toEqual([]);
    expect(input.failure()).toMatchObject({ code: "unreadable", line: 0 });
    await HistoryInput.open(join(dir, "never-read.jsonl")).close();
  });
});

describe("readHistoryFile on bytes that are not a history's", () => {
  it("reports bad UTF-8 with line and column, and a bad line before it first", async () => {
    const path = join(dir, "latin1.jsonl");
    await writeFile(path, Buffer.concat([Buffer.from(withHeader({ kind: "heal", time: 1 })), Buffer.from('{"kind":"heal","time":2,"x":"caf\xe9"}\n', "latin1")]));
    const result = await readHistoryFile(path);
    expect(!result.ok && result.error).toMatchObject({ code: "bad-utf8", file: path, line: 3, column: 33 });
    const earlier = await collect(readHistoryItems(Readable.from([Buffer.from(`${withHeader("{oops")}\xff\n`, "latin1")]), "s.jsonl"));
    expect(earlier.at(-1)).toMatchObject({ kind: "error", error: { code: "bad-json", line: 2 } });
  });

  it("reads a history that starts with a UTF-8 byte-order mark", async () => {
    const path = join(dir, "bom.jsonl");
    await writeFile(path, `\ufeff${withHeader({ kind: "heal", time: 1 })}`);
    expect((await readHistoryFile(path)).ok).toBe(true);
  });

  it("refuses a 100,000-deep value by its line and the limit, fast", async () => {
    const path = join(dir, "deep.jsonl");
    const depth = 100_000;
    await writeFile(path, withHeader(`{"kind":"heal","time":1,"constructor":${"[".repeat(depth)}${"]".repeat(depth)}}`));
    const result = await readHistoryFile(path);
    expect(!result.ok && result.error).toMatchObject({ code: "too-deep", line: 2 });
    expect(!result.ok && result.error.message).toContain("64 levels");
  });
});
