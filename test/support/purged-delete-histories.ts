// Generated histories of the shape the GC contract is about: puts of one key, a delete,
// purges of its tombstone on and off time, and gets before and after, with perhaps a
// repair, an absence around the purge and other cluster events.
import fc from "fast-check";
import type { ClusterConfig, ClusterEvent, ConsistencyLevel, GcConfig, GetResult, History, Outcome } from "../../model/vocabulary.ts";
import { clusterEvent, gcModes, nodes } from "./cluster-histories.ts";
import { buildHistory, type TestOp } from "./history-builder.ts";
import { chance } from "./property-runs.ts";

/**
 * purgedDeleteHistory draws the shape the GC contract is about: puts of one key, a delete,
 * purges of its tombstone on and off time, perhaps repairs, absences and late hints, and
 * gets reading one of the puts' values (or absent) before or after the purges.
 */
export function purgedDeleteHistory(options: { gc?: fc.Arbitrary<GcConfig>; level?: ConsistencyLevel; config?: Partial<ClusterConfig> } = {}): fc.Arbitrary<History> {
  return fc
    .record({
      puts: fc.array(fc.record({ start: fc.nat(12), outcome: fc.constantFrom<Outcome>("ok", "ok", "info"), stamp: fc.option(fc.nat(20), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
      /** absence: a node cut off from just after the delete, for some ticks; repairAt: a complete repair. */
      absence: fc.option(fc.record({ node: fc.constantFrom(...nodes), lengthTicks: fc.integer({ min: 4, max: 16 }), rebuilt: fc.boolean() }), { nil: undefined }),
      repairAt: fc.option(fc.nat(12), { nil: undefined }),
      deleteStart: fc.nat(12),
      deleteOutcome: fc.constantFrom<Outcome>("ok", "ok", "info"),
      deleteVersioned: chance(0.3),
      purges: fc.array(fc.record({ afterTicks: fc.nat(14), node: fc.constantFrom(...nodes), knownDelete: chance(0.8) }), { minLength: 1, maxLength: 2 }),
      gets: fc.array(fc.record({ start: fc.nat(40), read: fc.integer({ min: -1, max: 2 }) }), { minLength: 1, maxLength: 3 }),
      extra: fc.array(clusterEvent(30), { maxLength: 4 }).map((groups) => groups.flat()),
      gc: options.gc ?? gcModes,
      rejoinGuard: fc.boolean(),
    })
    .map(({ puts, deleteStart, deleteOutcome, deleteVersioned, purges, gets, extra, gc, rejoinGuard, absence, repairAt }) => {
      const ops: TestOp[] = puts.map((p, i) => {
        const op: TestOp = { op: "put", key: "x", value: `x${i}`, process: i, at: [p.start, p.start + 1], outcome: p.outcome };
        if (p.stamp !== undefined) op.version = { kind: "lww", timestamp: p.stamp, node: "n2" };
        return op;
      });
      const del: TestOp = { op: "delete", key: "x", process: 10, at: [deleteStart, deleteStart + 1], outcome: deleteOutcome };
      if (deleteVersioned) del.version = { kind: "lww", timestamp: deleteStart, node: "n1" };
      ops.push(del);
      gets.forEach((g, i) => {
        const result: GetResult = g.read < 0 ? { kind: "absent", reason: "deleted" } : { kind: "value", value: `x${g.read % puts.length}` };
        ops.push({ op: "get", key: "x", process: 20 + i, at: [g.start, g.start + 1], result });
      });
      const cluster: ClusterEvent[] = [
        ...purges.map((p): ClusterEvent => ({ kind: "gc-purge", time: deleteStart + p.afterTicks, node: p.node, key: "x", deletedAt: p.knownDelete ? deleteStart : deleteStart + 1, replicas: nodes })),
        ...extra,
      ];
      if (absence !== undefined) {
        const back = deleteStart + 2 + absence.lengthTicks;
        cluster.push({ kind: "crash", time: deleteStart + 2, node: absence.node }, { kind: "restart", time: back, node: absence.node });
        if (absence.rebuilt) cluster.push({ kind: "node-repaired", time: back + 1, node: absence.node });
      }
      if (repairAt !== undefined) cluster.push({ kind: "anti-entropy-round", time: repairAt, startedAt: repairAt, full: true, complete: true, nodes });
      return buildHistory(options.level ?? "eventual", ops, cluster, { gc, rejoinGuard, ...options.config });
    });
}
