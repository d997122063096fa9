// Convergence at barriers under last-write-wins (quorum and eventual levels): every get
// in a window agrees, and the agreed state is the final state of some real-time order of
// the writes before the barrier (ok writes included, info writes optional, failed ones out).
import type { Anomaly } from "../anomaly.ts";
import { describeOperation } from "../describe.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import type { GetResult } from "../vocabulary.ts";
import { convergenceWindows, divergence, initialMayRemain, mayBeLast, writesBefore, type ConvergenceWindow } from "./convergence-window.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "./explain.ts";
import { hidesPut, purgesOfKey } from "../purges.ts";
import { readAnomaly } from "./read-source.ts";

/** sameState says whether two gets saw the same state, for agreement: the same value, or absent whatever its reason. */
function sameState(a: GetResult | undefined, b: GetResult | undefined): boolean {
  return a?.kind === "value" ? b?.kind === "value" && a.value === b.value : b?.kind !== "value";
}

/** checkLwwConvergence checks every convergence window of one key. */
export function checkLwwConvergence(context: HistoryContext, history: KeyHistory): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const window of convergenceWindows(history, context.barriers)) {
    const first = window.gets[0]!;
    if (window.gets.some((get) => !sameState(get.result, first.result))) anomalies.push(divergence(history.key, window));
    for (const get of window.gets) {
      const anomaly = checkConvergedRead(context, history, window, get);
      if (anomaly !== undefined) anomalies.push(anomaly);
    }
  }
  return anomalies;
}

/**
 * checkConvergedRead checks that one get in a window read a state that may be final. A
 * value whose put is superseded, or an absent key whose every delete is superseded, means
 * an ok write that should have won is missing: a lost write. (A value hidden by a delete
 * that completed before the barrier is the resurrection rule's to report.)
 */
function checkConvergedRead(
  context: HistoryContext,
  history: KeyHistory,
  window: ConvergenceWindow,
  get: Operation,
): Anomaly | undefined {
  const result = get.result;
  let winner: Operation | undefined;
  if (result?.kind === "value") {
    winner = history.putByValue.get(result.value);
    if (winner === undefined || winner.outcome === "fail" || winner.invokeIndex > window.barrier.event) return undefined;
    if (mayBeLast(window, winner)) return undefined;
  } else {
    if (initialMayRemain(window)) return undefined;
    if (window.infoDelete || window.lastOkWrites.some((write) => write.kind === "delete")) return undefined;
    winner = writesBefore(window).filter((write) => write.kind === "delete").at(-1);
  }
  // Only an anomaly gets this far: the reads that agree with a last write returned above.
  const lost = [...window.lastOkWrites];
  const anomaly = readAnomaly(
    "lost-write",
    get,
    lost,
    `after the barrier at event ${window.barrier.event} the converged state must be the effect of a last write, ` +
      `but ${lost.map(describeOperation).join(" and ")} ${lost.length === 1 ? "is" : "are"} missing.`,
  );
  // A value back because a breach purged the tombstone that hid it: when only deletes are
  // missing, or puts a purged tombstone also hid (its delete superseded them, and it is gone
  // too), the finding is the resurrection's, and the same breach explains it. (A purge
  // never makes a value win over a later put that nothing hid.)
  const purgedAway = (write: Operation) =>
    write.kind === "delete" || purgesOfKey(context.purges, write.key).some((purge) => purge.event < get.completeIndex! && hidesPut(purge, write));
  const byPurge = winner?.kind === "put" && lost.every(purgedAway) ? explainByGcBreach(context, anomaly, get, winner) : anomaly;
  if (byPurge !== anomaly) return byPurge;
  const explained = explainLostWriteByGcBreach(context, anomaly, lost);
  if (explained !== anomaly) return explained;
  // An absent key does not say whose tombstone won: any delete that a skewed clock can have
  // stamped above every missing write may be the one (not only the last invoked).
  const winners = result?.kind === "value" ? [winner] : writesBefore(window).filter((write) => write.kind === "delete");
  for (const candidate of winners) {
    const bySkew = explainByClockSkew(context, anomaly, get, candidate, lost);
    if (bySkew !== anomaly) return bySkew;
  }
  return anomaly;
}
