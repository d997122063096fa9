// The causal level, read by read: a get returns siblings (values and tombstones). Each
// must have been written; none may be one another sibling had seen (a superseded value
// shown beside what superseded it is spurious; one a delete had seen is resurrected);
// and with strict quorums no write completed before the get began may go missing unless
// a sibling had seen it.
import type { Anomaly } from "../anomaly.ts";
import type { CausalPast } from "../causal-past.ts";
import { describeOperation } from "../describe.ts";
import { tombstoneGoneBefore, type HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { explainLostWriteByGcBreach } from "./explain.ts";
import { checkWriteSource, readAnomaly } from "./read-source.ts";
import { checkResurrection } from "./resurrection.ts";

/** Siblings is a causal read resolved to the writes it names. */
export interface Siblings {
  writes: Operation[];
  anomalies: Anomaly[];
}

/** resolveSiblings finds the write behind each sibling and checks it could be read. */
export function resolveSiblings(history: KeyHistory, get: Operation): Siblings {
  const result = get.result;
  const named: Array<[Operation | undefined, () => string]> = [];
  if (result?.kind === "siblings") {
    for (const value of result.values) named.push([history.putByValue.get(value), () => JSON.stringify(value)]);
    for (const id of result.tombstones) named.push([history.deleteByTombstone.get(id), () => `tombstone ${id}`]);
  } else if (result?.kind === "value") {
    named.push([history.putByValue.get(result.value), () => JSON.stringify(result.value)]);
  }
  const writes: Operation[] = [];
  const anomalies: Anomaly[] = [];
  for (const [writer, what] of named) {
    const anomaly = checkWriteSource(get, writer, what);
    if (anomaly !== undefined) anomalies.push(anomaly);
    else writes.push(writer!);
  }
  return { writes, anomalies };
}

/** checkCausalRead applies the causal read rules to one ok get. */
export function checkCausalRead(context: HistoryContext, history: KeyHistory, past: CausalPast, get: Operation): Anomaly[] {
  const { writes, anomalies } = resolveSiblings(history, get);
  for (const write of writes) {
    if (write.kind === "put") {
      // A delete hides exactly the puts its context had seen.
      const hidingDelete = (h: KeyHistory, put: Operation, before: number) =>
        h.okDeletesByReturn.find((d) => d.returnAt < before && past.hasSeen(d, put));
      const resurrection = checkResurrection(context, history, get, write, hidingDelete, past.tombstoneHides);
      if (resurrection !== undefined) {
        anomalies.push(resurrection);
        continue;
      }
    }
    const seenBy = writes.find((other) => other !== write && past.hasSeen(other, write));
    if (seenBy !== undefined) {
      anomalies.push(
        readAnomaly("sibling-spurious", get, [write, seenBy], `${describeOperation(write)} is shown beside ${describeOperation(seenBy)}, which had seen and superseded it.`),
      );
    }
  }
  if (hasStrictQuorums(context)) anomalies.push(...missedWrites(context, history, past, get, writes));
  return anomalies;
}

function hasStrictQuorums(context: HistoryContext): boolean {
  const { readQuorum, writeQuorum, replicationFactor, sloppyQuorum } = context.header.config;
  return !sloppyQuorum && readQuorum + writeQuorum > replicationFactor;
}

/**
 * missedWrites: ok writes that completed before the get began and that neither appear
 * nor were seen by a sibling. A tombstone of a key whose tombstones GC has begun to purge
 * may be gone legitimately, so a missing delete is excused once a purge of the key came first.
 */
function missedWrites(context: HistoryContext, history: KeyHistory, past: CausalPast, get: Operation, shown: Operation[]): Anomaly[] {
  // A delete whose tombstone GC purged before the get completed may be gone, and so may
  // what it superseded (an info delete too: it may have taken effect before its purge).
  const gone = (d: Operation) => d.kind === "delete" && tombstoneGoneBefore(context, d, get.completeIndex ?? Infinity);
  const hiddenByGoneDelete = (write: Operation) => history.deletes.some((d) => gone(d) && past.hasSeen(d, write));
  const candidates = history.okWritesByReturn.filter(
    (write) =>
      write.returnAt < get.callAt &&
      !shown.includes(write) &&
      !shown.some((sibling) => past.hasSeen(sibling, write)) &&
      !gone(write) &&
      !hiddenByGoneDelete(write),
  );
  // Name only the latest of what went missing: a missing write another missing write had
  // seen is superseded by it.
  const missing = past.frontier(candidates);
  if (missing.length === 0) return [];
  const lost = readAnomaly("sibling-lost", get, missing, `${missing.map(describeOperation).join(" and ")} completed before the get began and no sibling had seen it.`);
  return [explainLostWriteByGcBreach(context, lost, missing)];
}
