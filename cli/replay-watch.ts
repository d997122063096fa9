// Progress of a replay: what `lazarus replay` draws while it records a history again, the
// simulated operations of a `lazarus run` history or the steps of a property-suite run,
// and then the comparison of every line.
import type { ReplayWatch } from "../suite/replay.ts";
import type { Progress } from "./progress.ts";
import { OperationsProgress } from "./progress-recorder.ts";

const steps = { kind: "count", name: "steps" } as const;

/** replayWatch draws a replay's progress on `progress`: ops simulated (with OperationsProgress), or steps played, then the comparison. */
export function replayWatch(progress: Progress): ReplayWatch {
  return {
    simulationRecorder: (totalOps) => new OperationsProgress(progress, totalOps),
    stepPlayed: (done, total) => progress.update(done, total, steps, "playing the suite's steps"),
    comparing: (lines) => progress.stage(`comparing ${lines.toLocaleString("en")} lines`),
  };
}
