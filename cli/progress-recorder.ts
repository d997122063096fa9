// Progress of a simulation: a recorder that counts the operations invoked so far for the
// progress line and keeps nothing. `lazarus run` and `lazarus replay` pass each event on
// to it beside what they do with the history.
import type { Recorder } from "../impl/index.ts";
import type { HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import type { Progress } from "./progress.ts";

const unit = { kind: "count", name: "ops" } as const;

/** OperationsProgress shows the invoked operations of `totalOps` on `progress`, from the events of a simulation. */
export class OperationsProgress implements Recorder {
  private invoked = 0;

  constructor(
    private readonly progress: Progress,
    private readonly totalOps: number,
  ) {}

  header(_header: HistoryHeader): void {}

  event(event: HistoryEvent): void {
    if (event.kind !== "invoke") return;
    // The clock is read every 256 operations, so counting costs the simulation nothing.
    if ((++this.invoked & 255) === 0 || this.invoked === this.totalOps) this.progress.update(this.invoked, this.totalOps, unit, `simulating`);
  }
}
