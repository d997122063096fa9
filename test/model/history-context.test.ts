// A prepared history: its barriers and how long each stays quiet, the first purge per
// key and per delete, and the widest clock spread so far, each checked against its
// plain definition on generated histories.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { lastBarrierBefore, prepareHistory, skewSpreadBefore, tombstoneGoneBefore } from "../../model/history-context.ts";
import { pairOperations } from "../../model/operations.ts";
import type { ClusterEvent } from "../../model/vocabulary.ts";
import { buildHistory, type TestOp } from "../support/history-builder.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const configNodes = ["n1", "n2", "n3"];

const clusterEvent: fc.Arbitrary<ClusterEvent> = fc.oneof(
  fc.record({ kind: fc.constant("barrier" as const), time: fc.nat(40) }),
  fc.record({ kind: fc.constantFrom("crash" as const, "restart" as const), time: fc.nat(40), node: fc.constantFrom(...configNodes) }),
  fc.record({ kind: fc.constant("partition" as const), time: fc.nat(40), groups: fc.constant<string[][]>([["n1"], ["n2", "n3"]]) }),
  fc.record({ kind: fc.constant("heal" as const), time: fc.nat(40) }),
  fc.record({
    kind: fc.constant("clock-skew" as const),
    time: fc.nat(40),
    // n4 is not a configured node: its offset counts all the same.
    node: fc.constantFrom(...configNodes, "n4"),
    offsetTicks: fc.integer({ min: -6, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("gc-purge" as const),
    time: fc.nat(40),
    node: fc.constantFrom(...configNodes),
    key: fc.constantFrom("a", "b"),
    deletedAt: fc.constantFrom(0, 2, 4, 6),
  }),
);

const testOp: fc.Arbitrary<TestOp> = fc
  .record({ op: fc.constantFrom("put" as const, "delete" as const, "get" as const), key: fc.constantFrom("a", "b"), start: fc.constantFrom(0, 2, 4, 6, 9, 12), length: fc.integer({ min: 1, max: 4 }) })
  .map(({ op, key, start, length }) => ({ op, key, process: 0, at: [start, start + length] as [number, number], value: `${key}${start}` }));

const history = fc
  .tuple(fc.array(testOp, { maxLength: 8 }), fc.array(clusterEvent, { maxLength: 12 }))
  .map(([ops, cluster]) => buildHistory("eventual", ops.map((op, i) => ({ ...op, process: i, value: `${op.value}-${i}` })), cluster, { gc: { mode: "timeout", graceTicks: 5 } }));

const options = { seed, numRuns: numRuns() };

describe("prepareHistory", () => {
  prop([history], options)(`finds barriers, each quiet until the next crash or partition (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    expect(context.operations).toEqual(pairOperations(h.events));
    expect(context.header).toBe(h.header);
    const barriers = h.events.flatMap((event, index) => (event.kind === "barrier" ? [{ time: event.time, event: index }] : []));
    expect(context.barriers.map(({ time, event }) => ({ time, event }))).toEqual(barriers);
    for (const barrier of context.barriers) {
      const fault = h.events.findIndex((event, index) => index > barrier.event && (event.kind === "crash" || event.kind === "partition"));
      expect(barrier.quietUntil).toBe(fault === -1 ? Infinity : fault);
    }
  });

  prop([history], options)(`finds the first purge of each key and of each delete's tombstone (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const key of ["a", "b"]) {
      const first = h.events.findIndex((event) => event.kind === "gc-purge" && event.key === key);
      expect(context.firstPurge.get(key)).toBe(first === -1 ? undefined : first);
    }
    for (const op of context.operations) {
      const purges = context.purges.filter((p) => p.deletes.includes(op)).map((p) => p.event);
      const first = purges.length === 0 ? undefined : Math.min(...purges);
      expect(context.tombstonePurged.get(op)).toBe(first);
      for (const index of [0, first ?? 0, (first ?? 0) + 1, Infinity]) {
        expect(tombstoneGoneBefore(context, op, index)).toBe(first !== undefined && first < index);
      }
    }
  });

  prop([history], options)(`tracks the widest clock spread so far, and the first real skew (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const offsets = new Map(configNodes.map((n) => [n, 0]));
    let widest = 0;
    const spreads: Array<{ event: number; spreadTicks: number }> = [];
    h.events.forEach((event, index) => {
      if (event.kind !== "clock-skew") return;
      offsets.set(event.node, event.offsetTicks);
      widest = Math.max(widest, Math.max(...offsets.values()) - Math.min(...offsets.values()));
      spreads.push({ event: index, spreadTicks: widest });
    });
    expect(context.skewSpreads).toEqual(spreads);
    const first = h.events.findIndex((event) => event.kind === "clock-skew" && event.offsetTicks !== 0);
    expect(context.firstSkewEvent).toBe(first === -1 ? undefined : first);
    for (let index = 0; index <= h.events.length; index++) {
      const before = spreads.filter((s) => s.event < index);
      expect(skewSpreadBefore(context, index)).toBe(before.length === 0 ? 0 : before[before.length - 1]!.spreadTicks);
    }
  });

  prop([history], options)(`lastBarrierBefore is the last barrier recorded before an event (seed ${seed})`, (h) => {
    const { barriers } = prepareHistory(h);
    for (let index = 0; index <= h.events.length + 1; index++) {
      const before = barriers.filter((b) => b.event < index);
      expect(lastBarrierBefore(barriers, index)).toBe(before[before.length - 1]);
    }
  });
});
