// The line-by-line core of the reader, free of I/O: it takes the lines of a history in
// order and turns each into a header, an event or the first error. The text and stream
// front ends in reader.ts both drive it.
import type { HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import type { HistoryError, HistoryErrorAt } from "./error.ts";
import { checkEventFields, parseEventLine, type EventLineResult } from "./event-line.ts";
import { parseHeaderLine } from "./header-line.ts";
import { HistoryRules } from "./history-rules.ts";
import { parseJsonLine } from "./json-line.ts";
import { readWellFormedEvent } from "./well-formed-event.ts";

/**
 * HistoryItem is what one line of a history became. Blank lines are allowed only at the
 * end of a file, so the event at index `index` is always on line `index + 2`.
 */
export type HistoryItem =
  | { kind: "header"; line: number; header: HistoryHeader }
  | { kind: "event"; line: number; index: number; event: HistoryEvent }
  | { kind: "error"; error: HistoryError };

/** HistoryParser turns the lines of one history into items; after an error it only repeats that error. */
export class HistoryParser {
  private lineNumber = 0;
  private header: HistoryHeader | undefined;
  private rules = new HistoryRules();
  private eventCount = 0;
  /** blankLine is the first blank line not yet followed by content; an error if content follows. */
  private blankLine = 0;
  private error: HistoryError | undefined;

  /**
   * constructor takes the file name that errors will name. Without `crossLineRules` only
   * each line is checked, not the rules between lines (history-rules.ts), whose maps hold
   * every put's value: for a second reading of a file whose first reading checked them.
   */
  constructor(
    private readonly fileName: string,
    private readonly crossLineRules = true,
  ) {}

  /**
   * push takes the next line, without its newline; `terminated` is false only for a last
   * line the file ended without a newline. It returns an item, or undefined for a blank line.
   */
  push(text: string, terminated: boolean): HistoryItem | undefined {
    if (this.error !== undefined) return { kind: "error", error: this.error };
    const line = ++this.lineNumber;
    if (text.trim() === "") {
      if (this.blankLine === 0) this.blankLine = line;
      return undefined;
    }
    if (this.blankLine !== 0) return this.failAtBlankLine();
    if (this.header === undefined) {
      const json = parseJsonLine(text, line, terminated);
      if (!json.ok) return this.fail(json.error);
      const header = parseHeaderLine(json.value, line);
      if (!header.ok) return this.fail(header.error);
      this.header = header.header;
      return { kind: "header", line, header: header.header };
    }
    return this.eventItem(readEventLine(text, line, terminated, this.header), line);
  }

  /**
   * pushEvent takes the next line as the event a scanner read from it (canonical-event.ts),
   * one that matchEventShape accepts: the line's own checks and the rules between lines
   * still apply. The scanner is never given a file's first line, so the header is known.
   */
  pushEvent(event: HistoryEvent): HistoryItem {
    if (this.error !== undefined) return { kind: "error", error: this.error };
    const line = ++this.lineNumber;
    if (this.blankLine !== 0) return this.failAtBlankLine();
    if (this.header === undefined) throw new Error("HistoryParser: an event was scanned before the header was read");
    return this.eventItem(checkEventFields(event, line, this.header), line);
  }

  /** eventItem is the item of line `line`, read as `event`, once the rules between lines pass it. */
  private eventItem(event: EventLineResult, line: number): HistoryItem {
    if (!event.ok) return this.fail(event.error);
    const broken = this.crossLineRules ? this.rules.check(event.event, line) : undefined;
    if (broken !== undefined) return this.fail(broken);
    return { kind: "event", line, index: this.eventCount++, event: event.event };
  }

  /** failAtBlankLine: content after a blank line; the blank line is the error. */
  private failAtBlankLine(): HistoryItem {
    return this.fail({
      code: "bad-json",
      line: this.blankLine,
      field: "",
      message: "found an empty line; expected one JSON object on every line (blank lines may only end a file)",
      fix: "remove the empty line",
    });
  }

  /** finish ends the input; it returns the error that ends the history, if any (an empty file is one). */
  finish(): HistoryError | undefined {
    if (this.error === undefined && this.header === undefined) {
      this.fail({
        code: "empty",
        line: 1,
        field: "",
        message: "found no lines; expected a header line and then events",
        fix: "write the header as the first line (see `lazarus schema`), or check that the right file was given",
      });
    }
    return this.error;
  }

  private fail(error: HistoryErrorAt): HistoryItem {
    this.error = { file: this.fileName, ...error };
    return { kind: "error", error: this.error };
  }
}

/** readEventLine checks line `line`, an event of a history with `header`: the fast path first, the full checks for any line it does not take. */
function readEventLine(text: string, line: number, terminated: boolean, header: HistoryHeader): EventLineResult {
  const wellFormed = readWellFormedEvent(text);
  if (wellFormed !== undefined) return checkEventFields(wellFormed, line, header);
  const json = parseJsonLine(text, line, terminated);
  if (!json.ok) return json;
  return parseEventLine(json.value, line, header);
}
