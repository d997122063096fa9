// Histories a linearizable store could produce: every op that takes effect does so at one
// point inside its interval (an info write at its point or never, a failed one never), and
// every ok get returns the key's state at its point. Barriers fall between phases, when
// every op that completes has completed. `perturbed` then changes one read, which may or
// may not break the history.
import fc from "fast-check";
import type { ClusterEvent, ConsistencyLevel, GetResult, History, Outcome } from "../../model/vocabulary.ts";
import { buildHistory, type TestOp } from "./history-builder.ts";
import { chance } from "./property-runs.ts";

const phaseTicks = 10;

interface DrawnOp {
  kind: "put" | "delete" | "get";
  key: string;
  offset: number;
  length: number;
  outcome: Outcome;
  /** point: where in its interval the op takes effect, as a fraction. */
  point: number;
  /** infoTakesEffect: whether an info write took effect at all. */
  infoTakesEffect: boolean;
}

/** LinearizableDraw is a drawn execution: its ops per phase, its barriers, and one read to perturb. */
export interface LinearizableDraw {
  ops: TestOp[];
  cluster: ClusterEvent[];
}

const drawnOp: fc.Arbitrary<DrawnOp> = fc.record({
  kind: fc.constantFrom<DrawnOp["kind"]>("put", "put", "delete", "get", "get", "get"),
  key: fc.constantFrom("x", "y"),
  offset: fc.nat(5),
  length: fc.integer({ min: 1, max: 4 }),
  outcome: fc.constantFrom<Outcome>("ok", "ok", "ok", "ok", "info", "fail"),
  point: fc.integer({ min: 1, max: 99 }).map((n) => n / 100),
  infoTakesEffect: fc.boolean(),
});

/** linearizableExecution draws ops in phases and computes what each get returned. */
export const linearizableExecution: fc.Arbitrary<LinearizableDraw> = fc
  .array(fc.record({ ops: fc.array(drawnOp, { minLength: 1, maxLength: 4 }), barrier: chance(0.6) }), { minLength: 1, maxLength: 5 })
  .map((phases) => {
    const ops: TestOp[] = [];
    const cluster: ClusterEvent[] = [];
    const effects: Array<{ at: number; op: TestOp; kind: DrawnOp["kind"] }> = [];
    phases.forEach((phase, k) => {
      const base = k * phaseTicks;
      for (const d of phase.ops) {
        const start = base + d.offset;
        const op: TestOp = { op: d.kind, key: d.key, process: ops.length, at: [start, start + d.length], outcome: d.kind === "get" && d.outcome === "fail" ? "ok" : d.outcome };
        if (d.kind === "put") op.value = `${d.key}${ops.length}`;
        ops.push(op);
        const takesEffect = op.outcome === "ok" || (op.outcome === "info" && d.infoTakesEffect && d.kind !== "get");
        if (takesEffect) effects.push({ at: start + d.point * d.length, op, kind: d.kind });
      }
      if (phase.barrier) cluster.push({ kind: "barrier", time: base + phaseTicks - 1 });
    });
    effects.sort((a, b) => a.at - b.at);
    const state = new Map<string, GetResult>();
    for (const { op, kind } of effects) {
      const key = op.key ?? "x";
      if (kind === "put") state.set(key, { kind: "value", value: op.value! });
      else if (kind === "delete") state.set(key, { kind: "absent", reason: "deleted" });
      else op.result = state.get(key) ?? { kind: "absent", reason: "never-written" };
    }
    return { ops, cluster };
  });

/** perturbed replaces the result of the `pick`-th get with the value of the `value`-th put of its key, or absent. */
export function perturbed(draw: LinearizableDraw, pick: number, value: number): LinearizableDraw {
  const gets = draw.ops.filter((op) => op.op === "get" && op.outcome === "ok");
  if (gets.length === 0) return draw;
  const target = gets[pick % gets.length]!;
  const puts = draw.ops.filter((op) => op.op === "put" && op.key === target.key);
  const result: GetResult = value >= puts.length ? { kind: "absent", reason: "deleted" } : { kind: "value", value: puts[value]!.value! };
  return { ops: draw.ops.map((op) => (op === target ? { ...op, result } : op)), cluster: draw.cluster };
}

/** atLevel builds the drawn execution as a history checked at `level`. */
export function atLevel(draw: LinearizableDraw, level: ConsistencyLevel): History {
  return buildHistory(level, draw.ops, draw.cluster);
}
