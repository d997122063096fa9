// The causal level at barriers: every get in a convergence window returns exactly the
// frontier of the writes before the barrier, the writes no other write had seen (ok
// writes included, info writes only when the get shows them, failed writes excluded).
import type { Anomaly } from "../anomaly.ts";
import type { CausalPast } from "../causal-past.ts";
import { describeOperation, describeResult } from "../describe.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import { resolveSiblings } from "./causal-read.ts";
import { convergenceWindows, divergence } from "./convergence-window.ts";
import { explainLostWriteByGcBreach } from "./explain.ts";
import { readAnomaly } from "./read-source.ts";

/** checkCausalConvergence checks every convergence window of one key. */
export function checkCausalConvergence(context: HistoryContext, history: KeyHistory, past: CausalPast): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const purge = context.firstPurge.get(history.key) ?? Infinity;
  for (const window of convergenceWindows(history, context.barriers)) {
    const seen = new Set(window.gets.map((get) => describeResult(get.result)));
    if (seen.size > 1) anomalies.push(divergence(history.key, window));
    for (const get of window.gets) {
      const shown = resolveSiblings(history, get).writes;
      const included = window.writes.filter((w) => w.outcome === "ok" || shown.includes(w));
      const frontier = past.frontier(included);
      // Once GC has begun purging the key's tombstones, a frontier tombstone may be gone.
      const missing = frontier.filter((w) => !shown.includes(w) && !(w.kind === "delete" && purge < get.invokeIndex));
      if (missing.length > 0) {
        const lost = readAnomaly("sibling-lost", get, missing, `after the barrier at event ${window.barrier.event} the frontier includes ${missing.map(describeOperation).join(" and ")}, which the get does not show.`);
        // A write a rejoin guard's rebuild dropped is the long absence's doing (docs/spec.md).
        anomalies.push(explainLostWriteByGcBreach(context, lost, missing));
      }
      const extra = shown.filter((w) => !frontier.includes(w));
      if (extra.length > 0) {
        anomalies.push(readAnomaly("sibling-spurious", get, extra, `after the barrier at event ${window.barrier.event} ${extra.map(describeOperation).join(" and ")} had been superseded by a later write.`));
      }
    }
  }
  return anomalies;
}
