// Resurrection, the bug this project exists for: after a delete has taken effect (it
// completed ok and a barrier followed), a get returns a value the delete hid. Under
// last-write-wins a delete hides every put that completed before it was invoked; under
// vector clocks it hides exactly the puts in its causal context's past.
import { eventList, type Anomaly } from "../anomaly.ts";
import { describeOperation } from "../describe.ts";
import { lastBarrierBefore, type HistoryContext } from "../history-context.ts";
import { okDeleteAfter, type KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { hidesPut, type TombstoneHides } from "../purges.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "./explain.ts";
import { readAnomaly } from "./read-source.ts";

/** HidingDelete finds an ok delete that completed before position `before` and hides `put`. */
export type HidingDelete = (history: KeyHistory, put: Operation, before: number) => Operation | undefined;

/** hiddenInRealTime is the last-write-wins reading: a delete hides a put that completed before it began. */
export const hiddenInRealTime: HidingDelete = (history, put, before) => okDeleteAfter(history, put, before);

/**
 * checkResurrection reports `get` returning the value of `put` as a resurrection when an
 * ok delete hiding the put completed before the last barrier that precedes the get.
 * A GC-contract breach, or (last-write-wins) clock skew between processes, explains it.
 */
export function checkResurrection(
  context: HistoryContext,
  history: KeyHistory,
  get: Operation,
  put: Operation,
  hidingDelete: HidingDelete,
  tombstoneHides: TombstoneHides = hidesPut,
): Anomaly | undefined {
  const barrier = lastBarrierBefore(context.barriers, get.invokeIndex);
  if (barrier === undefined) return undefined;
  const deleteOp = hidingDelete(history, put, barrier.event);
  if (deleteOp === undefined) return undefined;
  const anomaly = readAnomaly(
    "resurrection",
    get,
    [put, deleteOp],
    `${describeOperation(deleteOp)} had taken effect (barrier at event ${barrier.event}) and hides ` +
      `${describeOperation(put)}.`,
  );
  anomaly.events = eventList(anomaly.events, [barrier.event]);
  const byPurge = explainByGcBreach(context, anomaly, get, put, tombstoneHides);
  if (byPurge !== anomaly) return byPurge;
  // A rejoin guard's rebuild may drop the delete itself, as it drops any write.
  const byRebuild = explainLostWriteByGcBreach(context, anomaly, [deleteOp]);
  return byRebuild !== anomaly ? byRebuild : explainByClockSkew(context, anomaly, get, put, [deleteOp]);
}
