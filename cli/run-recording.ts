// What `lazarus run` keeps of the history it records. The spec's rules need only the
// operations and the cluster's events (HistoryFold, model/history-context.ts), so the events themselves
// go straight to --out as they happen and are not held; only --report, which draws every
// event, keeps the whole history. A run's memory then follows its operations, up to the
// memory limit: past it the fold is dropped (checker/guarded-fold.ts), the run goes on
// writing --out in bounded memory, and its check reads --out again a group of keys at a
// time (or is unknown, without --out).
import { HistoryFileSink } from "../histories/format/file-sink.ts";
import { GuardedFold, type Regrouping } from "../checker/guarded-fold.ts";
import type { GroupedCheck } from "../checker/grouped-check.ts";
import type { CheckOptions } from "../checker/linearizability/index.ts";
import { MemoryRecorder, type Recorder } from "../impl/index.ts";
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import type { Progress } from "./progress.ts";
import { OperationsProgress } from "./progress-recorder.ts";

/** RunRecording takes a simulation's history: folds it for the check, writes it to `file`, keeps it whole when `keepWhole`. */
export class RunRecording implements Recorder {
  private fold: GuardedFold | undefined;
  private recordedHeader: HistoryHeader | undefined;
  private readonly file: HistoryFileSink | undefined;
  private readonly whole: MemoryRecorder | undefined;
  private readonly operations: OperationsProgress;
  /** events is how many events were recorded. */
  events = 0;

  /** `file` is the path the events are written to as they come (the caller renames it into place); `memoryBytes` the fold's limit (default: the guard's). */
  constructor(
    progress: Progress,
    totalOps: number,
    file: string | undefined,
    keepWhole: boolean,
    private readonly memoryBytes?: number,
  ) {
    this.operations = new OperationsProgress(progress, totalOps);
    if (file !== undefined) this.file = new HistoryFileSink(file);
    if (keepWhole) this.whole = new MemoryRecorder();
  }

  header(header: HistoryHeader): void {
    this.recordedHeader = header;
    this.fold = new GuardedFold(header, this.memoryBytes);
    this.file?.header(header);
    this.whole?.header(header);
  }

  event(event: HistoryEvent): void {
    this.events++;
    this.fold!.add(event);
    this.file?.event(event);
    this.whole?.event(event);
    this.operations.event(event);
  }

  /** finishFile writes the rest of the file and closes it; it throws what the file system said. */
  finishFile(): void {
    this.file?.close();
  }

  /** recorded is the run's header, once recorded. */
  get recorded(): HistoryHeader {
    if (this.recordedHeader === undefined) throw new Error("RunRecording: no header recorded");
    return this.recordedHeader;
  }

  /**
   * check is the recorded history's check against the spec. Past the memory limit it reads
   * `regrouping`'s file (the --out just written) again a group of keys at a time, and is
   * unknown without one.
   */
  check(options: CheckOptions, regrouping?: Regrouping): Promise<GroupedCheck> {
    return this.fold!.check(options, undefined, regrouping);
  }

  /** history is the whole history, when it was kept (for --report). */
  history(): History | undefined {
    return this.whole?.history();
  }
}
