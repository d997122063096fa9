// A saved counterexample told again as the suite told it when the run failed: its steps
// played once more on the in-process store, to learn which events each step recorded (a
// history does not say), printed as the suite's timeline, then the suite's finding. The
// tour of the bug zoo (docs/bug-zoo.md) is written from it.
import type { History } from "../model/vocabulary.ts";
import { compare, originOf, playSteps } from "./replay.ts";
import { judgeRun } from "./run-end.ts";
import type { SimulatorConfig } from "./simulator-configurations.ts";
import { provokedBySimulation } from "./simulator-suite.ts";
import { timeline } from "./timeline.ts";

/** RetoldCounterexample is a failing run as describeFailure prints it: one line per step, and what failed it. */
export interface RetoldCounterexample {
  timeline: string;
  /** finding: the read the spec forbids that stopped the run, or the checker's verdict on the whole history, with its event indices. */
  finding: string;
}

/**
 * retellCounterexample replays a saved property-suite counterexample of the in-process
 * store. It throws when the history cannot be told: no steps in its origin, a replay that
 * differs from the file (the store changed since it was saved), or a run that passes.
 */
export async function retellCounterexample(history: History): Promise<RetoldCounterexample> {
  const origin = originOf(history);
  if (origin.kind === "cannot-replay") throw new Error(`cannot retell this history: ${origin.reason}`);
  if (origin.steps === undefined) throw new Error("cannot retell this history: its origin has no steps (it is a lazarus run, not a property-suite run)");
  const played = await playSteps(origin.options, origin.steps);
  const same = compare(history, played.history);
  if (same.kind === "differs") throw new Error(`cannot retell this history: its replay differs at line ${same.line}; record it again (npm run zoo for the bug zoo)`);
  // The in-process store's suite judges a run as simulatorSuite does; its origin's options are the drawn configuration.
  const finding = played.forbiddenRead ?? judgeRun(history, provokedBySimulation(history, origin.options as SimulatorConfig))?.message;
  if (finding === undefined) throw new Error("cannot retell this history: the run it records passes");
  return { timeline: timeline(origin.steps, played.marks, history), finding };
}
