// The hand-written event checks (event-shape.ts) against the zod schema, the format's one
// definition: on valid events, on events with one field removed, added or replaced by a
// hostile value at any depth, and on any JSON, both accept the same and give back the same
// event, key order and -0 included. The text fast path (well-formed-event.ts) takes a
// line only when the full checks of json-line.ts would pass it, and the byte fast path
// (canonical-event.ts) only what JSON.parse and matchEventShape make the same event of.
// Seed in the titles.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect } from "vitest";
import type { HistoryEvent } from "../../../model/vocabulary.ts";
import { scanCanonicalEvent } from "../../../histories/format/canonical-event.ts";
import { matchEventShape } from "../../../histories/format/event-shape.ts";
import { parseJsonLine } from "../../../histories/format/json-line.ts";
import { historyEventKinds, historyEventSchema } from "../../../histories/format/schema.ts";
import { readWellFormedEvent } from "../../../histories/format/well-formed-event.ts";
import { historyLine } from "../../../histories/format/writer.ts";
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

/** canonicalLine is the writer's line for `event`, without its newline. */
const canonicalLine = (event: Json): string => historyLine(event as unknown as HistoryEvent).slice(0, -1);

/**
 * scanAmid scans `line` as the middle line of a buffer, between other bytes, so that a
 * scanner reading past the line's end would be caught.
 */
function scanAmid(line: Uint8Array, after: Uint8Array): HistoryEvent | undefined {
  const before = Buffer.from('{"kind":"heal","time":1}\n');
  const buffer = Buffer.concat([before, line, after]);
  return scanCanonicalEvent(buffer, before.length, before.length + line.length);
}

/** agreeScanned checks that a line the byte path takes is one the full way reads as the same event, key order included. */
function agreeScanned(line: Uint8Array, after: Uint8Array = Buffer.from("\n{}")): HistoryEvent | undefined {
  const scanned = scanAmid(line, after);
  if (scanned === undefined) return undefined;
  const text = Buffer.from(line).toString("utf8");
  const full = readWellFormedEvent(text);
  expect(full, text).toBeDefined();
  expect(scanned).toStrictEqual(full);
  // Key order, and -0 told from 0.
  expect(JSON.stringify(scanned)).toBe(JSON.stringify(full));
  expect(isDeepStrictEqual(scanned, full), text).toBe(true);
  return scanned;
}

/** plain: printable ASCII with no escape and no number JSON.parse would round, so the byte path must take it. */
const plain = (line: string): boolean => /^[\x20-\x7e]*$/.test(line) && !line.includes("\\") && !/[0-9][.eE]|[0-9]{16}|-0[,}\]]/.test(line);

// Byte edits of a canonical line: the bytes that end or start tokens, digits, signs, a
// byte that is not ASCII, a control byte.
const editByte = fc.constantFrom(...'"{}[],:\\ -.e0129tfnx'.split("").map((c) => c.charCodeAt(0)), 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xff);
const byteEdit = fc.record({ kind: fc.constantFrom("insert", "delete", "replace", "truncate"), at: fc.nat(400), byte: editByte });

function editBytes(line: string, edits: Array<{ kind: string; at: number; byte: number }>): Uint8Array {
  let bytes = [...Buffer.from(line)];
  for (const { kind, at, byte } of edits) {
    const place = at % (bytes.length + 1);
    if (kind === "insert") bytes.splice(place, 0, byte);
    else if (kind === "delete") bytes.splice(place, 1);
    else if (kind === "replace" && place < bytes.length) bytes[place] = byte;
    else if (kind === "truncate") bytes = bytes.slice(0, place);
  }
  return Uint8Array.from(bytes);
}

// Events of every kind with every optional field present or not. Most values are valid,
// so that most events are, and the rest come from the edges: empty names, big, negative
// and fractional numbers, escapes and non-ASCII text, other kinds and nested shapes.
const validName = fc.constantFrom("n1", "n2", "k2", "p1-7", "ok", "k".repeat(65));
const edgeName = fc.constantFrom("", 'a"b', "é", "x\\y", "\u0000", "put", "lww");
const name = fc.oneof({ arbitrary: validName, weight: 4 }, { arbitrary: edgeName, weight: 1 });
const validNumber = fc.constantFrom(0, 7, 12345, 999999999999999);
const number = fc.oneof({ arbitrary: validNumber, weight: 4 }, { arbitrary: fc.constantFrom(-3, 1.5, 2 ** 53, 1e21, -0, -7), weight: 1 });
const names = fc.array(name, { maxLength: 3 });
const mostly = (valid: fc.Arbitrary<Json>, edge: fc.Arbitrary<Json>): fc.Arbitrary<Json> => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: edge, weight: 1 });
const versionValue = fc.oneof(
  fc.record({ kind: fc.constant("lww"), timestamp: number, node: name }),
  fc.record({ kind: fc.constantFrom("vector", "vector", "lww"), entries: fc.array(fc.tuple(name, number), { maxLength: 3 }) }),
);
const resultValue = fc.oneof(
  fc.record({ kind: fc.constant("value"), value: name }),
  fc.record({ kind: fc.constant("absent"), reason: mostly(fc.constantFrom("never-written", "deleted"), fc.constant("gone")) }),
  fc.record({ kind: fc.constant("siblings"), values: names, tombstones: names }),
);
const fieldValues: Record<string, fc.Arbitrary<Json>> = {
  time: number, process: number, storedAt: number, startedAt: number, deletedAt: number, offsetTicks: number,
  node: name, holder: name, target: name, key: name, value: name, error: name,
  tombstone: mostly(name, fc.boolean()), flag: mostly(fc.boolean(), number),
  op: mostly(fc.constantFrom("put", "get", "delete"), fc.constant("cas")), outcome: mostly(fc.constantFrom("ok", "fail", "info"), fc.constant("maybe")),
  source: mostly(fc.constantFrom("read-repair", "anti-entropy"), fc.constant("gossip")),
  nodes: names, replicas: names, groups: fc.array(names, { maxLength: 3 }), syncedReplicaSets: fc.array(names, { maxLength: 2 }),
  context: fc.record({ values: names, tombstones: names }),
  result: mostly(resultValue, versionValue), version: mostly(versionValue, resultValue),
};
// Each kind's fields in historyKeyOrder, "?" marking the optional ones, and the value each takes.
const kindFields: Record<string, string[]> = {
  invoke: ["time", "process", "op", "key", "value?", "tombstone?", "context?"],
  complete: ["time", "process", "op", "key", "outcome", "result?", "version?", "error?"],
  crash: ["time", "node"], restart: ["time", "node"], "node-repaired": ["time", "node"], partition: ["time", "groups"],
  heal: ["time"], barrier: ["time"], "clock-skew": ["time", "node", "offsetTicks"],
  "hint-stored": ["time", "holder", "target", "key", "value?", "tombstone:flag", "version?"],
  "hint-delivered": ["time", "holder", "target", "storedAt", "key", "value?", "tombstone:flag", "version?"],
  "hint-expired": ["time", "holder", "target", "storedAt", "key", "value?", "tombstone:flag", "version?"],
  "repair-write": ["time", "node", "source", "key", "value?", "tombstone:flag", "version?"],
  "gc-purge": ["time", "node", "deletedAt", "replicas?", "key", "version?"],
  "anti-entropy-round": ["time", "startedAt", "full:flag", "complete:flag", "nodes", "syncedReplicaSets?"],
  header: ["time"], "gc-purged": ["time", "node"],
};
const edgeEventArbitrary: fc.Arbitrary<Json> = fc.constantFrom(...Object.keys(kindFields)).chain((kind) => {
  const fields = kindFields[kind]!.map((spec) => {
    const [field = spec, valueOf = field.replace("?", "")] = spec.split(":");
    const value = fieldValues[valueOf]!;
    return [field.replace("?", ""), fc.option(value, { nil: undefined, freq: field.endsWith("?") ? 2 : 12 })] as const;
  });
  return fc.record(Object.fromEntries(fields)).map((values) => ({ kind, ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) }) as Json);
});

// Other spellings of a number of a canonical line: what JSON.parse reads, rounds or refuses.
const respell = fc.record({
  spelling: fc.constantFrom((digits: string) => `0${digits}`, (digits: string) => `-${digits}`, (digits: string) => `${digits}.0`, (digits: string) => `${digits}e0`, (digits: string) => `${digits}0000000000000000`, (digits: string) => ` ${digits}`, (digits: string) => `+${digits}`),
  nth: fc.nat(6),
});

function respellNumber(line: string, { spelling, nth }: { spelling: (digits: string) => string; nth: number }): string {
  let seen = 0;
  return line.replace(/:(-?\d+)/g, (whole, digits: string) => (seen++ === nth ? `:${spelling(digits)}` : whole));
}

describe("scanCanonicalEvent takes only what JSON.parse and matchEventShape read as the same event", () => {
  prop([edgeEventArbitrary, respell], { seed, numRuns: numRuns(1000) })(`on the writer's lines with a number spelled otherwise (seed ${seed})`, (event, spelling) => {
    agreeScanned(Buffer.from(respellNumber(canonicalLine(event), spelling)));
  });

  prop([edgeEventArbitrary], { seed, numRuns: numRuns(5000) })(`on events of every kind and field, valid or at the edges (seed ${seed})`, (event) => {
    const line = canonicalLine(event);
    const scanned = agreeScanned(Buffer.from(line));
    if (plain(line) && readWellFormedEvent(line) !== undefined) expect(scanned, line).toBeDefined();
  });

  prop([eventArbitrary], { seed, numRuns: numRuns(500) })(`takes the writer's line of a valid event, unless it holds an escape, a non-ASCII byte or a rounded number (seed ${seed})`, (event) => {
    const line = canonicalLine(event);
    const scanned = agreeScanned(Buffer.from(line));
    if (plain(line)) expect(scanned, line).toBeDefined();
  });

  prop([eventArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), fc.boolean()], { seed, numRuns: numRuns(3000) })(
    `on mutated events, written canonically or as JSON.stringify orders them (seed ${seed})`,
    (event, mutations, canonical) => {
      const mutated = mutate(event, mutations);
      agreeScanned(Buffer.from(canonical ? canonicalLine(mutated) : JSON.stringify(mutated)));
    },
  );

  prop([eventArbitrary, fc.array(byteEdit, { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "", "]}", "0", '"')], { seed, numRuns: numRuns(3000) })(
    `on the writer's lines with bytes inserted, deleted, replaced or cut, and any bytes after the line (seed ${seed})`,
    (event, edits, after) => {
      agreeScanned(editBytes(canonicalLine(event), edits), Buffer.from(after));
    },
  );
});
