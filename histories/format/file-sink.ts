// Writes a history to a file as it is recorded, line by line, for a simulation that must
// not hold its events: lines gather in a buffer and go out with a synchronous write every
// megabyte, since a simulator's recorder is called synchronously, millions of times.
import { closeSync, openSync, writeSync } from "node:fs";
import type { HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import { historyLine } from "./writer.ts";

const flushBytes = 1 << 20;

/** HistoryFileSink writes a header and then events to `path`, in the format's bytes; call close at the end. */
export class HistoryFileSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  header(header: HistoryHeader): void {
    this.push(historyLine(header));
  }

  event(event: HistoryEvent): void {
    this.push(historyLine(event));
  }

  /** close writes what is left and closes the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private push(line: string): void {
    this.pending.push(line);
    this.pendingLength += line.length;
    if (this.pendingLength >= flushBytes) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }
}
