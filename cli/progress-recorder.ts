// Progress of a simulation: counting the operations invoked so far for the progress line,
// and a recorder that keeps the history in memory, as `simulate` does by default, while
// it counts (replay's). `lazarus run` counts with its own recording (run-recording.ts).
import { MemoryRecorder, type Recorder } from "../impl/index.ts";
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import type { Progress } from "./progress.ts";

const unit = { kind: "count", name: "ops" } as const;

/** OperationsProgress shows the invoked operations of `totalOps` on `progress`, from the events of a simulation. */
export class OperationsProgress {
  private invoked = 0;

  constructor(
    private readonly progress: Progress,
    private readonly totalOps: number,
  ) {}

  /** saw takes the next event recorded. */
  saw(event: HistoryEvent): void {
    if (event.kind !== "invoke") return;
    // The clock is read every 256 operations, so counting costs the simulation nothing.
    if ((++this.invoked & 255) === 0 || this.invoked === this.totalOps) this.progress.update(this.invoked, this.totalOps, unit, `simulating`);
  }
}

/** ProgressRecorder records a whole history and shows the invoked operations of `totalOps` on `progress`. */
export class ProgressRecorder implements Recorder {
  private readonly memory = new MemoryRecorder();
  private readonly operations: OperationsProgress;

  constructor(progress: Progress, totalOps: number) {
    this.operations = new OperationsProgress(progress, totalOps);
  }

  header(header: HistoryHeader): void {
    this.memory.header(header);
  }

  event(event: HistoryEvent): void {
    this.memory.event(event);
    this.operations.saw(event);
  }

  /** history is what was recorded: the same history `simulate` returns without a recorder. */
  history(): History {
    return this.memory.history();
  }
}
