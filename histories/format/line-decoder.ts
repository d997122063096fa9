// Turns the bytes of an input, chunk by chunk, into lines of text: strict UTF-8, a bounded
// line length, and nothing held but the chunk and the line being completed. No I/O here;
// input.ts feeds it from a file, a pipe or standard input.
import type { HistoryError } from "./error.ts";
import { firstInvalidUtf8 } from "./utf8.ts";

/**
 * defaultMaxLineBytes is the longest line read unless told otherwise: far above any event
 * (a few hundred bytes), far below what a string may hold, so `/dev/zero` or a binary file
 * is an error with a line number instead of an out-of-memory crash.
 */
export const defaultMaxLineBytes = 16 * 1024 * 1024;

/** InputLine is one line of text without its "\n" or "\r\n"; `terminated` is false only for a last line with no newline. */
export interface InputLine {
  text: string;
  terminated: boolean;
}

/** ScannedLine is a line a LineScanner read straight from its bytes, never decoded to text. */
export interface ScannedLine {
  scanned: unknown;
}

/**
 * LineScanner reads the line `bytes[start, end)` (no newline) into a value, or returns
 * undefined to have it decoded as text as usual. It is never given the input's first line.
 */
export type LineScanner = (bytes: Buffer, start: number, end: number) => unknown;

/** LineBatch is the lines one chunk completed, in order, and the failure that ends the input after them, if any. */
export interface LineBatch {
  lines: Array<InputLine | ScannedLine>;
  failure?: HistoryError;
}

const newline = 0x0a;
const carriageReturn = 0x0d;

/**
 * LineDecoder splits bytes into lines. A UTF-8 byte-order mark at the very start is
 * skipped: JSON (RFC 8259, 8.1) lets a parser ignore it, and Windows tools write it.
 * After a failure it yields nothing more.
 */
export class LineDecoder {
  // ignoreBOM keeps a U+FEFF that starts a later chunk; only the file's first bytes may be a mark.
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private pieces: Uint8Array[] = [];
  private pieceBytes = 0;
  private lineCount = 0;
  private atStart = true;
  private markBytes = 0;
  private failed = false;
  private scanner: LineScanner | undefined;

  /** constructor takes the name errors give the input and the longest line, in bytes, it accepts. */
  constructor(
    private readonly fileName: string,
    private readonly maxLineBytes = defaultMaxLineBytes,
  ) {}

  /**
   * scanWith has every later line that is not the input's first offered to `scanner`
   * before it is decoded: the lines it reads are never turned into text at all.
   */
  scanWith(scanner: LineScanner): void {
    this.scanner = scanner;
  }

  /** push takes the next chunk and returns the lines it completed. */
  push(chunk: Uint8Array): LineBatch {
    if (this.failed) return { lines: [] };
    const last = chunk.lastIndexOf(newline);
    if (last === -1) {
      this.hold(chunk);
      return this.pieceBytes > this.maxLineBytes ? { lines: [], failure: this.tooLong() } : { lines: [] };
    }
    const batch = this.decodeLines(this.takeHeld(chunk.subarray(0, last)), true);
    if (batch.failure !== undefined) return batch;
    this.hold(chunk.subarray(last + 1));
    return this.pieceBytes > this.maxLineBytes ? { lines: batch.lines, failure: this.tooLong() } : batch;
  }

  /** end returns the last line if the input did not end with a newline. */
  end(): LineBatch {
    if (this.failed || this.pieceBytes === 0) return { lines: [] };
    return this.decodeLines(this.takeHeld(new Uint8Array(0)), false);
  }

  private hold(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pieces.push(bytes);
    this.pieceBytes += bytes.length;
  }

  /** takeHeld returns the held start of a line followed by `tail`, and holds nothing more. */
  private takeHeld(tail: Uint8Array): Uint8Array {
    const bytes = this.pieces.length === 0 ? tail : Buffer.concat([...this.pieces, tail]);
    this.pieces = [];
    this.pieceBytes = 0;
    return bytes;
  }

  /** decodeLines reads `region`, whole lines without the last newline: scanned where the scanner takes a line, else decoded. */
  private decodeLines(region: Uint8Array, terminated: boolean): LineBatch {
    if (this.atStart) {
      this.atStart = false;
      if (region[0] === 0xef && region[1] === 0xbb && region[2] === 0xbf) {
        this.markBytes = 3;
        region = region.subarray(3);
      }
    }
    return this.scanner === undefined ? this.decodeText(region, terminated) : this.scanLines(asBuffer(region), terminated, this.scanner);
  }

  /**
   * scanLines offers each line of `region` to `scanner`, and decodes each run of lines it
   * does not take in one call, so that lines come out in order and a failure (bad UTF-8,
   * a line too long) comes after the lines before it, as without a scanner.
   */
  private scanLines(region: Buffer, terminated: boolean, scanner: LineScanner): LineBatch {
    const lines: LineBatch["lines"] = [];
    // runStart is the first byte of the lines not taken by the scanner and not yet decoded.
    let runStart = 0;
    /** decodeRun decodes the run of lines before byte `end` (a newline, or the region's end); it returns a failure, if any. */
    const decodeRun = (end: number): HistoryError | undefined => {
      const run = this.decodeText(region.subarray(runStart, end), terminated);
      for (const line of run.lines) lines.push(line);
      return run.failure;
    };
    for (let start = 0; start <= region.length; ) {
      const newlineAt = region.indexOf(newline, start);
      const end = newlineAt === -1 ? region.length : newlineAt;
      // The first line is never scanned, and a line over the limit is decoded to be refused.
      // A "\r" before the newline is not the line's, as decodeText drops it too.
      const offered = (start > 0 || this.lineCount > 0) && end - start <= this.maxLineBytes;
      const scanned = offered ? scanner(region, start, end > start && region[end - 1] === carriageReturn ? end - 1 : end) : undefined;
      if (scanned !== undefined) {
        const failure = runStart < start ? decodeRun(start - 1) : undefined;
        if (failure !== undefined) return { lines, failure };
        lines.push({ scanned });
        this.lineCount++;
        runStart = end + 1;
      }
      start = end + 1;
    }
    const failure = runStart > region.length ? undefined : decodeRun(region.length);
    return failure === undefined ? { lines } : { lines, failure };
  }

  /** decodeText decodes `region`, whole lines without the last newline, in one call. */
  private decodeText(region: Uint8Array, terminated: boolean): LineBatch {
    let text: string;
    try {
      text = this.decoder.decode(region);
    } catch {
      return this.decodeUntilInvalid(region, terminated);
    }
    const lines: InputLine[] = [];
    for (const piece of text.split("\n")) {
      const line = piece.endsWith("\r") ? piece.slice(0, -1) : piece;
      if (this.longerThanLimit(line)) return { lines, failure: this.tooLong() };
      lines.push({ text: line, terminated });
      this.lineCount++;
    }
    return { lines };
  }

  /** decodeUntilInvalid returns the lines before the first bad byte, and the failure that names it. */
  private decodeUntilInvalid(region: Uint8Array, terminated: boolean): LineBatch {
    const offset = firstInvalidUtf8(region);
    if (offset === -1) throw new Error("LineDecoder: TextDecoder refused bytes that are well-formed UTF-8");
    const lineStart = offset === 0 ? 0 : region.lastIndexOf(newline, offset) + 1;
    const before = lineStart === 0 ? { lines: [] } : this.decodeText(region.subarray(0, lineStart - 1), terminated);
    if (before.failure !== undefined) return before;
    const column = offset - lineStart + 1 + (this.lineCount === 0 ? this.markBytes : 0);
    return { lines: before.lines, failure: this.fail(this.lineCount + 1, column, invalidBytesError(region, offset, this.lineCount === 0 && offset === 0)) };
  }

  /** longerThanLimit measures bytes only when the character count cannot decide (a character is 1 to 3 bytes per UTF-16 unit). */
  private longerThanLimit(line: string): boolean {
    if (line.length > this.maxLineBytes) return true;
    return line.length * 3 > this.maxLineBytes && Buffer.byteLength(line) > this.maxLineBytes;
  }

  /** tooLong drops the held bytes and fails on the line being read. */
  private tooLong(): HistoryError {
    this.pieces = [];
    this.pieceBytes = 0;
    const limit = this.maxLineBytes;
    return this.fail(this.lineCount + 1, undefined, {
      code: "line-too-long",
      message: `the line is longer than ${limit % 1048576 === 0 ? `${limit / 1048576} MiB` : `${limit} bytes`}, the longest line the reader accepts`,
      fix: "a history holds one short event per line: check that this is a history file, not binary data or an endless stream",
    });
  }

  private fail(line: number, column: number | undefined, what: Pick<HistoryError, "code" | "message" | "fix">): HistoryError {
    this.failed = true;
    const error: HistoryError = { file: this.fileName, line, field: "", ...what };
    if (column !== undefined) error.column = column;
    return error;
  }
}

/** asBuffer views `bytes` as a Buffer, without copying, for the scanner's string slicing. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** invalidBytesError says which bytes are not UTF-8, naming a UTF-16 byte-order mark when the file starts with one. */
function invalidBytesError(region: Uint8Array, offset: number, fileStart: boolean): Pick<HistoryError, "code" | "message" | "fix"> {
  const utf16 = fileStart && ((region[0] === 0xff && region[1] === 0xfe) || (region[0] === 0xfe && region[1] === 0xff));
  if (utf16) {
    return {
      code: "bad-utf8",
      message: `the file starts with a UTF-16 byte-order mark (${hex(region.subarray(0, 2))}); expected UTF-8 text`,
      fix: "convert the file to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`",
    };
  }
  let end = offset + 1;
  while (end < region.length && end < offset + 4 && region[end]! >= 0x80 && region[end]! <= 0xbf) end++;
  return {
    code: "bad-utf8",
    message: `found the byte sequence ${hex(region.subarray(offset, end))}, which is not UTF-8; expected UTF-8 text`,
    fix: "convert the file to UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`), or remove the stray bytes",
  };
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => `0x${byte.toString(16).padStart(2, "0")}`).join(" ");
}
