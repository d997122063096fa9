// Where the external histories (written elsewhere, with known verdicts) are, if anywhere:
// LAZARUS_EXTERNAL names their folder, else ../shared/external beside the project is used
// when it exists. A clone without them skips the tests that need them, each with one
// printed line; with LAZARUS_EXTERNAL_REQUIRED=1 (CI, when the folder exists) a missing
// corpus fails instead, so that CI can never pass by skipping.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const beside = fileURLToPath(new URL("../../../shared/external/", import.meta.url));
const named = process.env["LAZARUS_EXTERNAL"];
const folder = named ?? beside;

if (!existsSync(folder) && process.env["LAZARUS_EXTERNAL_REQUIRED"] === "1") {
  throw new Error(`the external histories are required (LAZARUS_EXTERNAL_REQUIRED=1) but ${folder} does not exist`);
}

/** porcupineDirectory is the folder of Porcupine's histories, ending in a slash, or undefined when absent. */
export const porcupineDirectory: string | undefined = existsSync(join(folder, "porcupine")) ? `${join(folder, "porcupine")}/` : undefined;

/** skipWithoutExternal prints, once per caller, what is skipped and how to run it; returns whether to skip. */
export function skipWithoutExternal(what: string): boolean {
  if (porcupineDirectory !== undefined) return false;
  console.log(`skipped: ${what} (no external histories at ${folder}; set LAZARUS_EXTERNAL to their folder to run them)`);
  return true;
}
