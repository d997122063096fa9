// The causal level at barriers: every get in a convergence window returns exactly the
// frontier of the writes before the barrier, the writes no other write had seen (ok
// writes included, info writes only when the get shows them, failed writes excluded).
import type { Anomaly } from "../anomaly.ts";
import type { CausalPast } from "../causal-past.ts";
import { describeOperation, describeResult } from "../describe.ts";
import { tombstoneGoneBefore, type HistoryContext } from "../history-context.ts";
import type { Operation } from "../operations.ts";
import type { KeyHistory } from "../key-history.ts";
import { resolveSiblings } from "./causal-read.ts";
import { convergenceWindows, divergence, writesBefore } from "./convergence-window.ts";
import { explainByGcBreach, explainLostWriteByGcBreach } from "./explain.ts";
import { readAnomaly } from "./read-source.ts";
import type { GetResult } from "../vocabulary.ts";

/** checkCausalConvergence checks every convergence window of one key. */
export function checkCausalConvergence(context: HistoryContext, history: KeyHistory, past: CausalPast): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const purge = context.firstPurge.get(history.key) ?? Infinity;
  for (const window of convergenceWindows(history, context.barriers)) {
    // Once GC may have purged a tombstone of the key, "deleted" and "never written" are
    // the same answer: agreement is then on the values alone.
    const lastRead = Math.max(...window.gets.map((get) => get.completeIndex!));
    const withTombstones = purge > lastRead;
    const seen = new Set(window.gets.map((get) => causalState(get.result, withTombstones)));
    if (seen.size > 1) anomalies.push(divergence(history.key, window));
    for (const get of window.gets) {
      const shown = resolveSiblings(history, get).writes;
      // A delete whose tombstone GC purged before the get completed may be gone without a
      // trace (an info one may have taken effect first): it may supersede what it had seen.
      const gone = (w: Operation) => w.kind === "delete" && tombstoneGoneBefore(context, w, get.completeIndex!);
      const included = writesBefore(window).filter((w) => w.outcome === "ok" || shown.includes(w) || gone(w));
      const frontier = past.frontier(included);
      const missing = frontier.filter((w) => !shown.includes(w) && !gone(w));
      if (missing.length > 0) {
        const lost = readAnomaly("sibling-lost", get, missing, `after the barrier at event ${window.barrier.event} the frontier includes ${missing.map(describeOperation).join(" and ")}, which the get does not show.`);
        // A write a rejoin guard's rebuild dropped is the long absence's doing (docs/spec.md).
        anomalies.push(explainLostWriteByGcBreach(context, lost, missing));
      }
      const extra = shown.filter((w) => !frontier.includes(w));
      if (extra.length > 0) {
        const spurious = readAnomaly("sibling-spurious", get, extra, `after the barrier at event ${window.barrier.event} ${extra.map(describeOperation).join(" and ")} had been superseded by a later write.`);
        // A value brought back because a breach purged the tombstone that superseded it is
        // the breach's doing, as a resurrection is; it must hold for every extra value.
        const byPurge = (w: Operation) => explainByGcBreach(context, spurious, get, w, past.tombstoneHides);
        const explained = extra.every((w) => w.kind === "put" && byPurge(w) !== spurious);
        // So is one whose superseding writes a rejoin guard's rebuild dropped.
        const superseders = included.filter((w) => extra.some((e) => past.hasSeen(w, e)));
        anomalies.push(explained ? byPurge(extra[0]!) : explainLostWriteByGcBreach(context, spurious, superseders));
      }
    }
  }
  return anomalies;
}

/**
 * causalState names what a get saw, for agreement: its values, and its tombstones when they
 * count, as sets (the same siblings listed in another order are the same state).
 */
function causalState(result: GetResult | undefined, withTombstones: boolean): string {
  if (result === undefined) return "nothing";
  if (withTombstones && result.kind === "absent") return describeResult(result);
  const values = result.kind === "value" ? [result.value] : result.kind === "siblings" ? result.values : [];
  const tombstones = withTombstones && result.kind === "siblings" ? result.tombstones : [];
  return JSON.stringify([[...values].sort(), [...tombstones].sort()]);
}
