// Streams a file's lines, so that an importer never holds the whole text at once.

import { formatErrorLine } from "../format/error.ts";
import { HistoryInput } from "../format/input.ts";

/**
 * fileLines yields the lines of the file at `path`, without line endings, for callers
 * (tests, benchmarks) that read files known to be good: it throws when the file cannot
 * be read as lines. The CLI reads a HistoryInput instead and reports such failures.
 */
export async function* fileLines(path: string): AsyncGenerator<string> {
  const input = HistoryInput.open(path);
  yield* input.lines();
  const failure = input.failure();
  if (failure !== undefined) throw new Error(formatErrorLine(failure));
}
