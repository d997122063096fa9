// Importers for histories written elsewhere (Jepsen, Porcupine): each turns a file,
// streamed line by line, into operations for the linearizability engine. The input layer
// they share with the lazarus reader (one opening, strict UTF-8, bounded lines) and the
// one-line error format are named here too, for the CLI.

export type { ImportedHistory, ImportError, ImportFormat, ImportOptions, ImportResult, LineSource } from "./result.ts";
export { formatImportError } from "./result.ts";
export type { FormatGuess } from "./detect-format.ts";
export { detectFormat } from "./detect-format.ts";
export { fileLines } from "./file-lines.ts";
export { importJepsenLog } from "./jepsen-log.ts";
export { importJepsenEdn } from "./jepsen-edn.ts";
export { importPorcupineKv } from "./porcupine-kv.ts";
export { importerFor, type ForeignFormat } from "./importer-for.ts";
export { isRegularFile, isStdin } from "../format/file-chunks.ts";
export { HistoryInput, stdinName } from "../format/input.ts";
export type { InputOptions } from "../format/input.ts";
export { formatErrorLine } from "../format/error.ts";
export type { PlacedError } from "../format/error.ts";
export { printable, printableJson, printableLines } from "../format/printable.ts";
