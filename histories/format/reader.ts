// Reads a history from a file (streamed in chunks, so a file of a million events is
// never held as one string) or from text, and returns it or the first error in it.
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { History, HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import type { HistoryError } from "./error.ts";
import { LineSplitter } from "./lines.ts";
import { HistoryParser, type HistoryItem } from "./parser.ts";

/** HistoryResult is a whole history, or the first error that stopped the reader. */
export type HistoryResult = { ok: true; history: History } | { ok: false; error: HistoryError };

/** HistorySource is a file path, or a readable stream of the history's text. */
export type HistorySource = string | Readable;

/** readHistoryFile reads the history in file `path`, streaming it; it never throws for bad input. */
export async function readHistoryFile(path: string): Promise<HistoryResult> {
  const collector = new HistoryCollector();
  for await (const items of readItemBatches(path, path)) {
    for (const item of items) {
      const result = collector.add(item);
      if (result !== undefined) return result;
    }
  }
  return collector.result();
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
  const name = fileName ?? (typeof source === "string" ? source : "<stream>");
  for await (const items of readItemBatches(source, name)) {
    for (const item of items) {
      yield item;
      if (item.kind === "error") return;
    }
  }
}

/** readItemBatches yields the items of each chunk together, so a big file costs one await per chunk, not per line. */
async function* readItemBatches(source: HistorySource, fileName: string): AsyncGenerator<HistoryItem[]> {
  const parser = new HistoryParser(fileName);
  const splitter = new LineSplitter();
  const stream = typeof source === "string" ? createReadStream(source, { highWaterMark: 1 << 16 }) : source;
  stream.setEncoding("utf8");
  try {
    for await (const chunk of stream) {
      const items: HistoryItem[] = [];
      for (const line of splitter.push(chunk as string)) {
        const item = parser.push(line, true);
        if (item === undefined) continue;
        items.push(item);
        if (item.kind === "error") break;
      }
      yield items;
      if (items.at(-1)?.kind === "error") return;
    }
  } catch (cause) {
    // Only a system error (ENOENT, EISDIR, EACCES...) is bad input; anything else is a bug.
    if (!isSystemError(cause)) throw cause;
    yield [{ kind: "error", error: unreadable(fileName, cause) }];
    return;
  } finally {
    stream.destroy();
  }
  const last = splitter.end();
  const lastItem = last === undefined ? undefined : parser.push(last, false);
  const items = lastItem === undefined ? [] : [lastItem];
  if (lastItem?.kind !== "error") {
    const end = finishItem(parser);
    if (end !== undefined) items.push(end);
  }
  yield items;
}

function finishItem(parser: HistoryParser): HistoryItem | undefined {
  const error = parser.finish();
  return error === undefined ? undefined : { kind: "error", error };
}

function isSystemError(cause: unknown): cause is NodeJS.ErrnoException {
  return cause instanceof Error && typeof (cause as NodeJS.ErrnoException).code === "string";
}

function unreadable(fileName: string, cause: NodeJS.ErrnoException): HistoryError {
  const reason = cause.message;
  return {
    code: "unreadable",
    file: fileName,
    line: 0,
    field: "",
    message: `could not read the file: ${reason}`,
    fix: "check that the path names a readable history file",
  };
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
