// What `lazarus run` keeps of the history it records. The spec's rules need only the
// operations and the cluster's events (HistoryFold, model/history-context.ts), so the events themselves
// go straight to --out as they happen and are not held; only --report, which draws every
// event, keeps the whole history. A run's memory then follows its operations.
import { HistoryFileSink } from "../histories/format/file-sink.ts";
import { MemoryRecorder, type Recorder } from "../impl/index.ts";
import { HistoryFold, type HistoryContext } from "../model/history-context.ts";
import type { SupersessionIndex } from "../model/key-history.ts";
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import type { Progress } from "./progress.ts";
import { OperationsProgress } from "./progress-recorder.ts";

/** RunRecording takes a simulation's history: folds it for the check, writes it to `file`, keeps it whole when `keepWhole`. */
export class RunRecording implements Recorder {
  private fold: HistoryFold | undefined;
  private recordedHeader: HistoryHeader | undefined;
  private readonly file: HistoryFileSink | undefined;
  private readonly whole: MemoryRecorder | undefined;
  private readonly operations: OperationsProgress;
  /** events is how many events were recorded. */
  events = 0;

  /** `file` is the path the events are written to as they come (the caller renames it into place). */
  constructor(progress: Progress, totalOps: number, file: string | undefined, keepWhole: boolean) {
    this.operations = new OperationsProgress(progress, totalOps);
    if (file !== undefined) this.file = new HistoryFileSink(file);
    if (keepWhole) this.whole = new MemoryRecorder();
  }

  header(header: HistoryHeader): void {
    this.recordedHeader = header;
    this.fold = new HistoryFold(header);
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

  /** context is the history prepared for the spec's rules. */
  context(index: SupersessionIndex): HistoryContext {
    return this.fold!.context(index);
  }

  /** history is the whole history, when it was kept (for --report). */
  history(): History | undefined {
    return this.whole?.history();
  }
}
