// Small generated histories with cluster events, for the spec's property tests: a few ops
// on two keys (each op its own process, reads returning some value of the key, absent, or
// now and then a value nobody wrote) and faults, purges, repairs, hints and barriers laid
// out in time, under any GC mode.
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
const absence = (horizon: number): fc.Arbitrary<ClusterEvent[]> =>
  fc
    .record({ time: fc.nat(horizon), lengthTicks: fc.nat(15), node: fc.constantFrom(...nodes), partitioned: chance(0.3), rebuiltAfter: fc.option(fc.nat(3), { nil: undefined }) })
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
    .record({ time: fc.nat(horizon), ageTicks: fc.nat(10), delayTicks: fc.nat(3), storedBefore: fc.integer({ min: -2, max: 8 }), key: fc.constantFrom(...keys), value: fc.nat(4) })
    .map(({ time, ageTicks, delayTicks, storedBefore, key, value }) => {
      const deletedAt = Math.max(0, time - ageTicks);
      return [
        { kind: "gc-purge", time, node: "n1", key, deletedAt, replicas: nodes },
        { kind: "hint-delivered", time: time + delayTicks, holder: "n2", target: "n3", key, tombstone: false, value: `${key}${value}`, storedAt: Math.max(0, deletedAt - storedBefore) },
      ];
    });

const clusterEvent = (horizon: number): fc.Arbitrary<ClusterEvent[]> =>
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
        .record({ time, age: fc.nat(20), holder: node, target: node, key, tombstone: chance(0.2), value: fc.nat(6) })
        .map(({ time, age, holder, target, key, tombstone, value }): ClusterEvent => {
          const event: ClusterEvent = { kind: "hint-delivered", time, holder, target, key, tombstone, storedAt: Math.max(0, time - age) };
          if (!tombstone) event.value = `${key}${value}`;
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

/**
 * purgedDeleteHistory draws the shape the GC contract is about: puts of one key, a delete,
 * purges of its tombstone on and off time, perhaps repairs, absences and late hints, and
 * gets reading one of the puts' values (or absent) before or after the purges.
 */
export function purgedDeleteHistory(options: { gc?: fc.Arbitrary<GcConfig>; level?: ConsistencyLevel; config?: Partial<ClusterConfig> } = {}): fc.Arbitrary<History> {
  return fc
    .record({
      puts: fc.array(fc.record({ start: fc.nat(12), outcome: fc.constantFrom<Outcome>("ok", "ok", "info") }), { minLength: 1, maxLength: 3 }),
      deleteStart: fc.nat(12),
      deleteOutcome: fc.constantFrom<Outcome>("ok", "ok", "info"),
      deleteVersioned: chance(0.3),
      purges: fc.array(fc.record({ afterTicks: fc.nat(14), node: fc.constantFrom(...nodes), knownDelete: chance(0.8) }), { minLength: 1, maxLength: 2 }),
      gets: fc.array(fc.record({ start: fc.nat(40), read: fc.integer({ min: -1, max: 2 }) }), { minLength: 1, maxLength: 3 }),
      extra: fc.array(clusterEvent(30), { maxLength: 4 }).map((groups) => groups.flat()),
      gc: options.gc ?? gcModes,
      rejoinGuard: fc.boolean(),
    })
    .map(({ puts, deleteStart, deleteOutcome, deleteVersioned, purges, gets, extra, gc, rejoinGuard }) => {
      const ops: TestOp[] = puts.map((p, i) => ({ op: "put", key: "x", value: `x${i}`, process: i, at: [p.start, p.start + 1], outcome: p.outcome }));
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
      return buildHistory(options.level ?? "eventual", ops, cluster, { gc, rejoinGuard, ...options.config });
    });
}

/** PhasedOptions tunes phasedHistory. */
export interface PhasedOptions {
  level?: ConsistencyLevel;
  gc?: fc.Arbitrary<GcConfig>;
  maxPhases?: number;
  maxOpsPerPhase?: number;
  keys?: string[];
  config?: Partial<ClusterConfig>;
  /** extraEvents: also draw up to this many other cluster events (purges, repairs, skews, absences, hints). */
  extraEvents?: number;
}

const phaseTicks = 10;

/**
 * phasedHistory draws histories in phases of 10 ticks: a few concurrent ops, then perhaps a
 * barrier (the phase's last tick, once its ok and failed ops are done) and perhaps a crash
 * or partition. Gets read a recent put of their key (the latest, or one before), or absent,
 * so that windows, stale reads and lost writes all come up.
 */
export function phasedHistory(options: PhasedOptions = {}): fc.Arbitrary<History> {
  const phaseKeys = options.keys ?? keys;
  const op = fc.record({
    kind: fc.constantFrom<RawOp["kind"]>("put", "put", "delete", "get", "get", "get"),
    key: fc.constantFrom(...phaseKeys),
    offset: fc.nat(5),
    length: fc.integer({ min: 1, max: 3 }),
    outcome: fc.constantFrom<Outcome>("ok", "ok", "ok", "ok", "info", "fail"),
    back: fc.integer({ min: -2, max: 2 }),
    /** skewTicks: the recorded version's timestamp is the invoke tick plus this (no version when undefined). */
    skewTicks: fc.option(fc.integer({ min: -4, max: 2 }), { nil: undefined }),
  });
  const phase = fc.record({
    ops: fc.array(op, { minLength: 1, maxLength: options.maxOpsPerPhase ?? 3 }),
    barrier: chance(0.6),
    fault: fc.constantFrom<"none" | "crash" | "partition" | "restart">("none", "none", "none", "none", "crash", "partition", "restart"),
    faultOffset: fc.nat(9),
  });
  return fc
    .record({
      phases: fc.array(phase, { minLength: 1, maxLength: options.maxPhases ?? 5 }),
      gc: options.gc ?? fc.constant<GcConfig>({ mode: "keep" }),
      extra: fc.array(clusterEvent((options.maxPhases ?? 5) * phaseTicks), { maxLength: options.extraEvents ?? 0 }).map((groups) => groups.flat()),
      rejoinGuard: fc.boolean(),
    })
    .map(({ phases, gc, extra, rejoinGuard }) => {
      const ops: TestOp[] = [];
      const cluster: ClusterEvent[] = [];
      const puts = new Map<string, string[]>();
      let process = 0;
      phases.forEach((p, k) => {
        const base = k * phaseTicks;
        for (const o of p.ops) {
          const at: [number, number] = [base + o.offset, base + o.offset + o.length];
          const made: TestOp = { op: o.kind, key: o.key, process: process++, at, outcome: o.kind === "get" && o.outcome !== "fail" ? "ok" : o.outcome };
          const written = puts.get(o.key) ?? [];
          if (o.kind === "put") {
            made.value = `${o.key}${process}`;
            puts.set(o.key, [...written, made.value]);
          }
          if (o.kind !== "get" && o.skewTicks !== undefined) made.version = { kind: "lww", timestamp: at[0] + o.skewTicks, node: "n1" };
          if (o.kind === "get") {
            const chosen = written[written.length - 1 - Math.max(0, o.back)];
            made.result = o.back < 0 || chosen === undefined ? { kind: "absent", reason: o.back === -1 ? "never-written" : "deleted" } : { kind: "value", value: chosen };
          }
          ops.push(made);
        }
        if (p.barrier) cluster.push({ kind: "barrier", time: base + phaseTicks - 1 });
        const faultTime = base + p.faultOffset;
        if (p.fault === "crash" || p.fault === "restart") cluster.push({ kind: p.fault, time: faultTime, node: "n3" });
        if (p.fault === "partition") cluster.push({ kind: "partition", time: faultTime, groups: [["n1", "n2"], ["n3"]] });
      });
      return buildHistory(options.level ?? "eventual", ops, [...cluster, ...extra], { gc, rejoinGuard, ...options.config });
    });
}
