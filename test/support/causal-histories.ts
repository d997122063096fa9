// Generated causal (vector-clock) histories of one key, in phases like phasedHistory: each
// put or delete carries a context naming some earlier writes, and each get returns either
// the frontier of what came before (what a correct store shows after quiescence) or a
// perturbed set of siblings: one dropped, one superseded added, a ghost, a future write.
import fc from "fast-check";
import type { ClusterConfig, ClusterEvent, GcConfig, GetResult, History, Outcome } from "../../model/vocabulary.ts";
import { absence } from "./cluster-histories.ts";
import { buildHistory, type TestOp } from "./history-builder.ts";
import { chance } from "./property-runs.ts";

/** CausalOptions tunes causalHistory. */
export interface CausalOptions {
  gc?: fc.Arbitrary<GcConfig>;
  config?: fc.Arbitrary<Partial<ClusterConfig>>;
  /** purges: also draw gc-purge events of the deletes' tombstones. */
  purges?: boolean;
  /** absences: also draw up to this many nodes cut off for a while (and perhaps rebuilt). */
  absences?: number;
}

type Read = "frontier" | "drop" | "add-superseded" | "resurrect" | "ghost" | "future" | "random";

const phaseTicks = 10;

interface Written {
  name: string;
  kind: "put" | "delete";
  outcome: Outcome;
  /** seen: indices of the writes its context named, and transitively. */
  past: Set<number>;
  start: number;
}

/** causalHistory draws a causal history of key "x". */
export function causalHistory(options: CausalOptions = {}): fc.Arbitrary<History> {
  const op = fc.record({
    kind: fc.constantFrom("put" as const, "put" as const, "delete" as const, "get" as const, "get" as const),
    offset: fc.nat(5),
    length: fc.integer({ min: 1, max: 3 }),
    outcome: fc.constantFrom<Outcome>("ok", "ok", "ok", "info", "fail"),
    /** sees: which earlier writes the context names (a bit mask over the latest few). */
    sees: fc.nat(15),
    read: fc.constantFrom<Read>("frontier", "frontier", "frontier", "drop", "add-superseded", "add-superseded", "resurrect", "ghost", "future", "random"),
    pick: fc.nat(7),
    /** shape: how the get reports what it shows (a reversed sibling list is the same set). */
    shape: fc.constantFrom("siblings", "siblings", "siblings", "reversed", "value", "absent"),
  });
  const phase = fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 3 }), barrier: chance(0.6), purgeAfter: fc.option(fc.nat(12), { nil: undefined }) });
  return fc
    .record({
      phases: fc.array(phase, { minLength: 1, maxLength: 5 }),
      gc: options.gc ?? fc.constant<GcConfig>({ mode: "keep" }),
      config: options.config ?? fc.constant({}),
      absences: fc.array(absence(40), { maxLength: options.absences ?? 0 }).map((groups) => groups.flat()),
    })
    .map(({ phases, gc, config, absences }) => {
      const ops: TestOp[] = [];
      const cluster: ClusterEvent[] = [...absences];
      const writes: Written[] = [];
      let process = 0;
      const nameOf = (w: Written) => w.name;
      const contextOf = (chosen: Written[]) => ({
        values: chosen.filter((w) => w.kind === "put").map(nameOf),
        tombstones: chosen.filter((w) => w.kind === "delete").map(nameOf),
      });
      phases.forEach((p, k) => {
        const base = k * phaseTicks;
        // Gets of this phase read what the earlier phases left: the frontier of their ok writes.
        const before = writes.filter((w) => w.start < base && w.outcome !== "fail");
        const frontier = before.filter((w, i) => w.outcome === "ok" && !before.some((o, j) => j !== i && o.past.has(writes.indexOf(w))));
        for (const o of p.ops) {
          const at: [number, number] = [base + o.offset, base + o.offset + o.length];
          process++;
          if (o.kind === "get") {
            let shown = [...frontier];
            if (o.read === "drop" && shown.length > 0) shown.splice(o.pick % shown.length, 1);
            // What the frontier had seen: shown beside it, it is superseded.
            const superseded = [...new Set(frontier.flatMap((w) => [...w.past]))].map((i) => writes[i]!);
            if (o.read === "add-superseded" && superseded.length > 0) shown.push(superseded[o.pick % superseded.length]!);
            // A put some ok delete had seen, shown alone.
            const hidden = writes.filter((w, i) => w.kind === "put" && writes.some((d) => d.kind === "delete" && d.outcome === "ok" && d.past.has(i)));
            if (o.read === "resurrect" && hidden.length > 0) shown = [hidden[o.pick % hidden.length]!];
            if (o.read === "random") shown = writes.filter((_, i) => (o.pick + o.offset) & (1 << i % 4) && i % 2 === o.pick % 2);
            const context = contextOf(shown);
            if (o.read === "ghost") context.values.push("ghost");
            if (o.read === "future") context.values.push(`x${process + 1}`);
            let result: GetResult = { kind: "siblings", ...context };
            if (o.shape === "reversed") result = { kind: "siblings", values: [...context.values].reverse(), tombstones: [...context.tombstones].reverse() };
            const firstValue = context.values[0];
            if (o.shape === "value" && firstValue !== undefined) result = { kind: "value", value: firstValue };
            if (o.shape === "absent") result = { kind: "absent", reason: o.pick % 2 === 0 ? "deleted" : "never-written" };
            ops.push({ op: "get", key: "x", process, at, result });
            continue;
          }
          // A write has seen some of the latest writes before it (its process's earlier get).
          const recent = writes.filter((w) => w.start + 3 < at[0]).slice(-4);
          const seen = recent.filter((_, i) => o.sees & (1 << i));
          const name = o.kind === "put" ? `x${process}` : `t${process}`;
          const past = new Set<number>();
          for (const w of seen) {
            past.add(writes.indexOf(w));
            for (const q of w.past) past.add(q);
          }
          writes.push({ name, kind: o.kind, outcome: o.outcome, past, start: at[0] });
          const made: TestOp = { op: o.kind, key: "x", process, at, outcome: o.outcome, context: contextOf(seen) };
          if (o.kind === "put") made.value = name;
          else made.tombstone = name;
          ops.push(made);
          if (o.kind === "delete" && p.purgeAfter !== undefined && options.purges === true) {
            cluster.push({ kind: "gc-purge", time: at[0] + p.purgeAfter, node: "n1", key: "x", deletedAt: at[0], replicas: ["n1", "n2", "n3"] });
          }
        }
        if (p.barrier) cluster.push({ kind: "barrier", time: base + phaseTicks - 1 });
      });
      return buildHistory("causal", ops, cluster, { versioning: "vector-clock", gc, ...config });
    });
}
