// The order partitions are checked in (_internals/search-order.ts, check.ts): cheapest
// first, stopping at the first invalid one on request or when the deadline passes, while
// the verdict lists partitions in history order, the same whatever order they were taken in.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateKvHistory } from "../../../bench/linearizability.ts";
import { checkOperations, checkOperationsWithStatistics, type Deadline, type LinearizabilityVerdict } from "../../../checker/linearizability/index.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation } from "../../../model/sequential/index.ts";
import { ok } from "./helpers.ts";

type KvOp = Operation<KvInput, KvOutput>;
const put = (key: string, value: string): KvInput => ({ kind: "put", key, value });
const get = (key: string): KvInput => ({ kind: "get", key });
const read = (value: string): KvOutput => ({ kind: "value", value });

/** crowdedThenSmall: "crowded" (first seen; six concurrent puts, then a read) and two small keys that each read a value never written. */
function crowdedThenSmall(): KvOp[] {
  const crowded = ["a", "b", "c", "d", "e", "f"].map((value, i) => ok<KvInput, KvOutput>(i, put("crowded", value), null, 0, 10));
  return [
    ...crowded,
    ok(0, get("crowded"), read("a"), 11, 12),
    ok(0, put("small1", "1"), null, 20, 21),
    ok(0, get("small1"), read("2"), 22, 23),
    ok(0, put("small2", "1"), null, 30, 31),
    ok(0, get("small2"), read("2"), 32, 33),
  ];
}

/** searchOnly: every partition searched, so that the order of the searches shows. */
const searchOnly = { useUniqueWrites: false };

describe("checking partitions cheapest first", () => {
  it("searches the small keys before the crowded one, and lists them in history order", () => {
    const { verdict, statistics } = checkOperationsWithStatistics(linearizableKvModel, crowdedThenSmall(), searchOnly);
    expect(statistics.decisionOrder).toEqual(["small1", "small2", "crowded"]);
    expect(verdict).toMatchObject({ kind: "invalid", undecided: [], unchecked: [] });
    if (verdict.kind === "invalid") expect(verdict.partitions.map((p) => p.key)).toEqual(["small1", "small2"]);
  });

  it("with stopAtFirstInvalid, stops at the cheapest invalid key and names the others, unchecked, in history order", () => {
    const { verdict, statistics } = checkOperationsWithStatistics(linearizableKvModel, crowdedThenSmall(), { ...searchOnly, stopAtFirstInvalid: true });
    expect(statistics.decisionOrder).toEqual(["small1"]);
    expect(verdict).toMatchObject({ kind: "invalid", undecided: [], unchecked: ["crowded", "small2"] });
    if (verdict.kind === "invalid") expect(verdict.partitions.map((p) => p.key)).toEqual(["small1"]);
  });

  it("with stopAtFirstInvalid, stops at a key the unique-writes path convicts before any search", () => {
    const { verdict, statistics } = checkOperationsWithStatistics(linearizableKvModel, crowdedThenSmall(), { stopAtFirstInvalid: true });
    expect(statistics.decisionOrder).toEqual(["small1"]);
    expect(verdict).toMatchObject({ kind: "invalid", partitions: [{ key: "small1" }], unchecked: ["crowded", "small2"] });
  });

  it("checks every key when none is invalid, stopAtFirstInvalid or not", () => {
    const valid = crowdedThenSmall().slice(0, 7);
    expect(checkOperations(linearizableKvModel, valid, { ...searchOnly, stopAtFirstInvalid: true })).toEqual({ kind: "valid" });
  });
});

describe("a deadline", () => {
  it("once passed, leaves every searched key undecided, out of time, never invalid", () => {
    const verdict = checkOperations(linearizableKvModel, crowdedThenSmall(), { ...searchOnly, deadline: { passed: () => true } });
    expect(verdict).toEqual({
      kind: "unknown",
      undecided: ["crowded", "small1", "small2"].map((key) => ({ kind: "out-of-time", key, steps: 0 })),
    });
  });

  it("stops the search under way where it passes, and the ones after it before their first step", () => {
    // Ten concurrent puts and a read of the first, on two keys: ~9,000 steps each, the limits looked at every 1,024.
    const slow = (key: string, start: number) => [
      ...Array.from({ length: 10 }, (_, i) => ok<KvInput, KvOutput>(i, put(key, `v${i}`), null, start, start + 10)),
      ok<KvInput, KvOutput>(0, get(key), read("v0"), start + 11, start + 12),
    ];
    const history = [...slow("slow1", 0), ...slow("slow2", 20)];
    expect(checkOperations(linearizableKvModel, history, searchOnly)).toEqual({ kind: "valid" });
    // Asked at steps 0, 1,024 and 2,048 of "slow1", it passes at the third.
    expect(checkOperations(linearizableKvModel, history, { ...searchOnly, deadline: passingAtAsk(3) })).toEqual({
      kind: "unknown",
      undecided: [
        { kind: "out-of-time", key: "slow1", steps: 2048 },
        { kind: "out-of-time", key: "slow2", steps: 0 },
      ],
    });
  });
});

/** passingAtAsk is a deadline that passes when it is asked for the `ask`-th time. */
function passingAtAsk(ask: number): Deadline {
  let asked = 0;
  return { passed: () => ++asked >= ask };
}

describe("the verdict, whatever order the partitions are checked in", () => {
  it("lists each key as checking it alone does, in the order keys first appear (seeded)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 6 }), fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom(undefined, 30), (seed, keyCount, lies, budget) => {
        const history = generateKvHistory(120, keyCount, 6, seed);
        const gets = history.filter((op) => op.outcome === "ok" && op.input.kind === "get");
        for (const lie of lies) if (gets.length > 0) gets[lie % gets.length]!.output = read("never-written");
        const options = { useUniqueWrites: false, ...(budget === undefined ? {} : { maxStepsPerPartition: budget }) };
        expect(checkOperations(linearizableKvModel, history, options)).toEqual(keyByKey(history, options));
      }),
      { numRuns: 40 },
    );
  });
});

/**
 * keyByKey checks each key alone, in first-seen order, and gathers the verdict: the
 * other keys' operations become `fail` (never happened), so the indices stay the same.
 * A key is first seen at its first operation that constrains anything (not a failed
 * one, nor a get of unknown outcome).
 */
function keyByKey(history: readonly KvOp[], options: object): LinearizabilityVerdict {
  const constraining = history.filter((op) => op.outcome === "ok" || (op.outcome === "info" && op.input.kind !== "get"));
  const keys = [...new Set(constraining.map((op) => op.input.key))];
  const verdicts = keys.map((key) => checkOperations(linearizableKvModel, history.map((op) => (op.input.key === key ? op : { ...op, outcome: "fail" as const })), options));
  const partitions = verdicts.flatMap((v) => (v.kind === "invalid" ? v.partitions : []));
  const undecided = verdicts.flatMap((v) => (v.kind === "valid" ? [] : v.undecided));
  if (partitions.length > 0) return { kind: "invalid", partitions, undecided, unchecked: [] };
  return undecided.length > 0 ? { kind: "unknown", undecided } : { kind: "valid" };
}
