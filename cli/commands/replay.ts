// `lazarus replay FILE`: record a history again from the origin in its header (the
// simulator's options, and a property-suite run's steps) and confirm it byte for byte, or
// show the first line that differs. Exit 0 same, 1 differs, 2 bad input or usage.
import { parseArgs } from "node:util";
import { formatHistoryError, readHistoryFile } from "../../histories/index.ts";
import { replayHistory } from "../../suite/replay.ts";

const usage = `usage: lazarus replay FILE

Records the history in FILE again from the origin in its header: a 'lazarus run' history
from its options, a property-suite counterexample (histories/zoo) from its options and
steps. Prints whether the same history came out byte for byte, or the first line that
differs. FILE may be '-' for standard input.

example: lazarus replay histories/zoo/naive-delete.jsonl
`;

/** replayCommand runs `lazarus replay`; it returns the exit code. */
export async function replayCommand(args: string[]): Promise<number> {
  let file: string;
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
    if (parsed.values.help === true) {
      process.stdout.write(usage);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error(parsed.positionals.length === 0 ? "no FILE given" : "give one FILE");
    file = parsed.positionals[0]!;
  } catch (error) {
    process.stderr.write(`lazarus replay: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const read = await readHistoryFile(file);
  if (!read.ok) {
    process.stderr.write(`lazarus replay: ${formatHistoryError(read.error).replace(/\n\s*/g, "; ")}\n`);
    return 2;
  }
  let outcome;
  try {
    outcome = await replayHistory(read.history);
  } catch (error) {
    process.stderr.write(`lazarus replay: ${file}: the simulator refused its origin: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  switch (outcome.kind) {
    case "same":
      process.stdout.write(`${file}: replayed ${outcome.lines} lines, the same history byte for byte\n`);
      return 0;
    case "differs":
      process.stdout.write(
        `${file}: the replay differs at line ${outcome.line}\n  recorded: ${outcome.recorded ?? "(end of file)"}\n  replayed: ${outcome.replayed ?? "(end of history)"}\n`,
      );
      return 1;
    case "cannot-replay":
      process.stderr.write(`lazarus replay: ${file}: cannot replay: ${outcome.reason}\n`);
      return 2;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}
