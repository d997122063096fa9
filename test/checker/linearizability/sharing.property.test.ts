// Sharing the searches between threads never changes the verdict. Two threads are played
// in turn on one thread: a helper decides the positions of the search order it is dealt
// (decideShare), then the main thread decides the rest and gathers the helper's outcomes
// (checkAll with a sharing). Whatever positions the helper is dealt, with or without
// stopAtFirstInvalid, the verdict is the one the main thread reaches alone. The histories
// have several keys and repeated values, so that most keys are searched. A helper that
// failed, having claimed searches and sent nothing, leaves them to the main thread, and the
// verdict is still a lone thread's. Seed in the titles.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { checkOperations, decideShare, type PartitionOutcome, type SearchSharing } from "../../../checker/linearizability/index.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation } from "../../../model/sequential/index.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

type KvOp = Operation<KvInput, KvOutput>;

const value = fc.constantFrom("a", "b");

/** A random kv history on three keys: random inputs, outputs, intervals and outcomes, so some keys are linearizable and some not. */
const kvHistory: fc.Arbitrary<KvOp[]> = fc
  .array(
    fc.record({
      key: fc.constantFrom("k0", "k1", "k2"),
      kind: fc.constantFrom("get", "put", "put", "delete"),
      value,
      read: fc.option(value, { nil: null }),
      callTime: fc.integer({ min: 0, max: 12 }),
      duration: fc.integer({ min: 0, max: 5 }),
      outcome: fc.constantFrom("ok", "ok", "ok", "info", "fail"),
    }),
    { maxLength: 18 },
  )
  .map((rows) =>
    rows.map((row, index): KvOp => {
      const input: KvInput = row.kind === "get" ? { kind: "get", key: row.key } : row.kind === "put" ? { kind: "put", key: row.key, value: row.value } : { kind: "delete", key: row.key };
      const output: KvOutput = row.kind === "get" ? (row.read === null ? { kind: "absent", reason: "deleted" } : { kind: "value", value: row.read }) : null;
      const returnTime = row.outcome === "info" ? Infinity : row.callTime + row.duration;
      return { process: index, outcome: row.outcome as KvOp["outcome"], input, output: row.outcome === "ok" ? output : undefined, callTime: row.callTime, returnTime, eventIndices: [index] };
    }),
  );

/** dealt is a sharing that claims, in order, the positions `mine` says are its own; `others` are what the other thread settled. */
function dealt(mine: (position: number) => boolean, shared: { firstInvalid: number }, others: Map<number, PartitionOutcome>, settled: Map<number, PartitionOutcome>): SearchSharing {
  let next = 0;
  return {
    begin: () => {},
    claim(count, stop) {
      while (next < count && !mine(next)) next++;
      if (next >= count || (stop && next > shared.firstInvalid)) return undefined;
      return next++;
    },
    settled(position, outcome) {
      if (outcome.kind === "invalid") shared.firstInvalid = Math.min(shared.firstInvalid, position);
      settled.set(position, outcome);
    },
    firstInvalid: () => shared.firstInvalid,
    poll: () => {},
    finish: () => others,
  };
}

describe("searches shared between threads", () => {
  prop([kvHistory, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.boolean(), fc.boolean()], { seed, numRuns: numRuns(400) })(
    `give the verdict of one thread alone, whichever searches the helper takes (seed ${seed})`,
    (history, helperTakes, first, uniqueWrites) => {
      const options = { stopAtFirstInvalid: first, useUniqueWrites: uniqueWrites };
      const alone = checkOperations(linearizableKvModel, history, options);
      const shared = { firstInvalid: Infinity };
      const byHelper = new Map<number, PartitionOutcome>();
      decideShare(linearizableKvModel, history, { ...options, sharing: dealt((p) => helperTakes[p] === true, shared, new Map(), byHelper) });
      const together = checkOperations(linearizableKvModel, history, { ...options, sharing: dealt((p) => helperTakes[p] !== true, shared, byHelper, new Map()) });
      expect(together).toStrictEqual(alone);
    },
  );

  prop([kvHistory, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), fc.boolean()], { seed, numRuns: numRuns(200) })(
    `a helper that claims searches and sends nothing back (it failed) costs time, not the verdict (seed ${seed})`,
    (history, helperTakes, first) => {
      const options = { stopAtFirstInvalid: first, useUniqueWrites: false };
      const alone = checkOperations(linearizableKvModel, history, options);
      const shared = { firstInvalid: Infinity };
      decideShare(linearizableKvModel, history, { ...options, sharing: dealt((p) => helperTakes[p] === true, { firstInvalid: Infinity }, new Map(), new Map()) });
      expect(checkOperations(linearizableKvModel, history, { ...options, sharing: dealt((p) => helperTakes[p] !== true, shared, new Map(), new Map()) })).toStrictEqual(alone);
    },
  );

  prop([kvHistory], { seed, numRuns: numRuns(100) })(`a helper dealt every search leaves the main thread only gathering (seed ${seed})`, (history) => {
    const options = { useUniqueWrites: false };
    const alone = checkOperations(linearizableKvModel, history, options);
    const shared = { firstInvalid: Infinity };
    const byHelper = new Map<number, PartitionOutcome>();
    decideShare(linearizableKvModel, history, { ...options, sharing: dealt(() => true, shared, new Map(), byHelper) });
    expect(checkOperations(linearizableKvModel, history, { ...options, sharing: dealt(() => false, shared, byHelper, new Map()) })).toStrictEqual(alone);
  });
});
