// The streaming reader: a big file read in chunks, events one at a time, files that
// cannot be read, and lines and characters split across chunk boundaries.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHistoryError, HistoryWriter, parseHistoryText, readHistoryFile, readHistoryItems } from "../../../histories/index.ts";
import type { HistoryItem } from "../../../histories/index.ts";
import { badCases } from "./bad-cases.ts";
import { validHeader, withHeader } from "./fixtures.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lazarus-stream-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true });
});

async function collect(items: AsyncIterable<HistoryItem>): Promise<HistoryItem[]> {
  const out: HistoryItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("readHistoryFile", () => {
  it("reads 200,000 events written by HistoryWriter", async () => {
    const path = join(dir, "big.jsonl");
    const writer = HistoryWriter.toFile(path);
    await writer.header(validHeader());
    const eventCount = 200_000;
    for (let index = 0; index < eventCount / 2; index++) {
      const process = index % 10;
      await writer.event({ kind: "invoke", time: index, process, op: "put", key: `k${index % 100}`, value: `v${index}` });
      await writer.event({ kind: "complete", time: index, process, op: "put", key: `k${index % 100}`, outcome: "ok" });
    }
    await writer.close();
    const result = await readHistoryFile(path);
    expect(result.ok).toBe(true);
    expect(result.ok && result.history.events.length).toBe(eventCount);
    expect(result.ok && result.history.events[eventCount - 1]).toEqual({ kind: "complete", time: 99_999, process: 9, op: "put", key: "k99", outcome: "ok" });
  });

  it("reports a cut-off last line of a file as truncated", async () => {
    const path = join(dir, "cut.jsonl");
    await writeFile(path, `${withHeader({ kind: "heal", time: 1 })}{"kind":"heal","ti`);
    const result = await readHistoryFile(path);
    expect(!result.ok && [result.error.code, result.error.line, result.error.file]).toEqual(["truncated", 3, path]);
  });

  it("reports a missing file or a directory as unreadable, line 0", async () => {
    for (const path of [join(dir, "missing.jsonl"), dir]) {
      const result = await readHistoryFile(path);
      expect(!result.ok && [result.error.code, result.error.line, result.error.field]).toEqual(["unreadable", 0, ""]);
      expect(!result.ok && formatHistoryError(result.error)).toMatch(new RegExp(`^${path}: could not read the file: E`));
    }
  });

  it("reports an empty file as empty", async () => {
    const path = join(dir, "empty.jsonl");
    await writeFile(path, "");
    const result = await readHistoryFile(path);
    expect(!result.ok && result.error.code).toBe("empty");
  });
});

describe("readHistoryItems", () => {
  it("yields the header, then each event with its index and line, then stops at an error", async () => {
    const text = withHeader({ kind: "heal", time: 1 }, { kind: "barrier", time: 2 }, { kind: "heal", time: 0 }, { kind: "heal", time: 9 });
    const items = await collect(readHistoryItems(Readable.from([text]), "s.jsonl"));
    expect(items.map((item) => item.kind)).toEqual(["header", "event", "event", "error"]);
    expect(items[2]).toEqual({ kind: "event", line: 3, index: 1, event: { kind: "barrier", time: 2 } });
    expect(items[3]?.kind === "error" && [items[3].error.code, items[3].error.line]).toEqual(["time-backwards", 4]);
  });

  it("joins lines and UTF-8 characters split across chunks", async () => {
    const bytes = Buffer.from(withHeader({ kind: "invoke", time: 1, process: 0, op: "put", key: "ключ", value: "☃ snow" }));
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    const items = await collect(readHistoryItems(Readable.from(chunks)));
    const last = items.at(-1);
    expect(last?.kind === "event" && last.event).toEqual({ kind: "invoke", time: 1, process: 0, op: "put", key: "ключ", value: "☃ snow" });
  });

  it.each(badCases)("reports $name in 7-byte chunks as parseHistoryText does", async ({ text }) => {
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) => bytes.subarray(index * 7, index * 7 + 7));
    const items = await collect(readHistoryItems(Readable.from(chunks), "bad.jsonl"));
    const expected = parseHistoryText(text, "bad.jsonl");
    expect(expected.ok).toBe(false);
    expect(items.at(-1)).toEqual({ kind: "error", error: !expected.ok && expected.error });
  });

  it("lets a consumer stop early", async () => {
    const text = withHeader(...Array.from({ length: 1000 }, (_, time) => ({ kind: "heal", time })));
    let seen = 0;
    for await (const item of readHistoryItems(Readable.from([text]))) {
      if (item.kind === "event" && ++seen === 3) break;
    }
    expect(seen).toBe(3);
  });
});
