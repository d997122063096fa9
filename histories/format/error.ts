// What the reader returns when a history file is wrong: one error with a stable code,
// the place (file, line, field) and a one-sentence fix. Never thrown; see reader.ts.
import { printable } from "./printable.ts";

/**
 * historyErrorCodes documents every HistoryErrorCode in one line. The codes are stable:
 * tests and tools may match on them; messages may change.
 */
export const historyErrorCodes = {
  unreadable: "the file could not be opened or read (missing, a directory, no permission)",
  "line-too-long": "a line holds more bytes than the reader's limit (16 MiB unless set otherwise)",
  "bad-utf8": "the bytes are not UTF-8 (a UTF-8 byte-order mark at the start is allowed and skipped)",
  "too-deep": "a line nests arrays and objects deeper than the format ever needs (64 levels)",
  empty: "the file holds no lines at all, not even a header",
  "bad-json": "a line is not valid JSON, or is blank before the end of the file",
  truncated: "the last line has no newline and is not complete JSON: the file was cut off",
  "not-an-object": "a line is valid JSON but not an object",
  "forbidden-key": "an object key is __proto__, constructor or prototype, anywhere in a line",
  "missing-header": "the first line is not a header",
  "duplicate-header": "a header appears after the first line",
  "unsupported-version": "the header's formatVersion is not one this reader knows (1)",
  "unknown-event-kind": "an event's kind is none of the event kinds of the format",
  "bad-field": "a field is missing, has the wrong type or value, or is not allowed here",
  "time-backwards": "an event's time is earlier than the event before it",
  "complete-without-invoke": "a complete for a process that has no open invoke",
  "overlapping-invoke": "an invoke for a process that already has an open invoke",
  "mismatched-complete": "a complete whose op or key differs from its process's open invoke",
  "duplicate-put-value": "two puts in one history write the same value",
  "duplicate-tombstone": "two deletes in one history name the same tombstone id",
  changed: "the file changed between two readings (a history too long for the memory limit is read again for each group of keys)",
} as const;

/** HistoryErrorCode is the stable name of one kind of bad input. */
export type HistoryErrorCode = keyof typeof historyErrorCodes;

/** HistoryError is one bad-input report: where, what was found and expected, and how to fix it. */
export interface HistoryError {
  code: HistoryErrorCode;
  /** file: the path or name the history was read from. */
  file: string;
  /** line: 1-based line number; 0 when the error concerns the whole file (unreadable). */
  line: number;
  /** column: 1-based, counted in bytes as compilers do, when the error is one byte of the line (bad-utf8). */
  column?: number;
  /** field: a JSON path inside the line (`config.gc.graceTicks`, `result.kind`), or "" for the whole line. */
  field: string;
  /** message: what was found and what was expected. */
  message: string;
  /** fix: one sentence saying how to repair the input. */
  fix: string;
}

/** HistoryErrorAt is a HistoryError before the file name is known (filled in by the parser). */
export type HistoryErrorAt = Omit<HistoryError, "file">;

/**
 * formatHistoryError renders an error as "file:line[:column]: field: message\n  fix: ...",
 * leaving out the line when it is 0 and the field when it is "".
 */
export function formatHistoryError(error: PlacedError): string {
  return `${errorPlace(error)}: ${fieldPrefix(error)}${error.message}\n  fix: ${error.fix}`;
}

/** PlacedError is what every reader and importer error has: a place, what is wrong, the fix. */
export interface PlacedError {
  file: string;
  line: number;
  column?: number;
  field?: string;
  message: string;
  fix: string;
}

/**
 * formatErrorLine renders any reader or importer error on one line,
 * "file:line[:column]: field: message; fix: ...", with control characters escaped, so
 * that a hostile file name or value can neither break the line nor drive the terminal.
 */
export function formatErrorLine(error: PlacedError): string {
  return printable(`${errorPlace(error)}: ${fieldPrefix(error)}${error.message}; fix: ${error.fix}`);
}

/** errorPlace is "file", "file:line" or "file:line:column", as compilers print it. */
function errorPlace(error: PlacedError): string {
  if (error.line <= 0) return error.file;
  return error.column === undefined ? `${error.file}:${error.line}` : `${error.file}:${error.line}:${error.column}`;
}

function fieldPrefix(error: PlacedError): string {
  return error.field === undefined || error.field === "" ? "" : `${error.field}: `;
}

/** quote shows a found value in a message, shortened so one bad line cannot flood a terminal. */
export function quote(found: unknown, maxChars = 60): string {
  const text = found === undefined ? "nothing" : typeof found === "string" ? JSON.stringify(found) : safeJson(found);
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function safeJson(found: unknown): string {
  try {
    return JSON.stringify(found) ?? String(found);
  } catch {
    return String(found);
  }
}
