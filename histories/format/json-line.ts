// Parses one line of text as a JSON object, refusing keys that could reach an object's
// prototype. JSON.parse makes `"__proto__"` an own property, harmless by itself, but a
// consumer that copies or merges the object could pollute Object.prototype; refuse early.
import { quote, type HistoryErrorAt } from "./error.ts";
import { maxJsonDepth, tooDeepAt } from "./json-depth.ts";
import { jsonPath } from "./zod-issue.ts";

/** forbiddenKeys are the object keys no history line may contain, at any depth. */
export const forbiddenKeys: readonly string[] = ["__proto__", "constructor", "prototype"];

/** JsonLineResult is a parsed object, or why the line is not one. */
export type JsonLineResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; error: HistoryErrorAt };

/**
 * parseJsonLine parses `text`, line `line` of a history. `terminated` says whether a
 * newline followed it: an unterminated last line that does not parse was cut off.
 */
export function parseJsonLine(text: string, line: number, terminated: boolean): JsonLineResult {
  if (tooDeepAt(text) !== -1) {
    return fail({
      code: "too-deep",
      line,
      field: "",
      message: `the line nests arrays and objects more than ${maxJsonDepth} levels deep; expected a history line, which nests a few levels`,
      fix: "flatten the value, or check that the file is a lazarus history",
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof SyntaxError ? cause.message : String(cause);
    if (!terminated) {
      return fail({
        code: "truncated",
        line,
        field: "",
        message: `the last line ends without a newline and is not complete JSON (${reason}); found ${quote(text)}`,
        fix: "the file was cut off while being written: remove the partial last line or record the history again",
      });
    }
    return fail({
      code: "bad-json",
      line,
      field: "",
      message: `${reason}; found ${quote(text)}; expected one JSON object on this line`,
      fix: "make the line a single JSON object, as `lazarus schema` describes",
    });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return fail({
      code: "not-an-object",
      line,
      field: "",
      message: `found ${quote(value)}; expected a JSON object with a "kind" field`,
      fix: "write each header and event as a JSON object `{...}`",
    });
  }
  // Cheap guard first: only a line that mentions a forbidden word is walked.
  if (forbiddenKeys.some((word) => text.includes(word))) {
    const path = findForbiddenKey(value);
    if (path !== undefined) {
      return fail({
        code: "forbidden-key",
        line,
        field: jsonPath(path),
        message: `found the object key ${quote(path[path.length - 1])}; expected only the fields the format defines`,
        fix: "remove that key: __proto__, constructor and prototype are never valid field names",
      });
    }
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Visit is a value still to walk, with the step that reached it; the path is rebuilt only on a find. */
interface Visit {
  value: unknown;
  parent: Visit | undefined;
  step: string | number;
}

/**
 * findForbiddenKey returns the path of a forbidden key in `value`, or undefined. It walks
 * with an explicit stack, so a deeply nested line cannot overflow the call stack, and
 * links each visit to its parent instead of copying paths, so the walk is linear.
 */
function findForbiddenKey(value: unknown): Array<string | number> | undefined {
  const stack: Visit[] = [{ value, parent: undefined, step: "" }];
  for (;;) {
    const next = stack.pop();
    if (next === undefined) return undefined;
    if (next.value === null || typeof next.value !== "object") continue;
    if (Array.isArray(next.value)) {
      next.value.forEach((item, index) => stack.push({ value: item, parent: next, step: index }));
      continue;
    }
    for (const [key, item] of Object.entries(next.value)) {
      if (forbiddenKeys.includes(key)) return pathTo({ value: item, parent: next, step: key });
      stack.push({ value: item, parent: next, step: key });
    }
  }
}

function pathTo(visit: Visit): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: Visit | undefined = visit; at?.parent !== undefined; at = at.parent) path.unshift(at.step);
  return path;
}

function fail(error: HistoryErrorAt): JsonLineResult {
  return { ok: false, error };
}
