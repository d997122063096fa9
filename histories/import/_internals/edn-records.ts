// Splits EDN text into its top-level maps, line by line, without holding the file:
// one map per line, a single vector [...] or list (...) of maps, or maps spread over
// lines all work.

import { defaultMaxLineBytes } from "../../format/line-decoder.ts";
import type { LineSource } from "../result.ts";
import { readFlatEdnLine } from "./flat-edn-map.ts";

/** EdnRecord is one top-level map, parsed, with the line it starts on (1-based). */
export type EdnRecord = { ok: true; line: number; map: Record<string, unknown> } | { ok: false; line: number; message: string; fix: string };

/** maxEdnDepth is the deepest nesting an operation may have; edn-data's parser recurses, so 10^5 levels would overflow the stack. */
export const maxEdnDepth = 64;

const parseOptions = { mapAs: "object", keywordAs: "string", listAs: "array", charAs: "string", symbolAs: "string", setAs: "array" } as const;

/**
 * ednRecords yields each top-level `{...}` (optionally tagged, `#jepsen.history.Op{...}`)
 * with its starting line. Brackets and parentheses of one enclosing vector or list,
 * commas, whitespace and `;` comments between maps are skipped; anything else is an
 * error. An integer beyond ±(2^53 - 1) is read as a BigInt, never rounded to a
 * neighbouring double: edn-data would round 9007199254740993 to ...992 unless it carries
 * EDN's `N` suffix, so the suffix is added. A line that is one flat map takes the fast
 * path of flat-edn-map.ts; edn-data is loaded only for the first line that does not.
 */
export async function* ednRecords(lines: LineSource): AsyncGenerator<EdnRecord> {
  let lineNumber = 0;
  let depth = 0;
  let inString = false;
  let buffer = "";
  let startLine = 0;
  for await (const text of lines) {
    lineNumber++;
    if (depth === 0) {
      const flat = readFlatEdnLine(text);
      if (flat !== undefined) {
        yield { ok: true, line: lineNumber, map: flat };
        continue;
      }
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (depth === 0) {
        if (c === "{") {
          depth = 1;
          startLine = lineNumber;
          buffer = "{";
        } else if (c === ";") break;
        else if (c === "#" && /^#[\w.\-/]+\{/.test(text.slice(i, i + 200))) i = text.indexOf("{", i) - 1; // a record tag
        else if (!/[\s,[\]()]/.test(c)) {
          yield { ok: false, line: lineNumber, message: `unexpected ${JSON.stringify(text.slice(i, i + 20))} between operations`, fix: "each operation must be an EDN map {...}; the whole file may be one vector [...] or list (...) of them" };
          return;
        }
        continue;
      }
      if (!inString) {
        const big = unsafeInteger(text, i);
        if (big !== undefined) {
          buffer += `${big}N`;
          i += big.length - 1;
          continue;
        }
        if (c === ";") {
          buffer += text.slice(i); // a comment to the end of the line, brackets and all
          break;
        }
      }
      buffer += c;
      if (inString) {
        if (c === "\\") buffer += text[++i] ?? "";
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "\\") buffer += text[++i] ?? ""; // a character literal such as \{
      else if (c === "{" || c === "[" || c === "(") {
        if (++depth > maxEdnDepth) {
          yield { ok: false, line: lineNumber, message: `the map that starts on line ${startLine} nests more than ${maxEdnDepth} levels deep`, fix: "an operation nests a few levels at most: check that this is a Jepsen history" };
          return;
        }
      } else if (c === "}" || c === "]" || c === ")") depth--;
      if (depth === 0) yield parseMap(await loadEdnParser(), buffer, startLine);
    }
    if (depth > 0) {
      buffer += "\n";
      if (buffer.length > defaultMaxLineBytes) {
        yield { ok: false, line: startLine, message: `the map that starts here is still open after ${lineNumber - startLine + 1} lines and ${buffer.length} characters`, fix: "close the map with }: an operation is a short map" };
        return;
      }
    }
  }
  if (depth > 0) yield { ok: false, line: startLine, message: "the map that starts here is never closed (truncated file?)", fix: "close the map with } or remove the incomplete last operation" };
}

const integerToken = /[+-]?\d+(?=$|[\s,)\]};"])/y;

/**
 * unsafeInteger returns the integer token that starts at `index` of `text` when it is
 * too big for a double to hold exactly, else undefined. A token starts after a
 * delimiter, so the digits of a keyword such as :f1 are never one.
 */
function unsafeInteger(text: string, index: number): string | undefined {
  const c = text.charCodeAt(index);
  const startsNumber = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
  if (!startsNumber || (index > 0 && !/[\s,([{]/.test(text[index - 1]!))) return undefined;
  integerToken.lastIndex = index;
  const token = integerToken.exec(text)?.[0];
  if (token === undefined || token.length < 16) return undefined;
  return Number.isSafeInteger(Number(token)) ? undefined : token;
}

type EdnParser = typeof import("edn-data").parseEDNString;

let ednParser: EdnParser | undefined;

/** loadEdnParser loads edn-data once, when a line first needs it: most histories never do, and a check starts faster without it. */
async function loadEdnParser(): Promise<EdnParser> {
  ednParser ??= (await import("edn-data")).parseEDNString;
  return ednParser;
}

function parseMap(parseEDNString: EdnParser, text: string, line: number): EdnRecord {
  try {
    const map = parseEDNString(text, parseOptions);
    if (map === null || typeof map !== "object" || Array.isArray(map)) throw new Error("not a map");
    return { ok: true, line, map: map as Record<string, unknown> };
  } catch (error) {
    return { ok: false, line, message: `cannot parse the EDN map: ${(error as Error).message}`, fix: "write each operation as an EDN map, e.g. {:process 0, :type :invoke, :f :read, :value nil}" };
  }
}
