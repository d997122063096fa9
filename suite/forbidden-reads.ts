// What the spec forbids outright, checked the moment a get returns, so that a run stops at
// the first bad read and shrinking works on short command lists: a phantom read (a value
// nobody wrote), a resurrection no breach of the GC contract explains, and under `keep`
// GC a lost write. The judgement is model/'s own (judgeKey), applied to the history so far.
import { isExplained, type Anomaly, type AnomalyKind } from "../model/anomaly.ts";
import { prepareHistory } from "../model/history-context.ts";
import { judgeKey } from "../model/spec.ts";
import type { History } from "../model/vocabulary.ts";

const alwaysForbidden: ReadonlySet<AnomalyKind> = new Set(["phantom-read", "resurrection"]);

/**
 * forbiddenRead returns the anomaly the spec finds on the get completed at event `read`,
 * when it is one the spec forbids outright; otherwise undefined. Anomalies that need the
 * rest of the history (convergence, linearizability) wait for the end of the run.
 */
export function forbiddenRead(history: History, read: number): Anomaly | undefined {
  const complete = history.events[read];
  if (complete?.kind !== "complete" || complete.op !== "get") return undefined;
  const context = prepareHistory(history);
  const keyHistory = context.keys.get(complete.key);
  if (keyHistory === undefined) return undefined;
  const keepGc = history.header.config.gc.mode === "keep";
  return judgeKey(context, keyHistory).find(
    (anomaly) => anomaly.read === read && !isExplained(anomaly) && (alwaysForbidden.has(anomaly.kind) || (keepGc && anomaly.kind === "lost-write")),
  );
}
