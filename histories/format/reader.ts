// Reads a history from a file, a pipe or standard input (streamed in chunks, so a file of
// a million events is never held as one string) or from text, and returns it or the
// first error in it.
import type { Readable } from "node:stream";
import type { History, HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import type { HistoryError } from "./error.ts";
import { scanCanonicalEvent } from "./canonical-event.ts";
import { HistoryInput } from "./input.ts";
import { HistoryParser, type HistoryItem } from "./parser.ts";

/** HistoryResult is a whole history, or the first error that stopped the reader. */
export type HistoryResult = { ok: true; history: History } | { ok: false; error: HistoryError };

/** HistorySource is a file path ("-" for standard input), a readable stream of the history's text, or an opened input. */
export type HistorySource = string | Readable | HistoryInput;

/** readHistoryFile reads the history at `source`, streaming it; it never throws for bad input. */
export async function readHistoryFile(source: string | HistoryInput): Promise<HistoryResult> {
  const collector = new HistoryCollector();
  for await (const items of readItemBatches(toInput(source))) {
    for (const item of items) {
      const result = collector.add(item);
      if (result !== undefined) return result;
    }
  }
  return collector.result();
}

/**
 * HistorySink takes a history as it is read: its header, then each event in order. An
 * event handler that returns "stop" ends the reading there.
 */
export interface HistorySink {
  header(header: HistoryHeader): void;
  event(event: HistoryEvent): void | "stop";
}

/** StreamedHistory says how many events a streamed history had (up to a sink's stop), or the first error. */
export type StreamedHistory = { ok: true; events: number; stopped: boolean } | { ok: false; error: HistoryError };

/**
 * streamHistoryFile reads the history at `source` as readHistoryFile does, but hands the
 * header and each event to `sink` and keeps none: a history of any length is read in the
 * memory of one chunk. It says how many events there were, or the first error; the sink
 * may have seen events before a later line's error. Without `crossLineRules`, only each
 * line is checked (see HistoryParser): for reading again a file already read.
 */
export async function streamHistoryFile(source: string | HistoryInput, sink: HistorySink, crossLineRules = true): Promise<StreamedHistory> {
  let events = 0;
  for await (const items of readItemBatches(toInput(source), crossLineRules)) {
    for (const item of items) {
      if (item.kind === "error") return { ok: false, error: item.error };
      if (item.kind === "header") sink.header(item.header);
      else {
        events++;
        // Leaving the loop closes the input: for-await returns every generator under it.
        if (sink.event(item.event) === "stop") return { ok: true, events, stopped: true };
      }
    }
  }
  return { ok: true, events, stopped: false };
}

/** parseHistoryText reads a history held in `text`; errors name `fileName`. */
export function parseHistoryText(text: string, fileName: string): HistoryResult {
  const parser = new HistoryParser(fileName);
  const collector = new HistoryCollector();
  const lines = text.split("\n");
  const last = lines.pop() ?? "";
  for (const line of lines) {
    const result = collector.add(parser.push(line.endsWith("\r") ? line.slice(0, -1) : line, true));
    if (result !== undefined) return result;
  }
  if (last !== "") {
    const result = collector.add(parser.push(last, false));
    if (result !== undefined) return result;
  }
  return collector.add(finishItem(parser)) ?? collector.result();
}

/**
 * readHistoryItems yields a history one item at a time: the header, then each event,
 * stopping after the first error item. `fileName` defaults to the path, or "<stream>".
 */
export async function* readHistoryItems(source: HistorySource, fileName?: string): AsyncGenerator<HistoryItem> {
  for await (const items of readItemBatches(toInput(source, fileName))) {
    for (const item of items) {
      yield item;
      if (item.kind === "error") return;
    }
  }
}

function toInput(source: HistorySource, fileName?: string): HistoryInput {
  if (source instanceof HistoryInput) return source;
  if (typeof source === "string") return HistoryInput.open(source, fileName === undefined ? {} : { name: fileName });
  return new HistoryInput(() => source, fileName ?? "<stream>");
}

/** readItemBatches yields the items of each chunk together, so a big file costs one await per chunk, not per line. */
async function* readItemBatches(input: HistoryInput, crossLineRules = true): AsyncGenerator<HistoryItem[]> {
  const parser = new HistoryParser(input.name, crossLineRules);
  for await (const batch of input.batches(scanCanonicalEvent)) {
    const items: HistoryItem[] = [];
    for (const line of batch.lines) {
      // What scanCanonicalEvent returned: an event that matchEventShape accepts.
      const item = "text" in line ? parser.push(line.text, line.terminated) : parser.pushEvent(line.scanned as HistoryEvent);
      if (item === undefined) continue;
      items.push(item);
      if (item.kind === "error") break;
    }
    // A line the parser refused comes before the input's failure, so it is the one reported.
    if (items.at(-1)?.kind !== "error" && batch.failure !== undefined) items.push({ kind: "error", error: batch.failure });
    yield items;
    if (items.at(-1)?.kind === "error") return;
  }
  const end = finishItem(parser);
  yield end === undefined ? [] : [end];
}

function finishItem(parser: HistoryParser): HistoryItem | undefined {
  const error = parser.finish();
  return error === undefined ? undefined : { kind: "error", error };
}

/** HistoryCollector gathers items into a History, stopping at the first error. */
class HistoryCollector {
  private header: HistoryHeader | undefined;
  private readonly events: HistoryEvent[] = [];

  /** add takes one item; it returns a failed result on an error item, else undefined. */
  add(item: HistoryItem | undefined): HistoryResult | undefined {
    if (item === undefined) return undefined;
    switch (item.kind) {
      case "header":
        this.header = item.header;
        return undefined;
      case "event":
        this.events.push(item.event);
        return undefined;
      case "error":
        return { ok: false, error: item.error };
      default: {
        const unreachable: never = item;
        throw new Error(`HistoryCollector: unknown item ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** result is the history gathered; the parser guarantees a header once it finished without error. */
  result(): HistoryResult {
    if (this.header === undefined) throw new Error("HistoryCollector: finished without a header or an error");
    return { ok: true, history: { header: this.header, events: this.events } };
  }
}
