// Small generated histories with cluster events, for the spec's property tests: a few ops
// on two keys (each op its own process, reads returning some value of the key, absent, or
// now and then a value nobody wrote) and faults, purges, repairs, hints and barriers laid
// out in time, under any GC mode. The cluster events are shared with the other generators
// (phased-histories.ts, purged-delete-histories.ts, causal-histories.ts).
import fc from "fast-check";
import type { ClusterConfig, ClusterEvent, ConsistencyLevel, GcConfig, GetResult, History, NodeId, Outcome } from "../../model/vocabulary.ts";
import { buildHistory, type TestOp } from "./history-builder.ts";
import { chance } from "./property-runs.ts";

/** nodes are the generated cluster's nodes; replicas of every key. */
export const nodes: NodeId[] = ["n1", "n2", "n3"];
/** keys are the generated histories' keys. */
export const keys = ["x", "y"];

/** ClusterHistoryOptions tunes the generator. */
export interface ClusterHistoryOptions {
  level?: ConsistencyLevel;
  gc?: fc.Arbitrary<GcConfig>;
  /** maxOps / maxEvents bound the history's size. */
  maxOps?: number;
  maxEvents?: number;
  /** horizonTicks: ops and events fall in [0, horizonTicks]. */
  horizonTicks?: number;
  config?: Partial<ClusterConfig>;
}

/** gcModes draws any GC mode; timeout with a short grace period so breaches happen. */
export const gcModes: fc.Arbitrary<GcConfig> = fc.constantFrom<GcConfig>(
  { mode: "keep" },
  { mode: "repair" },
  { mode: "immediate" },
  { mode: "timeout", graceTicks: 6 },
);

interface RawOp {
  kind: "put" | "delete" | "get";
  key: string;
  start: number;
  length: number;
  outcome: Outcome;
  /** read: which result a get returns: an index into the key's puts, or absent. */
  read: number;
  versioned: boolean;
}

const rawOp = (horizon: number): fc.Arbitrary<RawOp> =>
  fc.record({
    kind: fc.constantFrom<RawOp["kind"]>("put", "put", "delete", "get", "get"),
    key: fc.constantFrom(...keys),
    start: fc.nat(horizon),
    length: fc.integer({ min: 1, max: 4 }),
    outcome: fc.constantFrom<Outcome>("ok", "ok", "ok", "info", "fail"),
    read: fc.integer({ min: -3, max: 6 }),
    versioned: chance(0.3),
  });

/** absence: a node down (or partitioned off) for a while, then back, and perhaps rebuilt soon after. */
export const absence = (horizon: number): fc.Arbitrary<ClusterEvent[]> =>
  fc
    .record({
      time: fc.nat(horizon),
      lengthTicks: fc.nat(15),
      node: fc.constantFrom(...nodes),
      partitioned: chance(0.3),
      // Rebuilt soon after the rejoin, or (a negative delay) recorded just before it.
      rebuiltAfter: fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }),
    })
    .map(({ time, lengthTicks, node, partitioned, rebuiltAfter }) => {
      const end = time + lengthTicks;
      const events: ClusterEvent[] = partitioned
        ? [
            { kind: "partition", time, groups: [nodes.filter((n) => n !== node), [node]] },
            { kind: "heal", time: end },
          ]
        : [
            { kind: "crash", time, node },
            { kind: "restart", time: end, node },
          ];
      if (rebuiltAfter !== undefined) events.push({ kind: "node-repaired", time: end + rebuiltAfter, node });
      return events;
    });

/** lateHint: a tombstone purged, then a value hint of its key delivered, stored around the delete. */
const lateHint = (horizon: number): fc.Arbitrary<ClusterEvent[]> =>
  fc
    .record({
      time: fc.nat(horizon),
      // Around the grace period (6): a purge just on time, a hint just stale or just fresh.
      ageTicks: fc.constantFrom(5, 6, 7, 10),
      delayTicks: fc.constantFrom(0, 1, 3),
      storedBefore: fc.constantFrom(-1, 0, 1, 3, 8),
      key: fc.constantFrom(...keys),
      value: fc.nat(4),
    })
    .map(({ time, ageTicks, delayTicks, storedBefore, key, value }) => {
      const deletedAt = Math.max(0, time - ageTicks);
      return [
        { kind: "gc-purge", time, node: "n1", key, deletedAt, replicas: nodes },
        { kind: "hint-delivered", time: time + delayTicks, holder: "n2", target: "n3", key, tombstone: false, value: `${key}${value}`, storedAt: Math.max(0, deletedAt - storedBefore) },
      ];
    });

/** clusterEvent draws one cluster event, or a few that belong together (an absence, a purge and a late hint). */
export const clusterEvent = (horizon: number): fc.Arbitrary<ClusterEvent[]> =>
  fc.oneof({ weight: 2, arbitrary: absence(horizon) }, { weight: 1, arbitrary: lateHint(horizon) }, { weight: 8, arbitrary: singleEvent(horizon).map((e) => [e]) });

const singleEvent = (horizon: number): fc.Arbitrary<ClusterEvent> => {
  const time = fc.nat(horizon);
  const node = fc.constantFrom(...nodes);
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("barrier" as const), time }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("crash" as const, "restart" as const), time, node }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("partition" as const), time, groups: fc.constantFrom<NodeId[][]>([["n1", "n2"], ["n3"]], [["n1"], ["n2", "n3"]]) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("heal" as const), time }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("clock-skew" as const), time, node, offsetTicks: fc.integer({ min: -4, max: 4 }) }) },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant("gc-purge" as const), time, node, key, deletedAt: fc.nat(horizon), replicas: fc.constant(nodes) }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ time, duration: fc.constantFrom(0, 0, 3), full: chance(0.8), complete: chance(0.6) })
        .map(({ time, duration, full, complete }): ClusterEvent => ({ kind: "anti-entropy-round", time: time + duration, startedAt: time, full, complete, nodes })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          time,
          age: fc.nat(20),
          holder: node,
          target: node,
          key,
          tombstone: chance(0.2),
          // A hint's value is usually one of its key's, now and then another key's.
          valueKey: fc.constantFrom(...keys, ...keys, ...keys),
          value: fc.nat(6),
          expired: chance(0.2),
        })
        .map(({ time, age, holder, target, key, tombstone, valueKey, value, expired }): ClusterEvent => {
          const event: Extract<ClusterEvent, { kind: "hint-delivered" | "hint-expired" }> = {
            kind: expired ? "hint-expired" : "hint-delivered",
            time,
            holder,
            target,
            key,
            tombstone,
            storedAt: Math.max(0, time - age),
          };
          if (!tombstone) event.value = `${valueKey}${value}`;
          return event;
        }),
    },
  );
};

/** toOps gives each put a unique value `<key><n>` and each get a result drawn from its key's puts. */
function toOps(raw: RawOp[]): TestOp[] {
  const putCount = new Map<string, number>();
  return raw.map((r, i): TestOp => {
    const op: TestOp = { op: r.kind, key: r.key, process: i, at: [r.start, r.start + r.length], outcome: r.outcome };
    if (r.kind === "put") {
      const n = putCount.get(r.key) ?? 0;
      putCount.set(r.key, n + 1);
      op.value = `${r.key}${n}`;
    }
    if (r.kind !== "get" && r.versioned) op.version = { kind: "lww", timestamp: r.start, node: "n1" };
    if (r.kind === "get") {
      op.outcome = r.outcome === "fail" ? "fail" : "ok";
      const result: GetResult =
        r.read === -3 ? { kind: "absent", reason: "never-written" } : r.read < 0 ? { kind: "absent", reason: "deleted" } : { kind: "value", value: `${r.key}${r.read}` };
      op.result = result;
    }
    return op;
  });
}

/** clusterHistory draws a small history under the given options. */
export function clusterHistory(options: ClusterHistoryOptions = {}): fc.Arbitrary<History> {
  const horizon = options.horizonTicks ?? 30;
  return fc
    .record({
      ops: fc.array(rawOp(horizon), { maxLength: options.maxOps ?? 8 }),
      events: fc.array(clusterEvent(horizon), { maxLength: options.maxEvents ?? 10 }).map((groups) => groups.flat()),
      gc: options.gc ?? gcModes,
      rejoinGuard: fc.boolean(),
    })
    .map(({ ops, events, gc, rejoinGuard }) => buildHistory(options.level ?? "eventual", toOps(ops), events, { gc, rejoinGuard, ...options.config }));
}
