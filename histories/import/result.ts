// What an importer returns: the operations of an external history, grouped by the
// family of model they fit, or an error that names the place and the fix.

import type {
  CasRegisterInput,
  CasRegisterOutput,
  KvInput,
  KvOutput,
  Operation,
  PorcupineKvInput,
  PorcupineKvOutput,
} from "../../model/sequential/index.ts";
import { formatHistoryError } from "../format/error.ts";

/** ImportFormat names an external (or the native) history format, as `--format` spells it. */
export type ImportFormat = "lazarus" | "jepsen-log" | "jepsen-edn" | "porcupine-kv";

/**
 * ImportedHistory is an imported history. `eventIndices` of its operations are the
 * 1-based line numbers of the invoke and completion in the source file.
 * - `cas-register`: reads, writes and cas on one register (check with the
 *   cas-register model; without cas, the register model fits too);
 * - `kv`: get/put/delete with keys (the linearizable kv model);
 * - `porcupine-kv`: get/put/append with keys, initially "" (the porcupine-kv model).
 */
export type ImportedHistory = (
  | { kind: "cas-register"; operations: Array<Operation<CasRegisterInput, CasRegisterOutput>> }
  | { kind: "kv"; operations: Array<Operation<KvInput, KvOutput>> }
  | { kind: "porcupine-kv"; operations: Array<Operation<PorcupineKvInput, PorcupineKvOutput>> }
) & { skipped?: SkippedOperations };

/**
 * SkippedOperations says what an importer read but did not check, and why: Jepsen's
 * nemesis operations, say, which are no client's. The check reports it beside its verdict.
 */
export interface SkippedOperations {
  /** operations: how many lines (operations' invokes and completions) were skipped. */
  operations: number;
  /** firstLine: the 1-based line of the first one skipped. */
  firstLine: number;
  why: string;
}

/** ImportError is a user mistake in an input file: where, what, and how to fix it. */
export interface ImportError {
  file: string;
  /** line: 1-based line number (0 when the problem is the file as a whole). */
  line: number;
  field?: string;
  message: string;
  fix: string;
}

/** ImportResult is an imported history or the first error found. */
export type ImportResult = { ok: true; history: ImportedHistory } | { ok: false; error: ImportError };

/** LineSource is the text of a file, one line at a time (without line endings). */
export type LineSource = Iterable<string> | AsyncIterable<string>;

/** ImportOptions: `file` names the source in errors. */
export interface ImportOptions {
  file: string;
}

/** importFailure makes the failing result of an importer reading `file`. */
export function importFailure(file: string, line: number, field: string | undefined, message: string, fix: string): ImportResult {
  const error: ImportError = { file, line, message, fix };
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}

/** formatImportError renders an import error as "file:line: field: message\n  fix: ...", as the reader's errors are. */
export function formatImportError(error: ImportError): string {
  return formatHistoryError(error);
}
