// Generated histories in phases, for the rules about barriers: each phase a few concurrent
// ops, then perhaps a barrier and a fault; gets read a recent put of their key or absent,
// so that convergence windows, stale reads and lost writes all come up.
import fc from "fast-check";
import type { ClusterConfig, ClusterEvent, ConsistencyLevel, GcConfig, History, Outcome } from "../../model/vocabulary.ts";
import { clusterEvent, keys, nodes } from "./cluster-histories.ts";
import { buildHistory, type TestOp } from "./history-builder.ts";
import { chance } from "./property-runs.ts";

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
  /** skews: inject clock skews at the start, so that recorded versions may invert real time. */
  skews?: boolean;
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
    kind: fc.constantFrom<"put" | "delete" | "get">("put", "put", "delete", "get", "get", "get"),
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
      skews: fc.array(fc.record({ node: fc.constantFrom(...nodes), offsetTicks: fc.constantFrom(0, 2, 4, -3, 6) }), { maxLength: options.skews === true ? 2 : 0 }),
    })
    .map(({ phases, gc, extra, rejoinGuard, skews }) => {
      const ops: TestOp[] = [];
      const cluster: ClusterEvent[] = skews.map((s): ClusterEvent => ({ kind: "clock-skew", time: 0, ...s }));
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
