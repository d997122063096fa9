// The unique-writes path (_internals/unique-writes.ts, zones.ts): hand cases, the
// models' views against their `step`, and a cross-check against the search.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOperationsWithStatistics } from "../../../checker/linearizability/index.ts";
import type { CheckOptions } from "../../../checker/linearizability/index.ts";
import { casRegisterModel, createRegisterModel, linearizableKvModel, registerModel } from "../../../model/sequential/index.ts";
import type { KvInput, KvOutput, Operation, RegisterInput, RegisterOutput, RegisterValue, SequentialModel } from "../../../model/sequential/index.ts";
import { failed, info, ok } from "./helpers.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
type KvOp = Operation<KvInput, KvOutput>;
const write = (value: RegisterValue) => ({ kind: "write", value }) as const;
const read = { kind: "read" } as const;
const got = (value: RegisterValue) => ({ kind: "read", value }) as const;

/** decide checks with the fast path and without; they must agree to the last field. */
function decide<S, I, O>(model: SequentialModel<S, I, O>, history: Array<Operation<I, O>>, options: CheckOptions = {}) {
  const fast = checkOperationsWithStatistics(model, history, options);
  const searched = checkOperationsWithStatistics(model, history, { ...options, useUniqueWrites: false });
  expect(fast.verdict).toEqual(searched.verdict);
  return { kind: fast.verdict.kind, fastPartitions: fast.statistics.uniqueWritePartitions, verdict: fast.verdict };
}

describe("the unique-writes path on a register", () => {
  const cases: Array<[string, RegisterOp[], "valid" | "invalid"]> = [
    ["valid reads in order", [ok(0, write(1), null, 0, 1), ok(1, read, got(1), 2, 3), ok(0, write(2), null, 4, 5), ok(1, read, got(2), 6, 7)], "valid"],
    ["a stale read", [ok(0, write(1), null, 0, 1), ok(0, write(2), null, 2, 3), ok(1, read, got(1), 4, 5)], "invalid"],
    ["a stale read of the initial state", [ok(0, write(1), null, 0, 1), ok(1, read, got(null), 2, 3)], "invalid"],
    ["a future read", [ok(1, read, got(1), 0, 1), ok(0, write(1), null, 2, 3)], "invalid"],
    ["a read of a never-written value", [ok(0, write(1), null, 0, 1), ok(1, read, got(9), 2, 3)], "invalid"],
    ["a read of a failed write's value", [failed(0, write(1), 0, 1), ok(1, read, got(1), 2, 3)], "invalid"],
    ["touching intervals (concurrent)", [ok(0, write(1), null, 0, 2), ok(1, read, got(null), 2, 3), ok(2, read, got(1), 1, 2)], "valid"],
    ["concurrent writes, read in one order", [ok(0, write(1), null, 0, 5), ok(1, write(2), null, 0, 5), ok(2, read, got(1), 1, 2), ok(3, read, got(2), 3, 4)], "valid"],
    ["concurrent writes, read in the other order", [ok(0, write(1), null, 0, 5), ok(1, write(2), null, 0, 5), ok(2, read, got(2), 1, 2), ok(3, read, got(1), 3, 4)], "valid"],
    ["concurrent writes, both seen after both returned", [ok(0, write(1), null, 0, 5), ok(1, write(2), null, 0, 5), ok(2, read, got(1), 6, 7), ok(3, read, got(2), 8, 9)], "invalid"],
    ["an unread write inside a write's zone", [ok(0, write(1), null, 0, 1), ok(1, write(2), null, 3, 4), ok(2, read, got(1), 6, 7)], "invalid"],
    ["an info write that was read", [info(0, write(1), 0), ok(1, read, got(null), 5, 6), ok(1, read, got(1), 7, 8)], "valid"],
    ["an info write read before its call", [ok(1, read, got(1), 0, 1), info(0, write(1), 2)], "invalid"],
    ["an info write read, then overwritten, then read again", [info(0, write(1), 0), ok(1, read, got(1), 1, 2), ok(2, write(2), null, 3, 4), ok(1, read, got(1), 5, 6)], "invalid"],
    ["an info write never read", [info(0, write(1), 0), ok(1, read, got(null), 5, 6)], "valid"],
  ];
  for (const [name, history, expected] of cases) {
    it(`decides ${name}: ${expected}`, () => {
      expect(decide(registerModel, history)).toMatchObject({ kind: expected, fastPartitions: 1 });
    });
  }

  it("uses the configured initial value", () => {
    const history: RegisterOp[] = [ok(0, read, got(7), 0, 1)];
    expect(decide(createRegisterModel({ initial: 7 }), history)).toMatchObject({ kind: "valid", fastPartitions: 1 });
  });

  it("leaves a value written twice and read to the search", () => {
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 1), ok(0, write(1), null, 2, 3), ok(1, read, got(1), 4, 5)];
    expect(decide(registerModel, history)).toMatchObject({ kind: "valid", fastPartitions: 0 });
  });

  it("decides a value written twice when only one write can be the one read", () => {
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 1), ok(1, read, got(1), 2, 3), ok(0, write(2), null, 4, 5), ok(0, write(1), null, 6, 7)];
    expect(decide(registerModel, history)).toMatchObject({ kind: "valid", fastPartitions: 1 });
  });

  it("reports an invalid partition whose search runs out of budget, from the fast path", () => {
    const history: RegisterOp[] = [];
    for (let i = 0; i < 12; i++) history.push(ok(i, write(i), null, 0, 100));
    history.push(ok(99, read, got(-1), 101, 102));
    const { verdict, statistics } = checkOperationsWithStatistics(registerModel, history, { maxStepsPerPartition: 50 });
    expect(statistics.uniqueWritePartitions).toBe(1);
    expect(verdict).toMatchObject({ kind: "invalid", partitions: [{ key: null, longestPartialLinearization: [], failingOperation: 12, events: [101, 102] }] });
    if (verdict.kind === "invalid") expect(verdict.partitions[0]?.message).toContain("read → -1 [101, 102] reads a value no operation could have written");
  });

  it("is skipped for a model without a view (cas register)", () => {
    const history = [ok(0, write(1), null, 0, 1), ok(1, read, { kind: "read", value: 1 } as const, 2, 3)];
    expect(decide(casRegisterModel, history)).toMatchObject({ kind: "valid", fastPartitions: 0 });
  });
});

describe("the unique-writes path on the kv model", () => {
  const put = (key: string, value: string): KvInput => ({ kind: "put", key, value });
  const get = (key: string): KvInput => ({ kind: "get", key });
  const remove = (key: string): KvInput => ({ kind: "delete", key });
  const absent: KvOutput = { kind: "absent", reason: "deleted" };
  const value = (v: string): KvOutput => ({ kind: "value", value: v });

  it("leaves a get of absent after a delete to the search", () => {
    const history: KvOp[] = [ok(0, put("a", "1"), null, 0, 1), ok(0, remove("a"), null, 2, 3), ok(1, get("a"), absent, 4, 5)];
    expect(decide(linearizableKvModel, history)).toMatchObject({ kind: "valid", fastPartitions: 0 });
  });

  it("decides deletes nobody can have read as plain writes", () => {
    const history: KvOp[] = [
      ok(1, get("a"), absent, 0, 1),
      ok(0, put("a", "1"), null, 2, 3),
      ok(0, remove("a"), null, 4, 5),
      ok(0, remove("a"), null, 6, 7),
      ok(0, put("a", "2"), null, 8, 9),
      ok(1, get("a"), value("2"), 10, 11),
    ];
    expect(decide(linearizableKvModel, history)).toMatchObject({ kind: "valid", fastPartitions: 1 });
  });

  it("catches a put hidden by a delete nobody read", () => {
    const history: KvOp[] = [ok(0, put("a", "1"), null, 0, 1), ok(0, remove("a"), null, 2, 3), ok(1, get("a"), value("1"), 4, 5)];
    expect(decide(linearizableKvModel, history)).toMatchObject({ kind: "invalid", fastPartitions: 1 });
  });

  it("leaves siblings to the search, which rejects them", () => {
    const history: KvOp[] = [ok(0, get("a"), { kind: "siblings", values: [], tombstones: [] }, 0, 1)];
    expect(decide(linearizableKvModel, history)).toMatchObject({ kind: "invalid", fastPartitions: 0 });
  });

  it("decides each key on its own", () => {
    const history: KvOp[] = [ok(0, put("a", "1"), null, 0, 1), ok(0, put("b", "2"), null, 0, 1), ok(0, remove("b"), null, 2, 3), ok(1, get("b"), absent, 4, 5)];
    expect(decide(linearizableKvModel, history)).toMatchObject({ kind: "valid", fastPartitions: 1 });
  });
});

describe("the models' unique-write views", () => {
  const seed = 424242;
  const registerValue = fc.constantFrom<RegisterValue>(null, 0, 1, "1", "x");
  it(`agree with step for the register (seed ${seed})`, () => {
    const input = fc.oneof(fc.constant(read), registerValue.map(write));
    const output = fc.oneof(fc.constant(undefined), fc.constant(null), registerValue.map(got));
    fc.assert(fc.property(registerValue, input, output, (state, i, o) => expectViewMatchesStep(registerModel, state, i, o)), { seed, numRuns: 500 });
  });
  it(`agree with step for the kv model (seed ${seed})`, () => {
    const kvValue = fc.constantFrom("1", "2");
    const state = fc.constantFrom<string | null>(null, "1", "2");
    const input = fc.oneof(fc.constant(get("a")), fc.constant(remove("a")), kvValue.map((v) => put("a", v)));
    const output = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom<KvOutput>({ kind: "absent", reason: "never-written" }, { kind: "absent", reason: "deleted" }, { kind: "siblings", values: ["1"], tombstones: [] }),
      kvValue.map((v): KvOutput => ({ kind: "value", value: v })),
    );
    fc.assert(fc.property(state, input, output, (s, i, o) => expectViewMatchesStep(linearizableKvModel, s, i, o)), { seed, numRuns: 500 });
  });
  function get(key: string): KvInput {
    return { kind: "get", key };
  }
  function remove(key: string): KvInput {
    return { kind: "delete", key };
  }
  function put(key: string, value: string): KvInput {
    return { kind: "put", key, value };
  }
});

/** expectViewMatchesStep: a write view moves to its value from anywhere; a read view accepts exactly its value. */
function expectViewMatchesStep<S, I, O>(model: SequentialModel<S, I, O>, state: S, input: I, output: O | undefined): void {
  const view = model.uniqueWriteView?.(input, output);
  if (view === undefined) return;
  const { ok: accepted, next } = model.step(state, input, output);
  if (view.kind === "write") {
    expect(accepted).toBe(true);
    expect(model.key(next)).toBe(model.key(view.value));
  } else {
    expect(accepted).toBe(model.key(state) === model.key(view.value));
    expect(model.key(next)).toBe(model.key(state));
  }
}

/**
 * A random small history recorded from a sequential run (each operation takes effect
 * at a point inside its interval, info ones maybe never), then maybe one read's result
 * replaced: valid and invalid histories both, with many touching intervals.
 */
interface Row {
  kind: "write" | "read" | "delete";
  key: string;
  callTime: number;
  duration: number;
  effect: number;
  outcome: "ok" | "info-applied" | "info-lost" | "fail";
}
const row: fc.Arbitrary<Row> = fc.record({
  kind: fc.constantFrom("write", "write", "read", "read", "read", "delete"),
  key: fc.constantFrom("a", "a", "b"),
  callTime: fc.integer({ min: 0, max: 12 }),
  duration: fc.integer({ min: 0, max: 6 }),
  effect: fc.double({ min: 0, max: 1, noNaN: true }),
  outcome: fc.constantFrom("ok", "ok", "ok", "ok", "info-applied", "info-lost", "fail"),
});
const lie = fc.option(fc.record({ read: fc.nat(), value: fc.constantFrom<string | null>(null, "v0", "v1", "v2", "v3", "never") }), { freq: 2 });
type Lie = { read: number; value: string | null } | null;

function recordHistory(rows: Row[], withDeletes: boolean): { seen: Map<number, string | null> } {
  const effects = rows.map((r, index) => ({ index, at: r.callTime + r.effect * r.duration, applies: r.outcome === "ok" || r.outcome === "info-applied" }));
  const sorted = effects.filter((e) => e.applies).sort((a, b) => a.at - b.at || a.index - b.index);
  const seen = new Map<number, string | null>();
  const store = new Map<string, string>();
  for (const { index } of sorted) {
    const r = rows[index]!;
    if (r.kind === "write") store.set(r.key, `v${index}`);
    else if (r.kind === "delete" && withDeletes) store.delete(r.key);
    else if (r.kind === "read") seen.set(index, store.get(r.key) ?? null);
  }
  return { seen };
}

/** registerHistory: the rows on one register, deletes read as writes of fresh values. */
function registerHistory(rows: Row[], lying: Lie): RegisterOp[] {
  const plain = rows.map((r): Row => ({ ...r, kind: r.kind === "delete" ? "write" : r.kind, key: "a" }));
  const { seen } = recordHistory(plain, false);
  return plain.map((r, index): RegisterOp => {
    const input: RegisterInput = r.kind === "write" ? write(`v${index}`) : read;
    let output: RegisterOutput = r.kind === "read" ? got(seen.get(index) ?? null) : null;
    if (index === liar(rows, lying)) output = got(lying!.value);
    return finish(r, input, output);
  });
}

function kvHistory(rows: Row[], lying: Lie): KvOp[] {
  const { seen } = recordHistory(rows, true);
  return rows.map((r, index): KvOp => {
    const input: KvInput = r.kind === "write" ? { kind: "put", key: r.key, value: `v${index}` } : r.kind === "delete" ? { kind: "delete", key: r.key } : { kind: "get", key: r.key };
    const toOutput = (v: string | null): KvOutput => (v === null ? { kind: "absent", reason: "never-written" } : { kind: "value", value: v });
    let output: KvOutput = r.kind === "read" ? toOutput(seen.get(index) ?? null) : null;
    if (index === liar(rows, lying)) output = toOutput(lying!.value);
    return finish(r, input, output);
  });
}

/** liar: the row index of the read whose result `lying` replaces, or -1. */
function liar(rows: Row[], lying: Lie): number {
  const reads = rows.flatMap((r, index) => (r.kind === "read" ? [index] : []));
  return lying === null || reads.length === 0 ? -1 : reads[lying.read % reads.length]!;
}

function finish<I, O>(r: { callTime: number; duration: number; outcome: string }, input: I, output: O): Operation<I, O> {
  if (r.outcome === "fail") return failed(0, input, r.callTime, r.callTime + r.duration);
  if (r.outcome !== "ok") return info(0, input, r.callTime);
  return ok(0, input, output, r.callTime, r.callTime + r.duration);
}

describe("the unique-writes path against the search", () => {
  const tally = { histories: 0, valid: 0, invalid: 0, partitions: 0, fastPartitions: 0, invalidDecidedFast: 0 };
  const count = (result: ReturnType<typeof decide>, partitions: number) => {
    tally.histories++;
    tally[result.kind === "valid" ? "valid" : "invalid"]++;
    tally.partitions += partitions;
    tally.fastPartitions += result.fastPartitions;
    if (result.kind === "invalid" && result.fastPartitions > 0) tally.invalidDecidedFast++;
  };
  const registerSeed = 31337;
  it(`agrees on 5,000 random register histories of up to 9 operations with unique writes (seed ${registerSeed})`, () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 9 }), lie, (rows, lying) => {
        const history = registerHistory(rows, lying);
        count(decide(registerModel, history), history.some((op) => op.outcome !== "fail") ? 1 : 0);
      }),
      { seed: registerSeed, numRuns: 5000 },
    );
  });
  const longSeed = 16180;
  it(`agrees on 1,000 random register histories of up to 24 operations with unique writes (seed ${longSeed})`, () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 24 }), lie, (rows, lying) => {
        const history = registerHistory(rows, lying);
        count(decide(registerModel, history), history.some((op) => op.outcome !== "fail") ? 1 : 0);
      }),
      { seed: longSeed, numRuns: 1000 },
    );
  });
  const kvSeed = 27182;
  it(`agrees on 5,000 random kv histories of up to 12 operations on 2 keys, with deletes (seed ${kvSeed})`, () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), lie, (rows, lying) => {
        const history = kvHistory(rows, lying);
        const partitions = new Set(history.filter((op) => op.outcome !== "fail" && !(op.outcome === "info" && op.input.kind === "get")).map((op) => op.input.key)).size;
        count(decide(linearizableKvModel, history), partitions);
      }),
      { seed: kvSeed, numRuns: 5000 },
    );
  });
  it("decided most partitions without search, in valid and invalid histories", () => {
    console.log(`unique-writes cross-check: ${JSON.stringify(tally)}`);
    expect(tally.histories).toBe(11_000);
    expect(tally.fastPartitions).toBeGreaterThan(tally.partitions * 0.7);
    expect(tally.partitions - tally.fastPartitions).toBeGreaterThan(500);
    expect(tally.invalid).toBeGreaterThan(1000);
    expect(tally.invalidDecidedFast).toBeGreaterThan(500);
  });
});
