// Purged tombstones and the repairs that may have covered them: each purge is tied to the
// delete that wrote its tombstone, a repair counts per range and in event order, "certainly
// repaired" implies "may have been repaired", and each GC mode's purge rule is its own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareHistory } from "../../model/history-context.ts";
import type { Operation } from "../../model/operations.ts";
import {
  hidesPut,
  isEarlyPurge,
  mayHaveRepairedBefore,
  repairedBefore,
  replicaSetName,
  startedAfter,
  type PurgedTombstone,
  type RepairRound,
} from "../../model/purges.ts";
import type { ClusterEvent, GcConfig, Outcome, Version } from "../../model/vocabulary.ts";
import { buildHistory, type TestOp } from "../support/history-builder.ts";
import { chance, numRuns, prop, seed } from "../support/property-runs.ts";

const replicas = ["n1", "n2", "n3"];
const lww = (timestamp: number, node = "n1"): Version => ({ kind: "lww", timestamp, node });

const deleteOp = fc.record({
  // Few distinct ticks, so that several ops may share the tick a purge names.
  start: fc.constantFrom(0, 2, 2, 5, 9, 14),
  kind: fc.constantFrom("delete" as const, "delete" as const, "put" as const, "get" as const),
  length: fc.integer({ min: 1, max: 4 }),
  outcome: fc.constantFrom<Outcome>("ok", "ok", "info", "fail"),
  versioned: fc.boolean(),
  key: fc.constantFrom("x", "y"),
});
const round = fc.record({
  time: fc.nat(30),
  duration: fc.constantFrom(0, 0, 2, 5),
  full: chance(0.8),
  complete: fc.boolean(),
  synced: fc.constantFrom<string[][] | undefined>(undefined, [], [["n3", "n1", "n2"]], [["n2", "n3", "n4"]]),
});
const purge = fc.record({
  time: fc.nat(40),
  node: fc.constantFrom(...replicas),
  key: fc.constantFrom("x", "y"),
  deletedAt: fc.constantFrom(0, 2, 5, 9, 14, 17),
  /** version: none, the version of delete number n, or one no delete has. */
  version: fc.option(fc.nat(4), { nil: undefined }),
  withReplicas: chance(0.8),
});

const scenario = fc.record({ deletes: fc.array(deleteOp, { maxLength: 6 }), rounds: fc.array(round, { maxLength: 3 }), purges: fc.array(purge, { minLength: 1, maxLength: 3 }) }).map(({ deletes, rounds, purges }) => {
  const ops: TestOp[] = deletes.map((d, i) => {
    const op: TestOp = { op: d.kind, key: d.key, process: i, at: [d.start, d.start + d.length], outcome: d.kind === "get" ? "ok" : d.outcome };
    if (d.kind === "put") op.value = `v${i}`;
    if (d.kind === "get") op.result = { kind: "absent", reason: "never-written" };
    // Puts may carry the very version a purge names: only a delete's counts.
    if (d.versioned && d.kind !== "get") op.version = lww(i + 1);
    return op;
  });
  const cluster: ClusterEvent[] = [
    ...rounds.map((r): ClusterEvent => {
      const round: ClusterEvent = { kind: "anti-entropy-round", time: r.time + r.duration, startedAt: r.time, full: r.full, complete: r.complete, nodes: replicas };
      if (r.synced !== undefined) round.syncedReplicaSets = r.synced;
      return round;
    }),
    ...purges.map((p): ClusterEvent => {
      const event: ClusterEvent = { kind: "gc-purge", time: p.time, node: p.node, key: p.key, deletedAt: p.deletedAt };
      if (p.version !== undefined) event.version = lww(p.version);
      if (p.withReplicas) event.replicas = [...replicas].reverse();
      return event;
    }),
  ];
  return buildHistory("eventual", ops, cluster, { gc: { mode: "repair" } });
});

const options = { seed, numRuns: numRuns() };

/** certainlyAfter: a round certainly began after the moment at event `index`, tick `time` (an atomic round by its position). */
const certainlyAfter = (round: RepairRound, index: number, time: number) => (round.time === round.startedAt ? round.event > index : round.startedAt > time);

describe("purgedTombstones and repairRounds", () => {
  prop([scenario], options)(`tie each purge to the deletes that may have written its tombstone (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const purgeEvents = h.events.flatMap((event, index) => (event.kind === "gc-purge" ? [{ event, index }] : []));
    expect(context.purges.map((p) => p.event)).toEqual(purgeEvents.map((p) => p.index));
    for (const [i, { event }] of purgeEvents.entries()) {
      const purge = context.purges[i]!;
      expect([purge.key, purge.node, purge.time, purge.deletedAt]).toEqual([event.key, event.node, event.time, event.deletedAt]);
      expect(purge.replicaSet).toBe(event.replicas === undefined ? undefined : "n1,n2,n3");
      const candidates = context.operations.filter((op) => op.kind === "delete" && op.key === event.key && op.outcome !== "fail");
      const byVersion = candidates.filter((op) => event.version !== undefined && JSON.stringify(op.version) === JSON.stringify(event.version));
      expect(purge.deletes).toEqual(byVersion.length > 0 ? byVersion : candidates.filter((op) => op.callTime === event.deletedAt));
    }
    const rounds = h.events.flatMap((event, index) => (event.kind === "anti-entropy-round" && event.full ? [{ event, index }] : []));
    expect(context.repairs.map((r) => [r.event, r.startedAt, r.time, r.complete, [...r.synced]])).toEqual(
      rounds.map(({ event, index }) => [index, event.startedAt, event.time, event.complete, (event.syncedReplicaSets ?? []).map(replicaSetName)]),
    );
  });

  prop([scenario], options)(
    `a repair certainly covers a purge only if it synced the range after every delete that may have written it completed ok; it may have covered it if it began after the delete was invoked (seed ${seed})`,
    (h) => {
      const { purges, repairs } = prepareHistory(h);
      for (const purge of purges) {
        const synced = (r: RepairRound) => r.event < purge.event && (r.complete || (purge.replicaSet !== undefined && r.synced.has(purge.replicaSet)));
        const certainly = repairs.some(
          (r) =>
            synced(r) &&
            (purge.deletes.length === 0
              ? r.startedAt > purge.deletedAt
              : purge.deletes.every((d) => d.outcome === "ok" && certainlyAfter(r, d.completeIndex!, d.returnTime))),
        );
        const possibly = repairs.some(
          (r) => synced(r) && (purge.deletes.length === 0 ? r.startedAt >= purge.deletedAt : purge.deletes.every((d) => certainlyAfter(r, d.invokeIndex, d.callTime))),
        );
        expect(repairedBefore(repairs, purge)).toBe(certainly);
        expect(mayHaveRepairedBefore(repairs, purge)).toBe(possibly);
        if (certainly) expect(possibly).toBe(true);
        // Under repair, a purge is early exactly when no repair may have covered it.
        expect(isEarlyPurge({ mode: "repair" }, purge, repairs)).toBe(!possibly);
      }
    },
  );

  prop([fc.shuffledSubarray(["n1", "n2", "n3", "n4"]), fc.shuffledSubarray(["n1", "n2", "n3", "n4"])], options)(
    `replicaSetName names a set whatever its order, and different sets differently (seed ${seed})`,
    (a, b) => {
      expect(replicaSetName(a)).toBe(replicaSetName([...a].reverse()));
      expect(replicaSetName(a) === replicaSetName(b)).toBe(JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()));
    },
  );
});

describe("startedAfter", () => {
  const roundAt = (event: number, startedAt: number, time: number): RepairRound => ({ event, startedAt, time, complete: true, synced: new Set() });
  it("an atomic round is ordered by its position; a longer one by its start tick", () => {
    expect(startedAfter(roundAt(5, 3, 3), 4, 3)).toBe(true);
    expect(startedAfter(roundAt(5, 3, 3), 5, 3)).toBe(false);
    expect(startedAfter(roundAt(5, 3, 3), 6, 1)).toBe(false);
    expect(startedAfter(roundAt(5, 3, 8), 1, 3)).toBe(false);
    expect(startedAfter(roundAt(5, 4, 8), 9, 3)).toBe(true);
  });
});

describe("hidesPut", () => {
  const op = (fields: Partial<Operation>): Operation => ({ process: 0, kind: "put", key: "x", outcome: "ok", callAt: 0, returnAt: 1, callTime: 0, returnTime: 1, invokeIndex: 0, ...fields });
  const purgeOf = (deletes: Operation[], deletedAt = 5): PurgedTombstone => ({ key: "x", node: "n1", time: 20, deletedAt, event: 30, deletes });

  prop([fc.nat(6), fc.nat(6), fc.option(fc.nat(3), { nil: undefined }), fc.option(fc.nat(3), { nil: undefined })], options)(
    `with both versions the last-write-wins order decides; else a put invoked before the delete completed is hidden (seed ${seed})`,
    (putCall, deleteReturn, putStamp, deleteStamp) => {
      const put = op({ callAt: putCall, callTime: putCall, ...(putStamp === undefined ? {} : { version: lww(putStamp, "n2") }) });
      const del = op({ kind: "delete", callAt: 0, returnAt: deleteReturn, ...(deleteStamp === undefined ? {} : { version: lww(deleteStamp) }) });
      const byOrder = putStamp !== undefined && deleteStamp !== undefined ? deleteStamp > putStamp : putCall < deleteReturn;
      expect(hidesPut(purgeOf([del]), put)).toBe(byOrder);
      // One of several possible deletes hiding it is enough.
      expect(hidesPut(purgeOf([del, op({ kind: "delete", returnAt: 100 })]), put)).toBe(true);
      expect(hidesPut(purgeOf([op({ kind: "delete", returnAt: -1 }), del]), put)).toBe(byOrder);
      // With the delete unknown, its tick decides: a put invoked at or before it is hidden.
      expect(hidesPut(purgeOf([], deleteReturn), put)).toBe(putCall <= deleteReturn);
    },
  );
});

describe("isEarlyPurge", () => {
  const purge = (time: number, deletedAt: number): PurgedTombstone => ({ key: "x", node: "n1", time, deletedAt, event: 3, deletes: [] });
  prop([fc.nat(30), fc.nat(30), fc.integer({ min: 1, max: 20 })], options)(
    `keep purges nothing, immediate is never judged, timeout waits out the grace period (seed ${seed})`,
    (deletedAt, elapsed, graceTicks) => {
      const p = purge(deletedAt + elapsed, deletedAt);
      const judged = (gc: GcConfig) => isEarlyPurge(gc, p, []);
      expect(judged({ mode: "keep" })).toBe(true);
      expect(judged({ mode: "immediate" })).toBe(false);
      expect(judged({ mode: "timeout", graceTicks })).toBe(elapsed < graceTicks);
      expect(judged({ mode: "timeout" })).toBe(false);
      expect(judged({ mode: "repair" })).toBe(true);
    },
  );
});
