// `lazarus replay FILE`: record a history again from the origin in its header (the
// simulator's options, and a property-suite run's steps) and confirm it byte for byte, or
// show the first line that differs. Exit 0 same, 1 differs, 2 bad input or usage. On a
// terminal a progress line shows the bytes read, then the ops simulated or steps played.
import { commandSummaries } from "../command-summaries.ts";
import { printable } from "../../histories/format/printable.ts";
import { answerEarly, parseCommandLine, refuse, type CommandSpec } from "../args/index.ts";
import { formatHistoryError, readHistoryFile, type HistoryResult } from "../../histories/index.ts";
import { replayHistory } from "../../suite/replay.ts";
import { Progress } from "../progress.ts";
import { openCounted } from "../progress-input.ts";
import { replayWatch } from "../replay-watch.ts";

/** replaySpec is `lazarus replay`'s command line. */
export const replaySpec: CommandSpec = {
  name: "replay",
  summary: commandSummaries.replay,
  operands: true,
  options: {},
  usage: `usage: lazarus replay FILE

Records the history in FILE again from the origin in its header: a 'lazarus run' or
'lazarus explore --keep' history from its options, a property-suite counterexample
(histories/zoo) from its options and steps. Prints whether the same history came out byte for byte, or the first line that
differs. FILE may be '-' for standard input. Exit 0 same, 1 differs, 2 bad input or usage.

example: lazarus replay histories/zoo/naive-delete.jsonl
`,
};

/** replayCommand runs `lazarus replay`; it returns the exit code. */
export async function replayCommand(args: string[]): Promise<number> {
  const line = parseCommandLine(replaySpec, args);
  if (line.kind !== "parsed") return answerEarly(replaySpec, line);
  if (line.operands.length !== 1) return refuse(replaySpec, line.operands.length === 0 ? "no FILE given" : "give one FILE");
  const file = line.operands[0]!;
  const read = await readHistory(file);
  if (!read.ok) {
    process.stderr.write(`lazarus replay: ${formatHistoryError(read.error).replace(/\n\s*/g, "; ")}\n`);
    return 2;
  }
  // A Progress of its own, so that the rate and ETA of the replay do not count the reading.
  const progress = Progress.onStderr("lazarus replay", false);
  let outcome;
  try {
    outcome = await replayHistory(read.history, progress.enabled ? replayWatch(progress) : {});
  } catch (error) {
    progress.finish();
    process.stderr.write(`${printable(`lazarus replay: ${file}: the simulator refused its origin: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    return 2;
  }
  progress.finish();
  switch (outcome.kind) {
    case "same":
      process.stdout.write(`${sameHistory(file, outcome.lines)}\n`);
      return 0;
    case "differs":
      process.stdout.write(
        `${printable(file)}: the replay differs at line ${outcome.line}\n  recorded: ${printable(outcome.recorded ?? "(end of file)")}\n  replayed: ${printable(outcome.replayed ?? "(end of history)")}\n`,
      );
      return 1;
    case "cannot-replay":
      process.stderr.write(`${printable(`lazarus replay: ${file}: cannot replay: ${outcome.reason}`)}\n`);
      return 2;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/** sameHistory is what `lazarus replay` says when the history came out the same. */
export function sameHistory(file: string, lines: number): string {
  return `${printable(file)}: replayed ${lines} lines, the same history byte for byte`;
}

/** readHistory reads the history in `file`; on a terminal it draws the bytes read so far. */
async function readHistory(file: string): Promise<HistoryResult> {
  const progress = Progress.onStderr("lazarus replay", false);
  if (!progress.enabled) return readHistoryFile(file);
  let totalBytes: number | undefined;
  const counted = await openCounted(file, (bytesRead) => progress.update(bytesRead, totalBytes, { kind: "bytes" }, `reading ${printable(file)}`));
  totalBytes = counted.totalBytes;
  try {
    return await readHistoryFile(counted.input);
  } finally {
    await counted.input.close();
    progress.finish();
  }
}
