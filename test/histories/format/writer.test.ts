// The writer: what it writes reads back equal (property-based), the bytes depend only
// on the history and not on the order of fields in memory, and the stream form matches.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { HistoryWriter, historyLine, parseHistoryText, readHistoryFile, serializeHistory } from "../../../histories/index.ts";
import type { History } from "../../../model/vocabulary.ts";
import { historyArbitrary } from "./arbitrary.ts";
import { validHeader } from "./fixtures.ts";

/** reversedKeys copies `value` with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
}

describe("serializeHistory", () => {
  fcTest.prop([historyArbitrary], { numRuns: 300 })("round-trips every valid history", (history) => {
    const result = parseHistoryText(serializeHistory(history), "round-trip.jsonl");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.history).toStrictEqual(history);
  });

  fcTest.prop([historyArbitrary], { numRuns: 100 })("writes the same bytes whatever the key order in memory", (history) => {
    expect(serializeHistory(reversedKeys(history) as History)).toBe(serializeHistory(history));
  });

  it("writes fields in the documented order, kind first, one line each", () => {
    const line = historyLine({ value: "v", key: "k", op: "put", process: 1, time: 2, kind: "invoke" });
    expect(line).toBe('{"kind":"invoke","time":2,"process":1,"op":"put","key":"k","value":"v"}\n');
    const text = serializeHistory({ header: validHeader(), events: [{ kind: "barrier", time: 3 }] });
    expect(text.split("\n")).toHaveLength(3);
    expect(text.startsWith('{"kind":"header","format":"lazarus-history","formatVersion":1,"consistency":"quorum","seed":7,"config":{"nodes"')).toBe(true);
  });
});

describe("HistoryWriter", () => {
  it("streams the same bytes as serializeHistory, across many flushes", async () => {
    const history: History = {
      header: validHeader(),
      events: Array.from({ length: 5000 }, (_, index) => ({ kind: "clock-skew", time: index, node: "n1", offsetTicks: -index })),
    };
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new HistoryWriter(sink);
    await writer.header(history.header);
    for (const event of history.events) await writer.event(event);
    await writer.close();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(serializeHistory(history));
  });

  it("writes a file that readHistoryFile reads back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lazarus-writer-"));
    try {
      const path = join(dir, "h.jsonl");
      const writer = HistoryWriter.toFile(path);
      await writer.header(validHeader());
      await writer.event({ kind: "invoke", time: 1, process: 0, op: "put", key: "k", value: "é☃" });
      await writer.close();
      const result = await readHistoryFile(path);
      expect(result.ok && result.history.events).toEqual([{ kind: "invoke", time: 1, process: 0, op: "put", key: "k", value: "é☃" }]);
      expect(await readFile(path, "utf8")).toMatch(/\n$/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it("throws on misuse: an event before the header, a second header", async () => {
    const writer = new HistoryWriter(new PassThrough());
    await expect(writer.event({ kind: "heal", time: 1 })).rejects.toThrow(/header first/);
    await writer.header(validHeader());
    await expect(writer.header(validHeader())).rejects.toThrow(/header must come first/);
  });
});
