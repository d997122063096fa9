// Guesses a history file's format from its first lines, for `--format auto`.

import type { ImportFormat } from "./result.ts";

/** FormatGuess is the format found, or why none was. */
export type FormatGuess = { ok: true; format: ImportFormat } | { ok: false; message: string; fix: string };

/**
 * detectFormat looks at the first non-blank lines: a JSON header naming
 * `lazarus-history` → lazarus; `INFO  jepsen.util -` → jepsen-log; EDN maps, alone or in a
 * vector or list → jepsen-edn,
 * or porcupine-kv when they use :append or :get/:put with a :key and never :delete.
 */
export function detectFormat(firstLines: readonly string[]): FormatGuess {
  const lines = firstLines.map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith(";"));
  const first = lines[0];
  if (first === undefined) return { ok: false, message: "the file is empty", fix: "give a history file with at least one line" };
  if (first.startsWith("{\"") || first.startsWith("{ \"")) {
    if (first.includes("lazarus-history")) return { ok: true, format: "lazarus" };
    return { ok: false, message: "the first line is JSON but not a lazarus history header", fix: 'start the file with {"kind":"header","format":"lazarus-history",...}' };
  }
  if (/^INFO\s+jepsen\.util\s+-/.test(first)) return { ok: true, format: "jepsen-log" };
  const text = lines.join("\n");
  // One vector [...] or list (...) of maps may open on a line of its own.
  if (/^([[(]\s*)?(#[\w.\-/]+)?\{\s*:/.test(text)) {
    const keyed = /:f\s+:(get|put|append)\b/.test(text) && /:key\s/.test(text);
    const porcupine = keyed && !/:f\s+:delete\b/.test(text) && (/:f\s+:append\b/.test(text) || /^\{:process \d+, :type :\w+, :f :\w+, :key /.test(first));
    return { ok: true, format: porcupine ? "porcupine-kv" : "jepsen-edn" };
  }
  return { ok: false, message: `cannot tell the format from ${JSON.stringify(first.slice(0, 60))}`, fix: "name it with --format lazarus|jepsen-edn|jepsen-log|porcupine-kv" };
}
