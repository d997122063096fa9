// Rules every level shares: a get may only return what some put or delete that did not
// fail wrote (no phantom), and only if that op was invoked before the get completed
// (no future read). Both are checked against the op that wrote the value or tombstone.
import { eventList, type Anomaly } from "../anomaly.ts";
import { describeOperation, describeResult } from "../describe.ts";
import type { KeyHistory } from "../key-history.ts";
import { operationEvents, type Operation } from "../operations.ts";

/** readAnomaly builds an anomaly about one get. */
export function readAnomaly(kind: Anomaly["kind"], get: Operation, others: Operation[], message: string): Anomaly {
  const anomaly: Anomaly = {
    kind,
    key: get.key,
    events: eventList(operationEvents(get), others.flatMap(operationEvents)),
    message: `${describeOperation(get)} returned ${describeResult(get.result)}: ${message}`,
  };
  if (get.completeIndex !== undefined) anomaly.read = get.completeIndex;
  return anomaly;
}

/**
 * checkWriteSource checks that the write a get names (`writer`, found by its unique value
 * or tombstone id) can be seen by it; `name` names it in the message, or is a function
 * that does, called only for a finding (most reads have none, and naming each of a long
 * history's hundreds of thousands of reads takes time).
 */
export function checkWriteSource(get: Operation, writer: Operation | undefined, name: string | (() => string)): Anomaly | undefined {
  if (writer !== undefined && writer.outcome !== "fail" && writer.callAt <= get.returnAt) return undefined;
  const what = typeof name === "string" ? name : name();
  if (writer === undefined) return readAnomaly("phantom-read", get, [], `no operation wrote ${what}.`);
  if (writer.outcome === "fail") {
    return readAnomaly("phantom-read", get, [writer], `${what} was written only by ${describeOperation(writer)}, which failed.`);
  }
  if (writer.callAt > get.returnAt) {
    return readAnomaly("future-read", get, [writer], `${what} was written by ${describeOperation(writer)}, invoked after the get completed.`);
  }
  return undefined;
}

/**
 * checkDeletedAbsent: a get that reports the key deleted needs some delete that did not
 * fail and was invoked before it completed; otherwise the tombstone is a phantom. A get
 * that reports "never written" is not held to the opposite: once GC purges a tombstone a
 * replica cannot tell the two apart, so a deleted key may read as never written.
 */
export function checkDeletedAbsent(history: KeyHistory, get: Operation): Anomaly | undefined {
  if (get.result?.kind !== "absent" || get.result.reason !== "deleted") return undefined;
  if (history.deletes.length > 0 && history.deletes[0]!.callAt <= get.returnAt) return undefined;
  return readAnomaly("phantom-read", get, [], "no delete of the key was invoked before it completed.");
}
