// Replay: record a history again from its origin and compare. A simulation (`lazarus
// run`) is recorded again from its options; a property-suite run from its options and
// its steps, which stop, as the run did, at the read the spec forbids outright. Either
// the same history comes out byte for byte, or the first line that differs is named.
import { simulate, validateOptions, resolveOptions, type Recorder, type StoreOptionsInput } from "../impl/index.ts";
import { historyLine } from "../histories/format/writer.ts";
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import { SimulatorAdapter } from "./simulator-adapter.ts";
import { suiteStepSchema } from "./step-schema.ts";
import { ForbiddenReadError, StepRunner } from "./step-runner.ts";
import type { SuiteStep } from "./step.ts";

/** ReplayOutcome: the same history, a first difference, or why the history cannot be replayed. */
export type ReplayOutcome =
  | { kind: "same"; lines: number }
  | { kind: "differs"; line: number; recorded: string | undefined; replayed: string | undefined }
  | { kind: "cannot-replay"; reason: string };

/** ReplayWatch: what a caller hears while a replay runs (`lazarus replay` draws its progress line from it). */
export interface ReplayWatch {
  /** simulationRecorder hears a simulation recorded again, given the ops it will invoke. */
  simulationRecorder?(totalOps: number): Recorder;
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
  if (origin.steps === undefined) return simulateAgain(history, origin.options, watch);
  const replayed = (await playSteps(origin.options, origin.steps, watch)).history;
  watch.comparing?.(Math.max(history.events.length, replayed.events.length) + 1);
  return compare(history, replayed);
}

/** originOf reads the origin in a history's header: valid options, and steps that are commands. */
export function originOf(history: History): Origin {
  const origin = history.header.origin;
  if (origin === undefined) return { kind: "cannot-replay", reason: "its header has no origin: only histories the simulator recorded (lazarus run, the property suite) can be replayed" };
  if (origin.store !== undefined && origin.store !== "simulator") {
    return { kind: "cannot-replay", reason: `the property suite recorded it from the store ${JSON.stringify(origin.store)}, not the simulator, which alone can record it again; run the suite on that store with the fastCheck seed and path in its origin` };
  }
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

/**
 * simulateAgain runs the simulation again and compares each line as it is recorded, stopping
 * at the first that differs or once the replay runs past the recorded history's end. So a
 * replay costs no more than the history it checks, whatever its origin's options say
 * (a header edited to ask for 10^12 operations stops at the first line past the end).
 */
function simulateAgain(recorded: History, options: StoreOptionsInput, watch: ReplayWatch): ReplayOutcome {
  const comparing = new ComparingRecorder(recorded, watch.simulationRecorder?.(resolveOptions(options).workload.ops));
  try {
    simulate(options, comparing);
  } catch (error) {
    if (error instanceof Diverged) return error.outcome;
    throw error;
  }
  watch.comparing?.(recorded.events.length + 1);
  return comparing.end();
}

/** Diverged stops a simulation at the first line that differs from the recorded one. */
class Diverged extends Error {
  constructor(readonly outcome: Extract<ReplayOutcome, { kind: "differs" }>) {
    super(`replay differs at line ${outcome.line}`);
  }
}

/** ComparingRecorder compares each line a simulation records with the recorded history's line, and passes it on to `next`. */
class ComparingRecorder implements Recorder {
  private lines = 0;

  constructor(
    private readonly recorded: History,
    private readonly next: Recorder | undefined,
  ) {}

  header(header: HistoryHeader): void {
    this.lines = 1;
    this.expect(historyLine(bareHeader(this.recorded.header)), historyLine(bareHeader(header)));
    this.next?.header(header);
  }

  event(event: HistoryEvent): void {
    const recorded = this.recorded.events[this.lines - 1];
    this.lines++;
    this.expect(recorded === undefined ? undefined : historyLine(recorded), historyLine(event));
    this.next?.event(event);
  }

  /** end is the outcome once the simulation has finished: the same, unless the recorded history goes on. */
  end(): Exclude<ReplayOutcome, { kind: "cannot-replay" }> {
    const recorded = this.recorded.events[this.lines - 1];
    if (recorded !== undefined) return { kind: "differs", line: this.lines + 1, recorded: historyLine(recorded).trimEnd(), replayed: undefined };
    return { kind: "same", lines: this.lines };
  }

  private expect(recorded: string | undefined, replayed: string): void {
    if (recorded !== replayed) throw new Diverged({ kind: "differs", line: this.lines, recorded: recorded?.trimEnd(), replayed: replayed.trimEnd() });
  }
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

/** bareHeader is a header without its origin and description (a person's words): what a replay must record again. */
function bareHeader(header: HistoryHeader): HistoryHeader {
  return { ...header, origin: undefined, description: undefined };
}

/** compare compares two histories line by line; the headers without their origins and descriptions. */
export function compare(recorded: History, replayed: History): Exclude<ReplayOutcome, { kind: "cannot-replay" }> {
  const recordedLines = [historyLine(bareHeader(recorded.header)), ...recorded.events.map(historyLine)];
  const replayedLines = [historyLine(bareHeader(replayed.header)), ...replayed.events.map(historyLine)];
  const length = Math.max(recordedLines.length, replayedLines.length);
  for (let index = 0; index < length; index++) {
    if (recordedLines[index] !== replayedLines[index]) {
      return { kind: "differs", line: index + 1, recorded: recordedLines[index]?.trimEnd(), replayed: replayedLines[index]?.trimEnd() };
    }
  }
  return { kind: "same", lines: length };
}
