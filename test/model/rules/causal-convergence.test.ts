// The causal level at barriers: the gets of a window agree (on values alone once a
// tombstone of the key may be purged) and each shows exactly the frontier of the writes
// before the barrier: ok ones, info ones it shows, and deletes whose tombstone was purged.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { CausalPast } from "../../../model/causal-past.ts";
import { describeResult } from "../../../model/describe.ts";
import { prepareHistory, tombstoneGoneBefore } from "../../../model/history-context.ts";
import type { Operation } from "../../../model/operations.ts";
import { checkCausalConvergence } from "../../../model/rules/causal-convergence.ts";
import { resolveSiblings } from "../../../model/rules/causal-read.ts";
import { convergenceWindows } from "../../../model/rules/convergence-window.ts";
import type { GetResult } from "../../../model/vocabulary.ts";
import { causalHistory } from "../../support/causal-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };

const valuesOf = (result: GetResult | undefined) => (result?.kind === "value" ? [result.value] : result?.kind === "siblings" ? [...result.values].sort() : []);

describe("checkCausalConvergence", () => {
  prop([causalHistory({ purges: true })], options)(`finds divergence, lost and spurious siblings exactly as the frontier defines them (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      const expected: string[] = [];
      for (const window of convergenceWindows(history, context.barriers)) {
        const lastRead = Math.max(...window.gets.map((g) => g.completeIndex!));
        const purged = (context.firstPurge.get(history.key) ?? Infinity) < lastRead;
        const states = new Set(window.gets.map((g) => (purged ? JSON.stringify(valuesOf(g.result)) : describeResult(g.result))));
        if (states.size > 1) expected.push(`divergence@${window.barrier.event}`);
        for (const get of window.gets) {
          const shown = resolveSiblings(history, get).writes;
          const gone = (w: Operation) => w.kind === "delete" && tombstoneGoneBefore(context, w, get.completeIndex!);
          const included = window.writes.filter((w) => w.outcome === "ok" || shown.includes(w) || gone(w));
          const frontier = included.filter((w) => !included.some((o) => o !== w && past.pastOf(o).has(w)));
          if (frontier.some((w) => !shown.includes(w) && !gone(w))) expected.push(`sibling-lost@${get.completeIndex}`);
          if (shown.some((w) => !frontier.includes(w))) expected.push(`sibling-spurious@${get.completeIndex}`);
        }
      }
      const found = checkCausalConvergence(context, history, past).map((a) => `${a.kind}@${a.kind === "divergence" ? a.events[0] : a.read}`);
      expect(found.sort()).toEqual(expected.sort());
    }
  });

  prop([causalHistory()], options)(`a get that shows exactly the frontier of the ok writes before its barrier is never flagged (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      const flagged = new Set(checkCausalConvergence(context, history, past).map((a) => a.read));
      for (const window of convergenceWindows(history, context.barriers)) {
        const frontier = past.frontier(window.writes.filter((w) => w.outcome === "ok"));
        for (const get of window.gets) {
          const shown = resolveSiblings(history, get).writes;
          const exact = shown.length === frontier.length && frontier.every((w) => shown.includes(w));
          if (exact && resolveSiblings(history, get).anomalies.length === 0) expect(flagged.has(get.completeIndex)).toBe(false);
          // Missing a frontier write, or showing a write the frontier superseded, is always flagged.
          if (frontier.some((w) => !shown.includes(w)) || shown.some((w) => w.outcome === "ok" && !frontier.includes(w))) expect(flagged.has(get.completeIndex)).toBe(true);
        }
      }
    }
  });
});
