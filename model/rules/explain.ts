// Explanations: an anomaly that a breach of the GC contract or an injected clock skew
// accounts for is reported under that cause, apart from bugs (SPEC-NOTES, "Verdicts").
import { explainedAs, type Anomaly } from "../anomaly.ts";
import { breachesTouching, breachExplainsLostWrite, breachExplainsRead } from "../gc-contract.ts";
import { skewSpreadBefore, type HistoryContext } from "../history-context.ts";
import { describeOperation } from "../describe.ts";
import { lwwNewer } from "../lww-order.ts";
import type { Operation } from "../operations.ts";
import { hidesPut, type TombstoneHides } from "../purges.ts";

/**
 * explainByGcBreach re-labels a resurrection or stale read of `put`'s value as
 * `gc-grace-violation` when a breach purged a tombstone that hides the put, after the put
 * was invoked and before the get completed. Only `timeout` mode has breaches, so under
 * `keep` and `repair` nothing is explained.
 */
export function explainByGcBreach(context: HistoryContext, anomaly: Anomaly, get: Operation, put: Operation, hides: TombstoneHides = hidesPut): Anomaly {
  const breach = breachesTouching(context.breaches, get.key).find((b) => breachExplainsRead(b, get, put, hides));
  if (breach === undefined) return anomaly;
  return explainedAs(anomaly, "gc-grace-violation", breach.events, `Explained by a breach of the GC contract: ${breach.message}`);
}

/**
 * explainLostWriteByGcBreach re-labels a lost write as `gc-grace-violation` when every
 * lost write was invoked while a node was cut off longer than the grace period: what such
 * a node held alone may be gone when it rejoins. Only a read that completed after that
 * rejoin can have missed a write for that reason.
 */
export function explainLostWriteByGcBreach(context: HistoryContext, anomaly: Anomaly, lost: Operation[]): Anomaly {
  const readAt = anomaly.read ?? Infinity;
  const breaches = lost.map((write) => context.breaches.find((b) => breachExplainsLostWrite(b, write, readAt)));
  if (lost.length === 0 || breaches.some((b) => b === undefined)) return anomaly;
  const causeEvents = breaches.flatMap((b) => b!.events);
  return explainedAs(anomaly, "gc-grace-violation", causeEvents, `Explained by a breach of the GC contract: ${breaches[0]!.message}`);
}

/**
 * explainByClockSkew re-labels an inverted last-write-wins order as `clock-skew` only where
 * the history proves the inversion and the injected skew covers it: the winner's recorded
 * version is newer than every loser's although each loser began after the winner
 * completed, no loser is the winner's own process (one process's ops are never inverted:
 * the store carries its last timestamp forward), and each loser began no more ticks after
 * the winner completed than the widest spread between two nodes' clocks before the get
 * completed. A loser with no recorded version, or one that the winner does not beat, is
 * not an inversion: the anomaly stays a bug.
 */
export function explainByClockSkew(
  context: HistoryContext,
  anomaly: Anomaly,
  get: Operation,
  winner: Operation | undefined,
  losers: Operation[],
): Anomaly {
  if (context.header.config.versioning !== "lww") return anomaly;
  if (context.firstSkewEvent === undefined || winner === undefined || losers.length === 0) return anomaly;
  const spreadTicks = skewSpreadBefore(context, get.completeIndex ?? Infinity);
  const inverted = (loser: Operation) =>
    loser.process !== winner.process &&
    loser.callTime - winner.returnTime <= spreadTicks &&
    lwwNewer(winner.version, loser.version) === true;
  if (!losers.every(inverted)) return anomaly;
  return explainedAs(
    anomaly,
    "clock-skew",
    [context.firstSkewEvent],
    `Explained by clock skew: ${describeOperation(winner)} carries a newer timestamp than ${losers.map(describeOperation).join(" and ")}, ` +
      `and clocks up to ${spreadTicks} ticks apart (from event ${context.firstSkewEvent}) can invert writes of different processes that close.`,
  );
}
