// Progress of long work on a terminal: one line on standard error, rewritten in place,
// saying how much is done, how fast, and when it should end. It is drawn only when
// standard error is a terminal and the output is not --json, so pipes, files, CI logs
// and JSON readers never see it. One line written with \r needs no library.
import { monotonicMs } from "../checker/monotonic-clock.ts";

/** ProgressStream is where the line goes: standard error, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

/** ProgressUnit says how to show an amount: a count of things (ops, events, runs) or bytes. */
export type ProgressUnit = { kind: "count"; name: string } | { kind: "bytes" };

/**
 * firstDrawMs: work done sooner than this never draws a line, so quick commands stay quiet.
 * LAZARUS_PROGRESS_AFTER_MS changes it (0 draws from the first update): a recording of a
 * terminal session, or a test, then sees the line however fast the machine is.
 */
const firstDrawMs = firstDrawFromEnvironment(process.env.LAZARUS_PROGRESS_AFTER_MS);

/** firstDrawFromEnvironment reads LAZARUS_PROGRESS_AFTER_MS; anything but a whole number of milliseconds keeps 300. */
function firstDrawFromEnvironment(text: string | undefined): number {
  return text !== undefined && /^\d{1,7}$/.test(text) ? Number(text) : 300;
}
/** redrawMs: the line is rewritten at most this often. */
const redrawMs = 100;

/**
 * Progress draws one command's progress line. `update` reads the clock: a caller with
 * millions of items calls it every few hundred.
 */
export class Progress {
  private startMs: number;
  private lastDrawMs = -Infinity;
  private drawn = false;

  private constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly label: string,
    private readonly now: () => number,
  ) {
    this.startMs = now();
  }

  /** onStderr draws on standard error when it is a terminal and `quiet` (--json) is false; otherwise it draws nothing. */
  static onStderr(label: string, quiet: boolean): Progress {
    return Progress.on(quiet ? undefined : process.stderr, label);
  }

  /** on draws on `stream` when it is a terminal; `now` is the clock, in milliseconds. */
  static on(stream: ProgressStream | undefined, label: string, now: () => number = monotonicMs): Progress {
    return new Progress(stream?.isTTY === true ? stream : undefined, label, now);
  }

  /** enabled says whether this progress draws at all: standard error is a terminal, and not --json. */
  get enabled(): boolean {
    return this.stream !== undefined;
  }

  /** update shows `done` of `total` (undefined when the total is not known), then `detail`. */
  update(done: number, total: number | undefined, unit: ProgressUnit, detail = ""): void {
    if (this.stream === undefined) return;
    const nowMs = this.now();
    if (!this.due(nowMs)) return;
    const seconds = (nowMs - this.startMs) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const doneText = total === undefined || unit.kind === "bytes" ? amount(done, unit) : amount(done, unit).replace(/ \S+$/, "");
    const parts = [`${doneText}${total === undefined ? "" : ` / ${amount(total, unit)} (${Math.floor((100 * done) / Math.max(total, 1))}%)`}`];
    if (rate > 0) parts.push(`${amount(rate, unit)}/s`);
    if (total !== undefined && rate > 0 && done < total) parts.push(`ETA ${duration((total - done) / rate)}`);
    // The numbers come first: on a narrow terminal the detail (a file name) is what is cut.
    this.draw(`${this.label}: ${parts.join(", ")}${detail === "" ? "" : `; ${detail}`}`);
  }

  /**
   * restart begins a new stage with its own count (keys after bytes): its rate and ETA are
   * measured from now, and its line shows once it has run as long as a first line waits.
   */
  restart(): void {
    this.startMs = this.now();
  }

  /** stage shows a step with no amount to count (a check of the whole history), once the line is showing or due. */
  stage(text: string): void {
    if (this.stream === undefined || !this.due(this.now(), true)) return;
    this.draw(`${this.label}: ${text}`);
  }

  /** finish clears the line, so the command's own output starts on a clean line. */
  finish(): void {
    if (this.drawn) this.stream?.write("\r\x1b[2K");
    this.drawn = false;
  }

  private due(nowMs: number, force = false): boolean {
    if (nowMs - this.startMs < firstDrawMs) return false;
    return force || nowMs - this.lastDrawMs >= redrawMs;
  }

  private draw(line: string): void {
    // A terminal of unknown size (a pty nobody sized) says 0 columns: assume 80.
    const columns = this.stream?.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    const width = Math.max(20, columns - 1);
    this.stream?.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    this.lastDrawMs = this.now();
    this.drawn = true;
  }
}

/** amount shows a count with thousands separators (one decimal below 10: a rate) and its unit, or bytes in KiB/MiB/GiB. */
export function amount(value: number, unit: ProgressUnit): string {
  if (unit.kind === "count") return `${value < 10 && !Number.isInteger(value) ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ${unit.name}`;
  const units = ["B", "KiB", "MiB", "GiB"];
  let scaled = value;
  let u = 0;
  while (scaled >= 1024 && u < units.length - 1) {
    scaled /= 1024;
    u++;
  }
  return `${u === 0 ? Math.round(scaled) : scaled.toFixed(1)} ${units[u]}`;
}

/** duration shows seconds as "42s", "3m 05s" or "2h 10m". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
