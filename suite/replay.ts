// Replay: record a history again from its origin and compare. A simulation (`lazarus
// run`) is recorded again from its options; a property-suite run from its options and
// its steps, which stop, as the run did, at the read the spec forbids outright. Either
// the same history comes out byte for byte, or the first line that differs is named.
import { simulate, validateOptions, resolveOptions, type Recorder, type StoreOptionsInput } from "../impl/index.ts";
import { historyLine } from "../histories/format/writer.ts";
import type { History, HistoryHeader } from "../model/vocabulary.ts";
import { SimulatorAdapter } from "./simulator-adapter.ts";
import { suiteStepSchema } from "./step-schema.ts";
import { ForbiddenReadError, StepRunner } from "./step-runner.ts";
import type { SuiteStep } from "./step.ts";

/** ReplayOutcome: the same history, a first difference, or why the history cannot be replayed. */
export type ReplayOutcome =
  | { kind: "same"; lines: number }
  | { kind: "differs"; line: number; recorded: string | undefined; replayed: string | undefined }
  | { kind: "cannot-replay"; reason: string };

/** KeepingRecorder is a recorder that keeps what it records, as MemoryRecorder does. */
export type KeepingRecorder = Recorder & { history(): History };

/** ReplayWatch: what a caller hears while a replay runs (`lazarus replay` draws its progress line from it). */
export interface ReplayWatch {
  /** simulationRecorder records a simulation again, given the ops it will invoke (default: in memory). */
  simulationRecorder?(totalOps: number): KeepingRecorder;
  /** stepPlayed hears each property-suite step played, `done` of `total`. */
  stepPlayed?(done: number, total: number): void;
  /** comparing hears that the history is recorded again and the comparison of its `lines` begins. */
  comparing?(lines: number): void;
}

/** Origin is what a history's header says made it: the simulator's options, and a suite run's steps. */
export type Origin = { kind: "origin"; options: StoreOptionsInput; steps: SuiteStep[] | undefined } | { kind: "cannot-replay"; reason: string };

/** PlayedRun is a suite run played again: its history, the event count after each step, and the forbidden read that stopped it. */
export interface PlayedRun {
  history: History;
  marks: number[];
  forbiddenRead: string | undefined;
}

/** replayHistory records the history again from its origin and compares line by line (line 1 is the header). */
export async function replayHistory(history: History, watch: ReplayWatch = {}): Promise<ReplayOutcome> {
  const origin = originOf(history);
  if (origin.kind === "cannot-replay") return origin;
  const replayed = origin.steps === undefined ? simulateAgain(origin.options, watch) : (await playSteps(origin.options, origin.steps, watch)).history;
  watch.comparing?.(Math.max(history.events.length, replayed.events.length) + 1);
  return compare(history, replayed);
}

/** originOf reads the origin in a history's header: valid options, and steps that are commands. */
export function originOf(history: History): Origin {
  const origin = history.header.origin;
  if (origin === undefined) return { kind: "cannot-replay", reason: "its header has no origin: only histories the simulator recorded (lazarus run, the property suite) can be replayed" };
  const options = origin.options as StoreOptionsInput;
  let problems: string[];
  try {
    problems = validateOptions(resolveOptions(options)).map((problem) => problem.message);
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length > 0) return { kind: "cannot-replay", reason: `its origin's options are not valid: ${problems.join("; ")}` };
  if (origin.steps === undefined) return { kind: "origin", options, steps: undefined };
  const steps: SuiteStep[] = [];
  for (const [index, raw] of origin.steps.entries()) {
    const parsed = suiteStepSchema.safeParse(raw);
    if (!parsed.success) return { kind: "cannot-replay", reason: `origin step ${index + 1} is not a command: ${parsed.error.issues[0]?.message ?? "bad shape"} (${JSON.stringify(raw).slice(0, 80)})` };
    steps.push(parsed.data);
  }
  return { kind: "origin", options, steps };
}

function simulateAgain(options: StoreOptionsInput, watch: ReplayWatch): History {
  if (watch.simulationRecorder === undefined) return simulate(options).history;
  const recorder = watch.simulationRecorder(resolveOptions(options).workload.ops);
  simulate(options, recorder);
  return recorder.history();
}

/** playSteps plays a suite run's steps on a fresh in-process store, stopping where a read the spec forbids stopped the run. */
export async function playSteps(options: StoreOptionsInput, steps: readonly SuiteStep[], watch: ReplayWatch = {}): Promise<PlayedRun> {
  const adapter = new SimulatorAdapter(options);
  const runner = new StepRunner(adapter);
  let forbiddenRead: string | undefined;
  try {
    for (const step of steps) {
      // A step that ends in a forbidden read was played all the same: it counts.
      try {
        await runner.run(step);
      } finally {
        watch.stepPlayed?.(runner.steps.length, steps.length);
      }
    }
  } catch (error) {
    if (!(error instanceof ForbiddenReadError)) throw error;
    forbiddenRead = error.message;
  }
  return { history: adapter.history(), marks: [...runner.marks], forbiddenRead };
}

/** compare compares two histories line by line; the headers without their origins and descriptions (a person's words). */
export function compare(recorded: History, replayed: History): Exclude<ReplayOutcome, { kind: "cannot-replay" }> {
  const bare = (header: HistoryHeader): HistoryHeader => ({ ...header, origin: undefined, description: undefined });
  const recordedLines = [historyLine(bare(recorded.header)), ...recorded.events.map(historyLine)];
  const replayedLines = [historyLine(bare(replayed.header)), ...replayed.events.map(historyLine)];
  const length = Math.max(recordedLines.length, replayedLines.length);
  for (let index = 0; index < length; index++) {
    if (recordedLines[index] !== replayedLines[index]) {
      return { kind: "differs", line: index + 1, recorded: recordedLines[index]?.trimEnd(), replayed: replayedLines[index]?.trimEnd() };
    }
  }
  return { kind: "same", lines: length };
}
