// The tombstone-GC contract of `timeout` mode (Cassandra's gc_grace_seconds) and how a
// history breaches it. Under `keep`, `repair` and `immediate` there is no grace period to
// breach, so no breach is ever found and no resurrection is ever explained.
import { eventList } from "./anomaly.ts";
import { unreachableIntervals, type UnreachableInterval } from "./reachability.ts";
import type { HistoryEvent, HistoryHeader, Key, NodeId, Ticks } from "./vocabulary.ts";

/** PurgedTombstone is one gc-purge event. */
export interface PurgedTombstone {
  key: Key;
  node: NodeId;
  time: Ticks;
  /** deletedAt: when the purged tombstone's delete happened. */
  deletedAt: Ticks;
  event: number;
}

/**
 * GcBreach is one breach of the contract:
 * - `unreachable-too-long`: a node was cut off for longer than the grace period and
 *   rejoined with no rejoin guard to keep it from serving before a repair;
 * - `repair-overdue`: a tombstone was purged with no complete full repair between its
 *   delete and its purge (Cassandra's rule, repair every range within gc_grace, implies
 *   one: the purge comes at least a grace period after the delete);
 * - `stale-hint`: a hint older than the grace period was delivered after a tombstone of
 *   its key, written after the hint, had been purged.
 * `purged` lists the tombstones purged meanwhile: the keys the breach may resurrect.
 */
export interface GcBreach {
  kind: "unreachable-too-long" | "repair-overdue" | "stale-hint";
  node: NodeId;
  from: Ticks;
  to: Ticks;
  /** rebuilt: for a long absence, whether the rejoin guard rebuilt the node from its peers after it. */
  rebuilt?: boolean;
  /**
   * exposedFrom / exposedFromEvent: for a long absence, the last complete repair before it
   * (or the start of the history): writes since then may have been held by the node alone,
   * and a rebuild may drop them.
   */
  exposedFrom?: Ticks;
  exposedFromEvent?: number;
  /** exposedTo: when the node stopped taking writes: the rejoin, or the crash if it was down throughout. */
  exposedTo?: Ticks;
  /** fromEvent / toEvent: where the breach begins and ends (for a long absence: the rejoin). */
  fromEvent: number;
  toEvent: number;
  events: number[];
  purged: PurgedTombstone[];
  message: string;
}

/** findGcBreaches finds every breach of the GC contract in a history. */
export function findGcBreaches(header: HistoryHeader, events: readonly HistoryEvent[]): GcBreach[] {
  const { mode, graceTicks } = header.config.gc;
  if (mode !== "timeout" || graceTicks === undefined) return [];
  const purges = purgedTombstones(events);
  return [
    ...unreachableBreaches(header, events, graceTicks, purges),
    ...repairOverdueBreaches(events, graceTicks, purges),
    ...staleHintBreaches(events, graceTicks, purges),
  ];
}

function purgedTombstones(events: readonly HistoryEvent[]): PurgedTombstone[] {
  const purges: PurgedTombstone[] = [];
  events.forEach((event, index) => {
    if (event.kind === "gc-purge") purges.push({ key: event.key, node: event.node, time: event.time, deletedAt: event.deletedAt, event: index });
  });
  return purges;
}

function unreachableBreaches(
  header: HistoryHeader,
  events: readonly HistoryEvent[],
  graceTicks: Ticks,
  purges: PurgedTombstone[],
): GcBreach[] {
  // A rejoin guard keeps a long-absent node from serving until it is rebuilt from its
  // peers, so the node cannot resurrect what was purged meanwhile (a resurrection despite
  // it is the store's bug: `purged` stays empty). The breach stands all the same: the
  // rebuild drops writes only that node held, which explains a lost write.
  const breaches: GcBreach[] = [];
  const intervals = unreachableIntervals(header.config.nodes, events);
  for (const interval of intervals) {
    if (interval.to === undefined || interval.toEvent === undefined) continue;
    const { node, from, to } = interval;
    if (to - from <= graceTicks) continue;
    const guarded = header.config.rejoinGuard && rebuiltAfter(events, intervals, interval);
    const exposed = lastCompleteRepairBefore(events, interval.fromEvent);
    const purgedMeanwhile = purges.filter((p) => p.node !== node && p.time >= from && p.time <= to);
    const purged = guarded ? [] : purgedMeanwhile;
    breaches.push({
      kind: "unreachable-too-long",
      node,
      from,
      to,
      rebuilt: guarded,
      exposedFrom: exposed.time,
      exposedFromEvent: exposed.event,
      exposedTo: interval.downThroughout ? from : to,
      fromEvent: interval.fromEvent,
      toEvent: interval.toEvent,
      events: eventList([interval.fromEvent, interval.toEvent], purgedMeanwhile.map((p) => p.event)),
      purged,
      message:
        `${node} was unreachable from ${from} to ${to} (${to - from} ticks, grace ${graceTicks}) and ` +
        (guarded ? "was rebuilt by the rejoin guard, dropping writes only it held" : "rejoined unrepaired") +
        `; tombstones purged meanwhile: ${describeKeys(purgedMeanwhile)}.`,
    });
  }
  return breaches;
}

/** lastCompleteRepairBefore finds the last complete full repair before event `index` (else the start). */
function lastCompleteRepairBefore(events: readonly HistoryEvent[], index: number): { time: Ticks; event: number } {
  for (let i = index - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.kind === "anti-entropy-round" && event.full && event.complete) return { time: event.startedAt, event: i };
  }
  return { time: 0, event: 0 };
}

/**
 * rebuiltAfter says whether the guard rebuilt the node after this rejoin: a node-repaired
 * event for it before it was next cut off. A guarded node never rebuilt (its whole replica
 * set was out, so the operator forced it back) was not protected by the guard.
 */
function rebuiltAfter(events: readonly HistoryEvent[], intervals: UnreachableInterval[], interval: UnreachableInterval): boolean {
  const next = intervals.find((other) => other.node === interval.node && other.fromEvent > interval.fromEvent);
  const end = next?.fromEvent ?? events.length;
  for (let index = interval.toEvent! + 1; index < end; index++) {
    const event = events[index]!;
    if (event.kind === "node-repaired" && event.node === interval.node) return true;
  }
  return false;
}

function repairOverdueBreaches(events: readonly HistoryEvent[], graceTicks: Ticks, purges: PurgedTombstone[]): GcBreach[] {
  const repairs: Array<{ startedAt: Ticks; time: Ticks }> = [];
  for (const event of events) {
    if (event.kind === "anti-entropy-round" && event.full && event.complete) repairs.push(event);
  }
  // One breach per tombstone (key and delete time), listing every node that purged it.
  const overdue = new Map<string, PurgedTombstone[]>();
  for (const purge of purges) {
    // A purge before the grace period ran out is the store's own fault, not the operator's:
    // it breaches nothing, and the resurrection it causes stays a bug.
    if (purge.time - purge.deletedAt < graceTicks) continue;
    if (repairs.some((r) => r.startedAt >= purge.deletedAt && r.time <= purge.time)) continue;
    const id = JSON.stringify([purge.key, purge.deletedAt]);
    overdue.set(id, [...(overdue.get(id) ?? []), purge]);
  }
  return [...overdue.values()].map((purged) => {
    const first = purged[0]!;
    const last = purged[purged.length - 1]!;
    return {
      kind: "repair-overdue" as const,
      node: first.node,
      from: first.deletedAt,
      to: last.time,
      fromEvent: first.event,
      toEvent: last.event,
      events: purged.map((p) => p.event),
      purged,
      message:
        `the tombstone of ${JSON.stringify(first.key)} deleted at ${first.deletedAt} was purged from ` +
        `${[...new Set(purged.map((p) => p.node))].join(", ")} by ${last.time} with no complete repair in between, ` +
        `so a replica that missed the delete may still hold the value.`,
    };
  });
}

function staleHintBreaches(events: readonly HistoryEvent[], graceTicks: Ticks, purges: PurgedTombstone[]): GcBreach[] {
  const breaches: GcBreach[] = [];
  events.forEach((event, index) => {
    if (event.kind !== "hint-delivered" || event.tombstone) return;
    if (event.time - event.storedAt <= graceTicks) return;
    const purged = purges.filter((p) => p.key === event.key && p.time <= event.time && p.deletedAt >= event.storedAt);
    if (purged.length === 0) return;
    breaches.push({
      kind: "stale-hint",
      node: event.target,
      from: event.storedAt,
      to: event.time,
      fromEvent: index,
      toEvent: index,
      events: eventList([index], purged.map((p) => p.event)),
      purged,
      message:
        `a hint for ${JSON.stringify(event.key)} stored at ${event.storedAt} was delivered to ${event.target} at ` +
        `${event.time}, older than the grace period (${graceTicks}), after the key's tombstone was purged.`,
    });
  });
  return breaches;
}

function describeKeys(purged: PurgedTombstone[]): string {
  if (purged.length === 0) return "none";
  const keys = [...new Set(purged.map((p) => JSON.stringify(p.key)))];
  return keys.length > 5 ? `${keys.slice(0, 5).join(", ")} and ${keys.length - 5} more` : keys.join(", ");
}

/**
 * breachExplainsLostWrite says whether a breach can explain losing `write`: a node cut off
 * longer than the grace period, and rebuilt by the rejoin guard, may have held it alone if
 * it came after the last complete repair before the absence. (A node that rejoins with its
 * data loses nothing that way.)
 */
export function breachExplainsLostWrite(breach: GcBreach, write: { callTime: Ticks }): boolean {
  if (breach.kind !== "unreachable-too-long" || breach.rebuilt !== true) return false;
  return (breach.exposedFrom ?? breach.from) <= write.callTime && write.callTime <= (breach.exposedTo ?? breach.to);
}

/** breachExplains says whether a breach can explain a resurrection of `key` seen at `time`. */
export function breachExplains(breach: GcBreach, key: Key, time: Ticks): boolean {
  // A missing repair is felt from the first purge of the key on; a long absence or a stale
  // hint from the rejoin or the delivery on.
  if (breach.kind === "repair-overdue") return breach.purged.some((p) => p.key === key && p.time <= time);
  return breach.to <= time && breach.purged.some((p) => p.key === key);
}
