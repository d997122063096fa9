// The causal level at barriers: the gets of a window agree (on values alone once a
// tombstone of the key may be purged) and each shows exactly the frontier of the writes
// before the barrier: ok ones, info ones it shows, and deletes whose tombstone was purged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CausalPast } from "../../../model/causal-past.ts";
import { describeResult } from "../../../model/describe.ts";
import { prepareHistory, tombstoneGoneBefore } from "../../../model/history-context.ts";
import type { Operation } from "../../../model/operations.ts";
import { checkCausalConvergence } from "../../../model/rules/causal-convergence.ts";
import { resolveSiblings } from "../../../model/rules/causal-read.ts";
import { convergenceWindows, writesBefore } from "../../../model/rules/convergence-window.ts";
import { explainByGcBreach, explainLostWriteByGcBreach } from "../../../model/rules/explain.ts";
import type { GcConfig, GetResult } from "../../../model/vocabulary.ts";
import { causalHistory } from "../../support/causal-histories.ts";
import { buildHistory } from "../../support/history-builder.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };

const valuesOf = (result: GetResult | undefined) => (result?.kind === "value" ? [result.value] : result?.kind === "siblings" ? [...result.values].sort() : []);
/** stateOf is what a get saw, as sets: its values only, or its values and tombstones while tombstones count (a value is one sibling). */
const stateOf = (result: GetResult | undefined, withTombstones: boolean): string => {
  if (!withTombstones) return JSON.stringify(valuesOf(result));
  if (result?.kind !== "siblings" && result?.kind !== "value") return describeResult(result);
  const tombstones = result.kind === "siblings" ? [...result.tombstones].sort() : [];
  return describeResult({ kind: "siblings", values: valuesOf(result), tombstones });
};

describe("checkCausalConvergence", () => {
  prop([causalHistory({ purges: true })], options)(`finds divergence, lost and spurious siblings exactly as the frontier defines them (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      const expected: string[] = [];
      for (const window of convergenceWindows(history, context.barriers)) {
        const lastRead = Math.max(...window.gets.map((g) => g.completeIndex!));
        const purged = (context.firstPurge.get(history.key) ?? Infinity) < lastRead;
        const states = new Set(window.gets.map((g) => stateOf(g.result, !purged)));
        if (states.size > 1) expected.push(`divergence@${window.barrier.event}`);
        for (const get of window.gets) {
          const shown = resolveSiblings(history, get).writes;
          const gone = (w: Operation) => w.kind === "delete" && tombstoneGoneBefore(context, w, get.completeIndex!);
          const included = writesBefore(window).filter((w) => w.outcome === "ok" || shown.includes(w) || gone(w));
          const frontier = included.filter((w) => !included.some((o) => o !== w && past.pastOf(o).has(w)));
          if (frontier.some((w) => !shown.includes(w) && !gone(w))) expected.push(`sibling-lost@${get.completeIndex}`);
          if (shown.some((w) => !frontier.includes(w))) expected.push(`sibling-spurious@${get.completeIndex}`);
        }
      }
      const found = checkCausalConvergence(context, history, past).map((a) => `${a.kind}@${a.kind === "divergence" ? a.events[0] : a.read}`);
      expect(found.sort()).toEqual(expected.sort());
    }
  });

  prop([causalHistory({ purges: true, absences: 2, gc: fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 }), config: fc.constant({ rejoinGuard: true }) })], options)(
    `a lost or spurious sibling is explained only by a breach that accounts for every write involved (seed ${seed})`,
    (h) => {
      const context = prepareHistory(h);
      for (const history of context.keys.values()) {
        const past = new CausalPast(history);
        const found = checkCausalConvergence(context, history, past).filter((a) => a.kind !== "divergence");
        for (const window of convergenceWindows(history, context.barriers)) {
          for (const get of window.gets) {
            const shown = resolveSiblings(history, get).writes;
            const gone = (w: Operation) => w.kind === "delete" && tombstoneGoneBefore(context, w, get.completeIndex!);
            const included = writesBefore(window).filter((w) => w.outcome === "ok" || shown.includes(w) || gone(w));
            const frontier = past.frontier(included);
            const mine = found.filter((a) => a.read === get.completeIndex);
            const missing = frontier.filter((w) => !shown.includes(w) && !gone(w));
            if (missing.length > 0) {
              const plain = { ...mine[0]!, kind: "sibling-lost" as const };
              expect(mine[0]!.kind).toBe(explainLostWriteByGcBreach(context, plain, missing).kind);
            }
            const extra = shown.filter((w) => !frontier.includes(w));
            if (extra.length > 0) {
              const spurious = mine[missing.length > 0 ? 1 : 0]!;
              const plain = { ...spurious, kind: "sibling-spurious" as const };
              // Brought back by a purge: every extra value, by a tombstone whose delete had seen it.
              const byPurge = extra.every((w) => w.kind === "put" && explainByGcBreach(context, plain, get, w, past.tombstoneHides) !== plain);
              const superseders = included.filter((w) => extra.some((e) => past.hasSeen(w, e)));
              const expected = byPurge ? "gc-grace-violation" : explainLostWriteByGcBreach(context, plain, superseders).kind;
              expect(spurious.kind).toBe(expected);
            }
          }
        }
      }
    },
  );

  it("the same siblings listed in two orders are one state, not a divergence", () => {
    const empty = { values: [], tombstones: [] };
    const h = buildHistory(
      "causal",
      [
        { op: "put", value: "a", context: empty, process: 0, at: [0, 1] },
        { op: "put", value: "b", context: empty, process: 1, at: [0, 1] },
        { op: "get", process: 2, at: [10, 11], result: { kind: "siblings", values: ["a", "b"], tombstones: [] } },
        { op: "get", process: 3, at: [12, 13], result: { kind: "siblings", values: ["b", "a"], tombstones: [] } },
      ],
      [{ kind: "barrier", time: 5 }],
      { versioning: "vector-clock" },
    );
    const context = prepareHistory(h);
    const history = context.keys.get("x")!;
    expect(checkCausalConvergence(context, history, new CausalPast(history))).toEqual([]);
  });

  prop([causalHistory()], options)(`a get that shows exactly the frontier of the ok writes before its barrier is never flagged (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      const flagged = new Set(checkCausalConvergence(context, history, past).map((a) => a.read));
      for (const window of convergenceWindows(history, context.barriers)) {
        const frontier = past.frontier(writesBefore(window).filter((w) => w.outcome === "ok"));
        for (const get of window.gets) {
          const shown = resolveSiblings(history, get).writes;
          const exact = shown.length === frontier.length && frontier.every((w) => shown.includes(w));
          if (exact && resolveSiblings(history, get).anomalies.length === 0) expect(flagged.has(get.completeIndex)).toBe(false);
          // Missing a frontier write (that no info write the get shows has seen), or showing a
          // write the frontier superseded, is always flagged.
          const missed = frontier.some((w) => !shown.includes(w) && !shown.some((s) => past.hasSeen(s, w)));
          if (missed || shown.some((w) => w.outcome === "ok" && !frontier.includes(w))) expect(flagged.has(get.completeIndex)).toBe(true);
        }
      }
    }
  });
});
