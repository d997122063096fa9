// Importers for histories written elsewhere (Jepsen, Porcupine): each turns a file,
// streamed line by line, into operations for the linearizability engine.

export type { ImportedHistory, ImportError, ImportFormat, ImportOptions, ImportResult, LineSource } from "./result.ts";
export { formatImportError } from "./result.ts";
export type { FormatGuess } from "./detect-format.ts";
export { detectFormat } from "./detect-format.ts";
export { fileLines } from "./file-lines.ts";
export { importJepsenLog } from "./jepsen-log.ts";
export { importJepsenEdn } from "./jepsen-edn.ts";
export { importPorcupineKv } from "./porcupine-kv.ts";
