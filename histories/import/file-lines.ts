// Streams a file's lines, so that an importer never holds the whole text at once.

import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/** fileLines yields the lines of the file at `path`, without line endings. */
export async function* fileLines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
  }
}
