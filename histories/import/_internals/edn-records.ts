// Splits EDN text into its top-level maps, line by line, without holding the file:
// one map per line, a single vector of maps, or maps spread over lines all work.

import { parseEDNString } from "edn-data";
import type { LineSource } from "../result.ts";

/** EdnRecord is one top-level map, parsed, with the line it starts on (1-based). */
export type EdnRecord = { ok: true; line: number; map: Record<string, unknown> } | { ok: false; line: number; message: string; fix: string };

const parseOptions = { mapAs: "object", keywordAs: "string", listAs: "array", charAs: "string", symbolAs: "string", setAs: "array" } as const;

/**
 * ednRecords yields each top-level `{...}` (optionally tagged, `#jepsen.history.Op{...}`)
 * with its starting line. Brackets of one enclosing vector, commas, whitespace and
 * `;` comments between maps are skipped; anything else is an error.
 */
export async function* ednRecords(lines: LineSource): AsyncGenerator<EdnRecord> {
  let lineNumber = 0;
  let depth = 0;
  let inString = false;
  let buffer = "";
  let startLine = 0;
  for await (const text of lines) {
    lineNumber++;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (depth === 0) {
        if (c === "{") {
          depth = 1;
          startLine = lineNumber;
          buffer = "{";
        } else if (c === ";") break;
        else if (c === "#" && /^#[\w.\-/]+\{/.test(text.slice(i))) i = text.indexOf("{", i) - 1; // a record tag
        else if (!/[\s,[\]]/.test(c)) {
          yield { ok: false, line: lineNumber, message: `unexpected ${JSON.stringify(text.slice(i, i + 20))} between operations`, fix: "each operation must be an EDN map {...}; the whole file may be one vector [...] of them" };
          return;
        }
        continue;
      }
      buffer += c;
      if (inString) {
        if (c === "\\") buffer += text[++i] ?? "";
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "\\") buffer += text[++i] ?? ""; // a character literal such as \{
      else if (c === "{" || c === "[" || c === "(") depth++;
      else if (c === "}" || c === "]" || c === ")") depth--;
      if (depth === 0) yield parseMap(buffer, startLine);
    }
    if (depth > 0) buffer += "\n";
  }
  if (depth > 0) yield { ok: false, line: startLine, message: "the map that starts here is never closed (truncated file?)", fix: "close the map with } or remove the incomplete last operation" };
}

function parseMap(text: string, line: number): EdnRecord {
  try {
    const map = parseEDNString(text, parseOptions);
    if (map === null || typeof map !== "object" || Array.isArray(map)) throw new Error("not a map");
    return { ok: true, line, map: map as Record<string, unknown> };
  } catch (error) {
    return { ok: false, line, message: `cannot parse the EDN map: ${(error as Error).message}`, fix: "write each operation as an EDN map, e.g. {:process 0, :type :invoke, :f :read, :value nil}" };
  }
}
