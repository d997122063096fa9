// Which importer reads a format written elsewhere: one answer for the CLI and for the
// helper threads that read a file again, so that both import it the same way.
import { importJepsenEdn } from "./jepsen-edn.ts";
import { importJepsenLog } from "./jepsen-log.ts";
import { importPorcupineKv } from "./porcupine-kv.ts";
import type { ImportFormat, ImportOptions, ImportResult, LineSource } from "./result.ts";

/** ForeignFormat is a format an importer reads: every format but lazarus's own. */
export type ForeignFormat = Exclude<ImportFormat, "lazarus">;

/** importerFor is the importer of `format`. */
export function importerFor(format: ForeignFormat): (lines: LineSource, options: ImportOptions) => Promise<ImportResult> {
  return format === "jepsen-log" ? importJepsenLog : format === "jepsen-edn" ? importJepsenEdn : importPorcupineKv;
}
