// The SPEC-NOTES examples (histories/examples/) as the checker tests read them: by file
// name, and at another consistency level than their header names.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readHistoryFile } from "../../histories/index.ts";
import type { History } from "../../model/vocabulary.ts";

const examples = fileURLToPath(new URL("../../histories/examples/", import.meta.url));

/** exampleFiles lists the examples' file names, sorted. */
export function exampleFiles(): string[] {
  return readdirSync(examples).filter((file) => file.endsWith(".jsonl")).sort();
}

/** readExample reads one example by its file name; a file that does not read is a broken fixture, so it throws. */
export async function readExample(file: string): Promise<History> {
  const read = await readHistoryFile(`${examples}${file}`);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.history;
}

/** asLinearizable is `history` with its header asking for the linearizable level. */
export function asLinearizable(history: History): History {
  return { ...history, header: { ...history.header, consistency: "linearizable" } };
}
