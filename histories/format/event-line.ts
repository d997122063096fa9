// Checks one event line on its own: a known kind, the right shape, and the field rules
// that zod's shapes do not carry (a put has a value, only an ok get has a result).
import type { HistoryEvent, HistoryHeader } from "../../model/vocabulary.ts";
import { quote, type HistoryErrorAt } from "./error.ts";
import { matchEventShape } from "./event-shape.ts";
import { historyEventKinds, historyEventSchema } from "./schema.ts";
import { zodIssueError } from "./zod-issue.ts";

/** EventLineResult is a checked event, or the first thing wrong with it. */
export type EventLineResult = { ok: true; event: HistoryEvent } | { ok: false; error: HistoryErrorAt };

const knownKinds: ReadonlySet<unknown> = new Set(historyEventKinds);

/** parseEventLine checks `value`, parsed from line `line`, as an event of a history with `header`. */
export function parseEventLine(value: Record<string, unknown>, line: number, header: HistoryHeader): EventLineResult {
  if (value.kind === "header") {
    return fail({
      code: "duplicate-header",
      line,
      field: "kind",
      message: "found a second header; expected exactly one header, on line 1",
      fix: "remove this header (two histories concatenated into one file are the usual cause)",
    });
  }
  if (!knownKinds.has(value.kind)) {
    return fail({
      code: "unknown-event-kind",
      line,
      field: "kind",
      message: `found kind ${quote(value.kind)}; expected one of ${historyEventKinds.join(", ")}`,
      fix: "use one of the event kinds listed, spelled exactly so (see `lazarus schema`)",
    });
  }
  // The hand-written checks accept what zod accepts, faster; zod words what is wrong.
  const shaped = matchEventShape(value);
  if (shaped !== undefined) return checkEventFields(shaped, line, header);
  const parsed = historyEventSchema.safeParse(value);
  if (!parsed.success) return fail(zodIssueError(parsed.error, value, line));
  return checkEventFields(parsed.data, line, header);
}

/** checkEventFields checks the rules within one line that the schema's shapes do not carry, for `event` of a history with `header`. */
export function checkEventFields(event: HistoryEvent, line: number, header: HistoryHeader): EventLineResult {
  const broken = checkOperationFields(event, line, header);
  return broken === undefined ? { ok: true, event } : fail(broken);
}

/** checkOperationFields enforces which optional fields an invoke or complete may carry, and that a repair round started before it was recorded. */
function checkOperationFields(event: HistoryEvent, line: number, header: HistoryHeader): HistoryErrorAt | undefined {
  if (event.kind === "anti-entropy-round" && event.startedAt > event.time) {
    return badField(line, "startedAt", `found startedAt ${event.startedAt} after the round's time ${event.time}; expected a round to start no later than it is recorded`, "record the round at its end, with startedAt its start");
  }
  if (event.kind === "invoke") {
    if (event.op === "put" && event.value === undefined) {
      return badField(line, "value", "the field is missing; expected the value a put writes", "add value to the put invoke");
    }
    if (event.op !== "put" && event.value !== undefined) {
      return badField(line, "value", `found a value on a ${event.op}; expected value only on a put`, "remove value");
    }
    if (event.op !== "delete" && event.tombstone !== undefined) {
      return badField(line, "tombstone", `found a tombstone on a ${event.op}; expected tombstone only on a delete`, "remove tombstone");
    }
    if (event.op === "delete" && header.consistency === "causal" && event.tombstone === undefined) {
      return badField(
        line,
        "tombstone",
        "the field is missing; expected a tombstone id on every delete of a causal history",
        "add a tombstone id, unique in the history, to the delete invoke",
      );
    }
    if (event.op === "get" && event.context !== undefined) {
      return badField(line, "context", "found a context on a get; expected context only on a put or delete", "remove context");
    }
  }
  if (event.kind === "complete") {
    const wantsResult = event.op === "get" && event.outcome === "ok";
    if (wantsResult && event.result === undefined) {
      return badField(line, "result", "the field is missing; expected what an ok get returned", "add result to the ok get");
    }
    if (!wantsResult && event.result !== undefined) {
      return badField(
        line,
        "result",
        `found a result on a ${event.outcome} ${event.op}; expected result only on an ok get`,
        "remove result",
      );
    }
  }
  return undefined;
}

function badField(line: number, field: string, message: string, fix: string): HistoryErrorAt {
  return { code: "bad-field", line, field, message, fix };
}

function fail(error: HistoryErrorAt): EventLineResult {
  return { ok: false, error };
}
