// Replay: record a history again from its origin and compare. A simulation (`lazarus
// run`) is recorded again from its options; a property-suite run from its options and
// its steps, which stop, as the run did, at the read the spec forbids outright. Either
// the same history comes out byte for byte, or the first line that differs is named.
import { simulate, validateOptions, resolveOptions, type StoreOptionsInput } from "../impl/index.ts";
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

/** replayHistory records the history again from its origin and compares line by line (line 1 is the header). */
export async function replayHistory(history: History): Promise<ReplayOutcome> {
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
  const steps: SuiteStep[] = [];
  for (const [index, raw] of (origin.steps ?? []).entries()) {
    const parsed = suiteStepSchema.safeParse(raw);
    if (!parsed.success) return { kind: "cannot-replay", reason: `origin step ${index + 1} is not a command: ${parsed.error.issues[0]?.message ?? "bad shape"} (${JSON.stringify(raw).slice(0, 80)})` };
    steps.push(parsed.data);
  }
  const replayed = origin.steps === undefined ? simulate(options).history : await playSteps(options, steps);
  return compare(history, replayed);
}

async function playSteps(options: StoreOptionsInput, steps: readonly SuiteStep[]): Promise<History> {
  const adapter = new SimulatorAdapter(options);
  const runner = new StepRunner(adapter);
  try {
    for (const step of steps) await runner.run(step);
  } catch (error) {
    if (!(error instanceof ForbiddenReadError)) throw error;
  }
  return adapter.history();
}

/** compare compares two histories line by line; the headers without their origins and descriptions (a person's words). */
function compare(recorded: History, replayed: History): ReplayOutcome {
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
