// One input, opened once and read once as lines: a file path, "-" for standard input, or a
// stream. Format detection peeks at the first lines and the reader then gets them again,
// so a pipe or a FIFO, which can be read only once, works as a file does.
import type { HistoryError } from "./error.ts";
import { openChunks } from "./file-chunks.ts";
import type { InputCopy } from "./input-copy.ts";
import { defaultMaxLineBytes, LineDecoder, type InputLine, type LineBatch, type LineScanner, type ScannedLine } from "./line-decoder.ts";

/**
 * InputOptions: `maxLineBytes` is the longest line accepted (default 16 MiB); `name` is what
 * errors call the input; `copy`, when given, copies what is read, so that it can be read again.
 */
export interface InputOptions {
  maxLineBytes?: number;
  name?: string;
  copy?: InputCopy;
}

/** stdinName is what errors call standard input, given as "-". */
export const stdinName = "<stdin>";


/** HistoryInput is one input's lines, read lazily: nothing is opened before the first read. */
export class HistoryInput {
  private readonly source: AsyncGenerator<LineBatch>;
  private readonly decoder: LineDecoder;
  private held: LineBatch = { lines: [] };
  private sourceDone = false;
  private started = false;
  private reachedFailure: HistoryError | undefined;

  /** open reads the file at `path`, or standard input for "-" and "/dev/stdin". */
  static open(path: string, options: InputOptions = {}): HistoryInput {
    const chunks = openChunks(path);
    return new HistoryInput(options.copy === undefined ? chunks : options.copy.wrap(chunks), options.name ?? (path === "-" ? stdinName : path), options);
  }

  /**
   * constructor takes a function that opens the chunks (bytes or strings) when first
   * read, so that an open error is never emitted before anyone listens, and `name`, the
   * input's name in errors.
   */
  constructor(
    openChunks: () => AsyncIterable<unknown>,
    readonly name: string,
    options: InputOptions = {},
  ) {
    this.decoder = new LineDecoder(name, options.maxLineBytes ?? defaultMaxLineBytes);
    this.source = decodeChunks(openChunks, name, this.decoder);
  }

  /**
   * head reads up to `count` lines and keeps them for the reader. `failure` is set when
   * the input failed (unreadable, not UTF-8, a line too long) before `count` lines.
   */
  async head(count: number): Promise<{ lines: string[]; failure: HistoryError | undefined }> {
    while (this.held.lines.length < count && this.held.failure === undefined && !this.sourceDone) {
      const next = await this.source.next();
      if (next.done === true) this.sourceDone = true;
      else {
        for (const line of next.value.lines) this.held.lines.push(line);
        if (next.value.failure !== undefined) this.held.failure = next.value.failure;
      }
    }
    const lines = this.held.lines.slice(0, count).map(textOf);
    return { lines, failure: lines.length < count ? this.held.failure : undefined };
  }

  /**
   * batches yields the lines, from the first, in batches; a failure ends the last batch.
   * With `scanner`, the lines it takes come as ScannedLine (line-decoder.ts); lines that
   * head() already read stay text. Read once.
   */
  async *batches(scanner?: LineScanner): AsyncGenerator<LineBatch> {
    if (this.started) throw new Error(`HistoryInput: ${this.name} was read twice; an input is read once`);
    this.started = true;
    if (scanner !== undefined) this.decoder.scanWith(scanner);
    const held = this.held;
    this.held = { lines: [] };
    if (held.lines.length > 0 || held.failure !== undefined) yield held;
    if (held.failure === undefined && !this.sourceDone) yield* this.source;
  }

  /**
   * lines yields the text of each line, for importers, and ends early at a failure,
   * which failure() then returns: an importer sees a shorter input, and the caller
   * reports why.
   */
  async *lines(): AsyncGenerator<string> {
    for await (const batch of this.batches()) {
      for (const line of batch.lines) yield textOf(line);
      if (batch.failure !== undefined) this.reachedFailure = batch.failure;
    }
  }

  /**
   * failure is the failure lines() ended at, once its consumer read every line before it;
   * undefined while the consumer stopped earlier, as an importer does at its own error.
   */
  failure(): HistoryError | undefined {
    return this.reachedFailure;
  }

  /** close stops reading and closes the file; call it when the input may not have been read to its end. */
  async close(): Promise<void> {
    await this.source.return(undefined);
  }
}

/** textOf is a line's text; only batches() with a scanner makes lines that have none. */
function textOf(line: InputLine | ScannedLine): string {
  if ("text" in line) return line.text;
  throw new Error("HistoryInput: a scanned line was read as text");
}

/** decodeChunks opens the chunks and yields their lines through `decoder`; a system error (ENOENT, EISDIR, EACCES) is a failure. */
async function* decodeChunks(openChunks: () => AsyncIterable<unknown>, name: string, decoder: LineDecoder): AsyncGenerator<LineBatch> {
  try {
    for await (const chunk of openChunks()) {
      const batch = decoder.push(toBytes(chunk));
      if (batch.lines.length > 0 || batch.failure !== undefined) yield batch;
      if (batch.failure !== undefined) return;
    }
  } catch (cause) {
    if (!isSystemError(cause)) throw cause;
    yield { lines: [], failure: unreadable(name, cause) };
    return;
  }
  const last = decoder.end();
  if (last.lines.length > 0 || last.failure !== undefined) yield last;
}

/** toBytes is a chunk as bytes: a stream in text mode yields strings, which are UTF-8. */
export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError(`HistoryInput: a chunk must be bytes or a string, not ${typeof chunk}`);
}

/** isSystemError: only what the system refused (it carries an errno) is bad input; anything else is a bug. */
function isSystemError(cause: unknown): cause is NodeJS.ErrnoException {
  return cause instanceof Error && typeof (cause as NodeJS.ErrnoException).errno === "number";
}

function unreadable(name: string, cause: NodeJS.ErrnoException): HistoryError {
  return {
    code: "unreadable",
    file: name,
    line: 0,
    field: "",
    message: `could not read the file: ${cause.message}`,
    fix: "check that the path names a readable history file",
  };
}
