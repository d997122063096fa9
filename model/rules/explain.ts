// Explanations: an anomaly that a breach of the GC contract or an injected clock skew
// accounts for is reported under that cause, apart from bugs (SPEC-NOTES, "Verdicts").
import { explainedAs, type Anomaly } from "../anomaly.ts";
import { breachExplains, breachExplainsLostWrite } from "../gc-contract.ts";
import { skewSpreadBefore, type HistoryContext } from "../history-context.ts";
import type { Operation } from "../operations.ts";

/**
 * explainByGcBreach re-labels a resurrection or stale read of a value as
 * `gc-grace-violation` when a breach that purged the key's tombstones came before the get
 * completed. Only `timeout` mode has breaches, so under `keep` and `repair` nothing is explained.
 */
export function explainByGcBreach(context: HistoryContext, anomaly: Anomaly, get: Operation): Anomaly {
  const breach = context.breaches.find((b) => breachExplains(b, get.key, get.returnTime));
  if (breach === undefined) return anomaly;
  return explainedAs(anomaly, "gc-grace-violation", breach.events, `Explained by a breach of the GC contract: ${breach.message}`);
}

/**
 * explainLostWriteByGcBreach re-labels a lost write as `gc-grace-violation` when every
 * lost write was invoked while a node was cut off longer than the grace period: what such
 * a node held alone may be gone when it rejoins.
 */
export function explainLostWriteByGcBreach(context: HistoryContext, anomaly: Anomaly, lost: Operation[]): Anomaly {
  const breaches = lost.map((write) => context.breaches.find((b) => breachExplainsLostWrite(b, write)));
  if (lost.length === 0 || breaches.some((b) => b === undefined)) return anomaly;
  const causeEvents = breaches.flatMap((b) => b!.events);
  return explainedAs(anomaly, "gc-grace-violation", causeEvents, `Explained by a breach of the GC contract: ${breaches[0]!.message}`);
}

/**
 * explainByClockSkew re-labels an inverted last-write-wins order as `clock-skew` when
 * the clocks injected before the get completed were far enough apart to invert it: every
 * losing write began no more ticks after the winner completed than the widest spread
 * between two nodes' clocks. The losers must all be by other processes than the winner's:
 * one process's own ops are never inverted (the store carries its last timestamp
 * forward), so an inversion within a process stays a bug.
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
  if (losers.some((op) => op.process === winner.process || op.callTime - winner.returnTime > spreadTicks)) return anomaly;
  return explainedAs(
    anomaly,
    "clock-skew",
    [context.firstSkewEvent],
    `Explained by clock skew: clocks up to ${spreadTicks} ticks apart (from event ${context.firstSkewEvent}) can invert writes of different processes that close under last-write-wins.`,
  );
}
