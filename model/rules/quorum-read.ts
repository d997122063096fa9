// The quorum level ("no stale reads"): an ok get returns the effect of an ok or info
// write, or the initial absent state, that was invoked before the get completed and is
// not superseded by an ok write that began after it completed and completed before the
// get began. Concurrent gets may see new and old in either order.
import type { Anomaly } from "../anomaly.ts";
import { describeOperation } from "../describe.ts";
import type { HistoryContext } from "../history-context.ts";
import { isSuperseded, someDeleteNotSuperseded, supersedersOf, type KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "./explain.ts";
import { readAnomaly } from "./read-source.ts";

/** checkFreshValue checks that the put whose value a get returned was not superseded. */
export function checkFreshValue(context: HistoryContext, history: KeyHistory, get: Operation, put: Operation): Anomaly | undefined {
  if (!isSuperseded(history, put, get.callAt)) return undefined;
  return staleRead(context, history, get, put, `${describeOperation(put)} wrote it`);
}

/** checkFreshAbsent checks that some delete, or the initial state, can explain an absent result. */
export function checkFreshAbsent(context: HistoryContext, history: KeyHistory, get: Operation): Anomaly | undefined {
  if (!isSuperseded(history, undefined, get.callAt)) return undefined;
  if (someDeleteNotSuperseded(history, get.returnAt, get.callAt)) return undefined;
  const visible = history.deletes.filter((d) => d.callAt <= get.returnAt);
  if (visible.length === 0) {
    const superseders = supersedersOf(history, undefined, get.callAt);
    const anomaly = readAnomaly("stale-read", get, superseders.slice(-1), `the key was written before the get began and never deleted before it completed.`);
    return explainLostWriteByGcBreach(context, anomaly, superseders);
  }
  // An absent key does not say whose tombstone it read: the latest delete names the finding,
  // but any delete a cause accounts for (a skewed clock, say) explains it.
  const latest = visible[visible.length - 1]!;
  const finding = staleRead(context, history, get, latest, `the latest delete, ${describeOperation(latest)}, made it absent`);
  if (finding.kind !== "stale-read") return finding;
  for (const other of visible.slice(0, -1).reverse()) {
    if (other.outcome === "fail") continue;
    const explained = staleRead(context, history, get, other, `${describeOperation(other)} made it absent`);
    if (explained.kind !== "stale-read") return explained;
  }
  return finding;
}

function staleRead(context: HistoryContext, history: KeyHistory, get: Operation, read: Operation, cause: string): Anomaly {
  const superseders = supersedersOf(history, read, get.callAt);
  const anomaly = readAnomaly(
    "stale-read",
    get,
    [read, ...superseders.slice(-1)],
    `${cause}, but ${describeOperation(superseders[superseders.length - 1]!)} superseded it before the get began.`,
  );
  // A purged tombstone can only bring a value back, never hide one; writes a rejoin
  // guard's rebuild dropped can make any read look stale.
  const byPurge = read.kind === "put" ? explainByGcBreach(context, anomaly, get, read) : anomaly;
  if (byPurge !== anomaly) return byPurge;
  const byRebuild = explainLostWriteByGcBreach(context, anomaly, superseders);
  return byRebuild !== anomaly ? byRebuild : explainByClockSkew(context, anomaly, get, read, superseders);
}
