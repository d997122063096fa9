// A copy, in a temporary file, of an input that can be read only once: standard input, a
// pipe, a FIFO. A history too long for the check's memory is read again for each group of
// keys; a regular file is simply opened again, and a pipe is read again from this copy. The
// copy is written as the chunks pass, so it costs one write per chunk and the disk space of
// the input, and it is removed when the check ends (or the process exits).
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toBytes } from "./input.ts";

/** InputCopy copies the chunks of one input as they are read. */
export class InputCopy {
  private folder: string | undefined;
  private fd: number | undefined;
  private complete = false;
  private failed = false;
  private readonly removeAtExit = () => this.dispose();

  /** wrap returns `open` with every chunk it yields copied; the copy is complete once the chunks ran out. */
  wrap(open: () => AsyncIterable<unknown>): () => AsyncIterable<unknown> {
    const copy = this;
    return async function* copied() {
      for await (const chunk of open()) {
        copy.write(chunk);
        yield chunk;
      }
      copy.finish();
    };
  }

  /** path is the copy's file once the whole input was read and copied; undefined if it was not, or a write failed (a full disk, say). */
  get path(): string | undefined {
    return this.complete && !this.failed && this.folder !== undefined ? join(this.folder, "input") : undefined;
  }

  /** dispose removes the copy. */
  dispose(): void {
    this.closeFile();
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
    process.off("exit", this.removeAtExit);
  }

  private write(chunk: unknown): void {
    if (this.failed) return;
    try {
      if (this.fd === undefined) {
        this.folder = mkdtempSync(join(tmpdir(), "lazarus-input-"));
        process.on("exit", this.removeAtExit);
        this.fd = openSync(join(this.folder, "input"), "w");
      }
      const bytes = toBytes(chunk);
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
    } catch {
      // Without a copy the input can still be checked in one reading; only a second is lost.
      this.failed = true;
      this.dispose();
    }
  }

  private finish(): void {
    this.closeFile();
    this.complete = true;
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
