// Writes histories as JSON Lines: the header, then one event per line, each object's
// fields in historyKeyOrder, so a history always serializes to the same bytes.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { History, HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import { historyKeyOrder } from "./key-order.ts";

const keyRank: ReadonlyMap<string, number> = new Map(historyKeyOrder.map((key, rank) => [key, rank]));

/** historyLine serializes one header or event as a line of the format, newline included. */
export function historyLine(item: HistoryHeader | HistoryEvent): string {
  return `${JSON.stringify(ordered(item))}\n`;
}

/**
 * ordered copies `value` with every object's keys in historyKeyOrder, leaving out keys
 * the format does not have. (JSON.stringify with historyKeyOrder as its replacer does
 * the same, but ten times slower.)
 */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source).filter((key) => keyRank.has(key));
  keys.sort((a, b) => (keyRank.get(a) ?? 0) - (keyRank.get(b) ?? 0));
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = key === "origin" ? alphabetical(source[key]) : ordered(source[key]);
  return copy;
}

/** alphabetical copies the header's `origin`, free-form options and steps, with every object's keys sorted. */
function alphabetical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(alphabetical);
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) copy[key] = alphabetical(source[key]);
  return copy;
}

/** serializeHistory serializes a whole history held in memory; for big ones use HistoryWriter. */
export function serializeHistory(history: History): string {
  let text = historyLine(history.header);
  for (const event of history.events) text += historyLine(event);
  return text;
}

/** flushChars is how much text the writer gathers before handing it to the stream. */
const flushChars = 1 << 16;

/**
 * HistoryWriter streams a history to a Writable or a file: `header` once, then `event`
 * for each event, then `close`. It batches lines into 64 KiB writes and waits when the
 * stream asks it to, so memory stays bounded however long the history. Misuse (an event
 * before the header, a write after close) throws: that is a bug in the caller.
 */
export class HistoryWriter {
  private pending = "";
  private state: "new" | "open" | "closed" = "new";

  /** constructor takes the stream to write to; `close` ends it. */
  constructor(private readonly stream: Writable) {}

  /** toFile opens (and truncates) `path` for writing. */
  static toFile(path: string): HistoryWriter {
    return new HistoryWriter(createWriteStream(path, { encoding: "utf8" }));
  }

  /** header writes the header line; it must come first, exactly once. */
  async header(header: HistoryHeader): Promise<void> {
    if (this.state !== "new") throw new Error(`HistoryWriter.header: the writer is ${this.state}, the header must come first`);
    this.state = "open";
    await this.append(historyLine(header));
  }

  /** event writes one event line; the caller keeps events in time order. */
  async event(event: HistoryEvent): Promise<void> {
    if (this.state !== "open") throw new Error(`HistoryWriter.event: the writer is ${this.state}, write the header first`);
    await this.append(historyLine(event));
  }

  /** close writes what is gathered and ends the stream, resolving once it has finished. */
  async close(): Promise<void> {
    if (this.state === "closed") return;
    this.state = "closed";
    const finished = once(this.stream, "finish");
    this.stream.end(this.pending);
    this.pending = "";
    await finished;
  }

  private async append(line: string): Promise<void> {
    this.pending += line;
    if (this.pending.length < flushChars) return;
    const ready = this.stream.write(this.pending);
    this.pending = "";
    if (!ready) await once(this.stream, "drain");
  }
}
