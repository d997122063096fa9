// Progress of a simulation: a recorder that keeps the history in memory, as `simulate`
// does by default, and counts the operations invoked so far for the progress line.
import { MemoryRecorder, type Recorder } from "../impl/index.ts";
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import type { Progress } from "./progress.ts";

const unit = { kind: "count", name: "ops" } as const;

/** ProgressRecorder records a whole history and shows the invoked operations of `totalOps` on `progress`. */
export class ProgressRecorder implements Recorder {
  private readonly memory = new MemoryRecorder();
  private invoked = 0;

  constructor(
    private readonly progress: Progress,
    private readonly totalOps: number,
  ) {}

  header(header: HistoryHeader): void {
    this.memory.header(header);
  }

  event(event: HistoryEvent): void {
    this.memory.event(event);
    if (event.kind !== "invoke") return;
    // The clock is read every 256 operations, so counting costs the simulation nothing.
    if ((++this.invoked & 255) === 0 || this.invoked === this.totalOps) this.progress.update(this.invoked, this.totalOps, unit, `simulating`);
  }

  /** history is what was recorded: the same history `simulate` returns without a recorder. */
  history(): History {
    return this.memory.history();
  }
}
