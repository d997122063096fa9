// Turns the first zod issue of a rejected line into a HistoryError: a JSON path for the
// field, zod's own wording of what was expected, and the value actually found.
import type { z } from "zod";
import { quote, type HistoryErrorAt } from "./error.ts";

/** jsonPath renders a zod or walk path as `config.gc.graceTicks` or `groups[1][0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** zodIssueError describes the first issue zod found in `input`, read from line `line`. */
export function zodIssueError(error: z.ZodError, input: unknown, line: number): HistoryErrorAt {
  const issue = error.issues[0];
  if (issue === undefined) throw new Error("zodIssueError: a failed parse with no issues");
  if (issue.code === "unrecognized_keys") {
    const path = [...issue.path, issue.keys[0] ?? ""];
    return {
      code: "bad-field",
      line,
      field: jsonPath(path),
      message: `found an unknown field ${quote(issue.keys[0])}; expected only the fields the format defines here`,
      fix: `remove ${quote(issue.keys[0])} (a misspelled field name is the usual cause; see \`lazarus schema\`)`,
    };
  }
  const found = valueAt(input, issue.path);
  const field = jsonPath(issue.path);
  const missing = found === undefined;
  return {
    code: "bad-field",
    line,
    field,
    message:
      missing && issue.code === "invalid_type"
        ? `the field is missing; expected ${issue.expected}`
        : `${issue.message}; found ${quote(found)}`,
    fix: missing ? `add ${field || "the field"} to this line` : fixFor(issue, field || "the line"),
  };
}

function fixFor(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case "invalid_type":
      return `make ${field} a ${issue.expected}`;
    case "invalid_value":
    case "invalid_union":
      return `set ${field} to one of the values the message lists`;
    case "too_small":
    case "too_big":
      return `bring ${field} within the bound the message gives`;
    default:
      return `change ${field} to a value of the form the message expects`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const segment of path) {
    if (at === null || typeof at !== "object") return undefined;
    // Own properties only: the walk must never reach Object.prototype.
    if (!Object.prototype.hasOwnProperty.call(at, segment)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[segment];
  }
  return at;
}
