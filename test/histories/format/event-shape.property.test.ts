// The hand-written event checks (event-shape.ts) against the zod schema, the format's one
// definition: on valid events, on events with one field removed, added or replaced by a
// hostile value at any depth, and on any JSON, both accept the same and give back the same
// event, key order and -0 included. And the text fast path (well-formed-event.ts) takes a
// line only when the full checks of json-line.ts would pass it. Seed in the titles.
import fc from "fast-check";
import { describe, expect } from "vitest";
import type { HistoryEvent } from "../../../model/vocabulary.ts";
import { matchEventShape } from "../../../histories/format/event-shape.ts";
import { parseJsonLine } from "../../../histories/format/json-line.ts";
import { historyEventKinds, historyEventSchema } from "../../../histories/format/schema.ts";
import { readWellFormedEvent } from "../../../histories/format/well-formed-event.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";
import { clusterEventArbitrary, historyArbitrary } from "./arbitrary.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * eventArbitrary is one valid event, as JSON.parse would give it back: an event of a valid
 * history, or a cluster event of any kind drawn evenly, so that rare kinds come up too.
 */
const eventArbitrary: fc.Arbitrary<Json> = fc
  .oneof(
    historyArbitrary.filter((history) => history.events.length > 0).chain((history) => fc.constantFrom(...history.events)),
    fc.tuple(clusterEventArbitrary, fc.nat(1000)).map(([event, time]): HistoryEvent => ({ ...event, time })),
  )
  .map((event: HistoryEvent) => JSON.parse(JSON.stringify(event)) as Json);

// Values at the edges of the schema's rules: -0, fractions, unsafe integers, empty strings,
// wrong types, other kinds, and the nested shapes of the format in the wrong places.
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    0, -0, -1, -0.5, Infinity, -Infinity, -1e-9, 0.5, 1.5, 1e308, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), "", "n1", "put", "ok", "lww", "vector", true, false, null, [], {},
    ["n1"], [""], [["n1"]], [[""]], [1], [["n1", 1]], [["n1", -1]], [["n1", 1.5]], [["n1", 1, 2]], [["", 1]], [["n1", 2 ** 53]],
    { kind: "lww", timestamp: 1, node: "n1" }, { kind: "vector", entries: [] }, { kind: "value", value: "v" },
    { kind: "absent", reason: "deleted" }, { kind: "siblings", values: [], tombstones: [] }, { values: [], tombstones: [] },
  ),
  fc.constantFrom<Json>(...historyEventKinds, "header", "absent", "siblings", "value"),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

const fieldName = fc.constantFrom(
  "kind", "time", "process", "op", "key", "value", "tombstone", "context", "outcome", "result", "error", "version",
  "node", "holder", "target", "storedAt", "source", "deletedAt", "replicas", "groups", "offsetTicks", "full", "complete",
  "nodes", "startedAt", "syncedReplicaSets", "timestamp", "entries", "reason", "values", "tombstones",
  "extra", "__proto__", "constructor", "prototype", "0",
);

/**
 * Mutation is one change at the `at`-th container (object or array) of an event, in a walk
 * from the top: a field or item removed, its value replaced by `value` or perturbed (a
 * value near the old one, just outside the rule), or a field `field` added.
 */
type Mutation = { kind: "remove" | "replace" | "perturb" | "add"; at: number; field: string; index: number; value: Json; choice: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom("remove", "replace", "perturb", "perturb", "add"),
  // Half the time the event itself, where most fields are.
  at: fc.oneof(fc.constant(0), fc.nat(20)),
  field: fieldName,
  index: fc.nat(7),
  value: hostileValue,
  choice: fc.nat(15),
});

function containers(value: Json, found: Array<Json[] | { [key: string]: Json }> = []): Array<Json[] | { [key: string]: Json }> {
  if (value === null || typeof value !== "object") return found;
  found.push(value);
  for (const item of Object.values(value)) containers(item, found);
  return found;
}

/** mutate changes a copy of `event`; a key is defined as JSON.parse defines it, so "__proto__" becomes an own field. */
function mutate(event: Json, mutations: Mutation[]): Json {
  const copy = JSON.parse(JSON.stringify(event)) as Json;
  for (const { kind, at, field, index, value: shared, choice } of mutations) {
    // A copy: fast-check may hand the same value to two mutations, which would make a cycle.
    const value = structuredClone(shared);
    const all = containers(copy);
    const target = all[at % all.length]!;
    if (Array.isArray(target)) {
      if (kind === "remove") target.splice(index % (target.length + 1), 1);
      else if (kind === "perturb" && target.length > 0) target[index % target.length] = perturb(target[index % target.length]!, choice);
      else target[kind === "add" ? target.length : index % (target.length + 1)] = value;
      continue;
    }
    if (kind === "perturb") {
      const keys = Object.keys(target);
      if (keys.length > 0) {
        const key = keys[index % keys.length]!;
        target[key] = perturb(target[key]!, choice);
      }
      continue;
    }
    const keys = Object.keys(target);
    const key = kind === "add" || keys.length === 0 ? field : keys[index % keys.length]!;
    if (kind === "remove") delete target[key];
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** perturb returns a value just outside what `value` may be: the other sign, a fraction, an unsafe integer, Infinity (JSON.parse reads 1e999 so), an empty string, another type. */
function perturb(value: Json, choice: number): Json {
  if (typeof value === "number") return [-1 - Math.abs(value), value + 0.5, 2 ** 53 + value, -0, String(value), -Number.MIN_VALUE, -value, null, Infinity][choice % 9]!;
  if (typeof value === "string") return ["", `${value}x`, value.length, null, [value], true, "__proto__", value.toUpperCase()][choice % 8]!;
  if (typeof value === "boolean") return [!value, String(value), 0, null][choice % 4]!;
  if (Array.isArray(value)) return [[...value, ...value], value.slice(1), {}, [value], "", [null]][choice % 6]!;
  if (value === null) return [0, "", false][choice % 3]!;
  return [[], null, { ...value, extra: 1 }, {}][choice % 4]!;
}

/** agree checks that the hand-written checks and zod accept `value` alike and give back the same event. */
function agree(value: unknown): void {
  const zod = historyEventSchema.safeParse(value);
  const fast = matchEventShape(value);
  expect(fast !== undefined, JSON.stringify(value)).toBe(zod.success);
  if (zod.success) {
    expect(fast).toStrictEqual(zod.data);
    expect(Object.keys(fast!)).toEqual(Object.keys(zod.data));
  }
}

describe("matchEventShape agrees with historyEventSchema", () => {
  prop([eventArbitrary], { seed, numRuns: numRuns(300) })(`accepts every valid event as zod does (seed ${seed})`, (event) => {
    expect(matchEventShape(event)).toBeDefined();
    agree(event);
  });

  prop([eventArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })], { seed, numRuns: numRuns(3000) })(
    `accepts and refuses mutated events as zod does (seed ${seed})`,
    (event, mutations) => agree(mutate(event, mutations)),
  );

  prop([fc.jsonValue({ maxDepth: 4 })], { seed, numRuns: numRuns(300) })(`refuses any other JSON as zod does (seed ${seed})`, (value) => agree(value));
});

// Lines of text: mutated events, sometimes with a forbidden key spelled out, padded with
// whitespace, or nested too deep, which only the text can show.
const lineArbitrary: fc.Arbitrary<string> = fc
  .tuple(eventArbitrary, fc.array(mutationArbitrary, { maxLength: 2 }), fc.constantFrom("plain", "proto", "space", "deep"))
  .map(([event, mutations, form]) => {
    const text = JSON.stringify(mutate(event, mutations));
    if (form === "proto") return text.replace("{", '{"__proto__":{},');
    if (form === "space") return ` ${text.replace(",", " , ")}\t`;
    if (form === "deep") return text.replace(/"time":([^,}]*)/, `"time":${"[".repeat(70)}$1${"]".repeat(70)}`);
    return text;
  });

describe("readWellFormedEvent takes only what the full checks pass", () => {
  prop([lineArbitrary], { seed, numRuns: numRuns(1000) })(`a line it takes is well-formed JSON and an event zod accepts, equal (seed ${seed})`, (text) => {
    const fast = readWellFormedEvent(text);
    const json = parseJsonLine(text, 2, true);
    const zod = json.ok ? historyEventSchema.safeParse(json.value) : undefined;
    expect(fast !== undefined, text).toBe(zod?.success === true);
    if (fast !== undefined) expect(fast).toStrictEqual(zod?.data);
  });
});
