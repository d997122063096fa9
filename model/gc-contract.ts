// The tombstone-GC contract of `timeout` mode (Cassandra's gc_grace_seconds) and how a
// history breaches it. Under `keep`, `repair` and `immediate` there is no grace period to
// breach, so no breach is ever found and no resurrection is ever explained. A purge the
// store made before its own mode allowed (model/purges.ts, `isEarlyPurge`) is the store's
// bug, never a breach of the operator's.
import { eventList } from "./anomaly.ts";
import { firstLoggedAfter, type ClusterLog, type LoggedEvent } from "./cluster-log.ts";
import { firstAfter } from "./event-order.ts";
import { appendTo } from "./grouped-lists.ts";
import type { Operation } from "./operations.ts";
import { hidesPut, isEarlyPurge, purgesOfKey, repairedBefore, tombstoneName, type PurgedTombstone, type RepairRound, type TombstoneHides } from "./purges.ts";
import { unreachableIntervals, type UnreachableInterval } from "./reachability.ts";
import type { HistoryHeader, Key, NodeId, ReplicaWrite, Ticks, Value, Version } from "./vocabulary.ts";

/** BreachFacts is what every breach has: where, when, which events show it, what was purged. */
interface BreachFacts {
  node: NodeId;
  from: Ticks;
  to: Ticks;
  /** fromEvent / toEvent: where the breach begins and where it takes effect. */
  fromEvent: number;
  toEvent: number;
  events: number[];
  /** purged: the tombstones purged under the breach: what it may resurrect. */
  purged: PurgedTombstone[];
  message: string;
}

/**
 * UnreachableTooLong: a node was cut off for longer than the grace period. Without a rejoin
 * guard it rejoins unrepaired and may push back what was purged meanwhile. With one
 * (`rebuilt`), it is rebuilt from its peers first and resurrects nothing, but the rebuild
 * drops the writes only it held: those not yet complete when the last complete repair
 * before the absence ran (`exposedFromEvent`) and invoked before the node stopped taking
 * writes (`exposedToEvent`: the rejoin, or the crash if it was down throughout).
 */
export interface UnreachableTooLong extends BreachFacts {
  kind: "unreachable-too-long";
  rebuilt: boolean;
  /**
   * expiredHints: the hints the node held or was meant to receive that expired after it went
   * out, already older than the grace period when it came back (events); a store drops such
   * a hint rather than deliver it after GC, so a write whose copy waited in it is the
   * breach's loss too.
   */
  expiredHints: Array<{ event: number; write: ReplicaWrite }>;
  exposedFrom: Ticks;
  exposedFromEvent: number;
  exposedTo: Ticks;
  exposedToEvent: number;
}

/**
 * RepairOverdue: a tombstone was purged with no repair of its range certainly between its
 * delete and its purge (Cassandra's rule: repair every range within gc_grace).
 */
export interface RepairOverdue extends BreachFacts {
  kind: "repair-overdue";
  key: Key;
}

/** StaleHint: a hint older than the grace period delivered `value` after a later tombstone of its key was purged. */
export interface StaleHint extends BreachFacts {
  kind: "stale-hint";
  key: Key;
  value?: Value;
}

/** GcBreach is one breach of the contract. */
export type GcBreach = UnreachableTooLong | RepairOverdue | StaleHint;

/** findGcBreaches finds every breach of the GC contract in a history, given its purges and repairs. */
export function findGcBreaches(
  header: HistoryHeader,
  log: ClusterLog,
  purges: readonly PurgedTombstone[],
  rounds: readonly RepairRound[],
): GcBreach[] {
  const { mode, graceTicks } = header.config.gc;
  if (mode !== "timeout" || graceTicks === undefined) return [];
  const onTime = purges.filter((purge) => !isEarlyPurge(header.config.gc, purge, rounds));
  return [
    ...unreachableBreaches(header, log, graceTicks, onTime, rounds),
    ...repairOverdueBreaches(onTime, rounds),
    ...staleHintBreaches(log, graceTicks, onTime),
  ];
}

function unreachableBreaches(
  header: HistoryHeader,
  log: ClusterLog,
  graceTicks: Ticks,
  purges: readonly PurgedTombstone[],
  rounds: readonly RepairRound[],
): UnreachableTooLong[] {
  // A rejoin guard keeps a long-absent node from serving until it is rebuilt from its
  // peers, so the node cannot resurrect what was purged meanwhile (a resurrection despite
  // it is the store's bug: `purged` stays empty). The breach stands all the same: the
  // rebuild drops writes only that node held, which explains a lost write.
  const breaches: UnreachableTooLong[] = [];
  const intervals = unreachableIntervals(header.config.nodes, log);
  const expiries = log.entries.filter((logged) => logged.event.kind === "hint-expired");
  const rebuilds = log.entries.filter((logged) => logged.event.kind === "node-repaired");
  const completeRounds = rounds.filter((round) => round.complete);
  for (const interval of intervals) {
    if (interval.to === undefined || interval.toEvent === undefined) continue;
    const { node, from, to } = interval;
    if (to - from <= graceTicks) continue;
    const rebuilt = header.config.rejoinGuard && rebuiltAfter(rebuilds, intervals, interval);
    const exposed = lastCompleteRepairBefore(completeRounds, interval.fromEvent);
    const purgedMeanwhile = purges.slice(firstAfter(purges, interval.fromEvent), firstAfter(purges, interval.toEvent - 1)).filter((p) => p.node !== node);
    const expiredHints = hintsExpiredFor(expiries, node, interval.fromEvent, to - graceTicks);
    breaches.push({
      kind: "unreachable-too-long",
      node,
      from,
      to,
      rebuilt,
      expiredHints,
      exposedFrom: exposed.time,
      exposedFromEvent: exposed.event,
      exposedTo: interval.downThroughout ? from : to,
      exposedToEvent: interval.downThroughout ? interval.fromEvent : interval.toEvent,
      fromEvent: interval.fromEvent,
      toEvent: interval.toEvent,
      events: eventList([interval.fromEvent, interval.toEvent], purgedMeanwhile.map((p) => p.event), expiredHints.map((hint) => hint.event)),
      purged: rebuilt ? [] : purgedMeanwhile,
      message:
        `${node} was unreachable from ${from} to ${to} (${to - from} ticks, grace ${graceTicks}) and ` +
        (rebuilt ? "was rebuilt by the rejoin guard, dropping writes only it held" : "rejoined unrepaired") +
        (expiredHints.length > 0 ? `; ${expiredHints.length} hint(s) it held or was meant to receive expired meanwhile` : "") +
        `; tombstones purged meanwhile: ${describeKeys(purgedMeanwhile)}.`,
    });
  }
  return breaches;
}

/**
 * hintsExpiredFor lists the hints held by `node` or meant for it that expired after event
 * `from` and were already older than the grace period when the node came back (stored
 * before `staleBefore`): the absence doomed them, whenever the store noticed. `expiries`
 * are the history's hint-expired events.
 */
function hintsExpiredFor(expiries: readonly LoggedEvent[], node: NodeId, from: number, staleBefore: Ticks): UnreachableTooLong["expiredHints"] {
  const expired: UnreachableTooLong["expiredHints"] = [];
  for (let position = firstLoggedAfter(expiries, from); position < expiries.length; position++) {
    const { index, event } = expiries[position]!;
    if (event.kind !== "hint-expired" || (event.target !== node && event.holder !== node) || event.storedAt >= staleBefore) continue;
    const write: ReplicaWrite = { key: event.key, tombstone: event.tombstone };
    if (event.value !== undefined) write.value = event.value;
    if (event.version !== undefined) write.version = event.version;
    expired.push({ event: index, write });
  }
  return expired;
}

/** lastCompleteRepairBefore finds the last complete full repair before event `index` (else the start). */
function lastCompleteRepairBefore(completeRounds: readonly RepairRound[], index: number): { time: Ticks; event: number } {
  const round = completeRounds[firstAfter(completeRounds, index - 1) - 1];
  return round === undefined ? { time: 0, event: 0 } : { time: round.startedAt, event: round.event };
}

/**
 * rebuiltAfter says whether the guard rebuilt the node after this rejoin: a node-repaired
 * event for it before it was next cut off. A guarded node never rebuilt (its whole replica
 * set was out, so the operator forced it back) was not protected by the guard. `rebuilds`
 * are the history's node-repaired events.
 */
function rebuiltAfter(rebuilds: readonly LoggedEvent[], intervals: UnreachableInterval[], interval: UnreachableInterval): boolean {
  const next = intervals.find((other) => other.node === interval.node && other.fromEvent > interval.fromEvent);
  const end = next?.fromEvent ?? Infinity;
  return rebuilds.some(({ index, event }) => index > interval.toEvent! && index < end && event.kind === "node-repaired" && event.node === interval.node);
}

function repairOverdueBreaches(purges: readonly PurgedTombstone[], rounds: readonly RepairRound[]): RepairOverdue[] {
  // One breach per tombstone (key and delete time), listing every node that purged it.
  const overdue = new Map<string, PurgedTombstone[]>();
  for (const purge of purges) {
    if (repairedBefore(rounds, purge)) continue;
    appendTo(overdue, tombstoneName(purge), purge);
  }
  return [...overdue.values()].map((purged) => {
    const first = purged[0]!;
    const last = purged[purged.length - 1]!;
    return {
      kind: "repair-overdue" as const,
      key: first.key,
      node: first.node,
      from: first.deletedAt,
      to: last.time,
      fromEvent: first.event,
      toEvent: last.event,
      events: purged.map((p) => p.event),
      purged,
      message:
        `the tombstone of ${JSON.stringify(first.key)} deleted at ${first.deletedAt} was purged from ` +
        `${[...new Set(purged.map((p) => p.node))].join(", ")} by ${last.time} with no repair of its range in between, ` +
        `so a replica that missed the delete may still hold the value.`,
    };
  });
}

function staleHintBreaches(log: ClusterLog, graceTicks: Ticks, purges: readonly PurgedTombstone[]): StaleHint[] {
  const breaches: StaleHint[] = [];
  for (const { index, event } of log.entries) {
    if (event.kind !== "hint-delivered" || event.tombstone) continue;
    if (event.time - event.storedAt <= graceTicks) continue;
    const purged = purgesOfKey(purges, event.key).filter((p) => p.event < index && p.deletedAt >= event.storedAt);
    if (purged.length === 0) continue;
    const breach: StaleHint = {
      kind: "stale-hint",
      key: event.key,
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
    };
    if (event.value !== undefined) breach.value = event.value;
    breaches.push(breach);
  }
  return breaches;
}

function describeKeys(purged: readonly PurgedTombstone[]): string {
  if (purged.length === 0) return "none";
  const keys = [...new Set(purged.map((p) => p.key))].map((key) => JSON.stringify(key));
  return keys.length > 5 ? `${keys.slice(0, 5).join(", ")} and ${keys.length - 5} more` : keys.join(", ");
}

/**
 * breachExplainsLostWrite says whether a breach can explain losing `write`: a node cut off
 * longer than the grace period, and rebuilt by the rejoin guard, may have held it alone if
 * it had not completed when the last complete repair before the absence ran (a repair
 * syncs only what is already written) and was invoked before the node stopped taking
 * writes. (A node that rejoins with its data loses nothing that way.) Whether rebuilt or
 * not, the write may also have waited in a hint held by the node or meant for it that
 * expired meanwhile (the hint carries its value, or a delete's version). Either explains only a read that
 * completed after the rejoin (event `readAt`).
 */
export function breachExplainsLostWrite(breach: GcBreach, write: Operation, readAt: number = Infinity): boolean {
  if (breach.kind !== "unreachable-too-long" || breach.toEvent >= readAt) return false;
  if (breach.expiredHints.some((hint) => hint.event < readAt && carries(hint.write, write))) return true;
  if (!breach.rebuilt) return false;
  return write.returnAt > breach.exposedFromEvent && write.callAt <= breach.exposedToEvent;
}

/** carries says whether a replica write is `write`'s: a put's unique value, or a delete's recorded version. */
function carries(replicaWrite: ReplicaWrite, write: Operation): boolean {
  if (replicaWrite.key !== write.key) return false;
  if (write.kind === "put") return !replicaWrite.tombstone && replicaWrite.value === write.value;
  if (write.kind !== "delete" || !replicaWrite.tombstone || write.version === undefined || replicaWrite.version === undefined) return false;
  return sameVersion(replicaWrite.version, write.version);
}

function sameVersion(a: Version, b: Version): boolean {
  if (a.kind === "lww") return b.kind === "lww" && a.timestamp === b.timestamp && a.node === b.node;
  if (b.kind !== "vector") return false;
  return a.entries.length === b.entries.length && a.entries.every(([node, count], index) => b.entries[index]![0] === node && b.entries[index]![1] === count);
}

/**
 * breachesTouching lists, in order, the breaches of `key` (a missing repair or a stale hint)
 * and those under which a tombstone of `key` was purged: the only ones that can explain a
 * read of the key (breachExplainsRead). A long history has thousands of breaches and seeks
 * an explanation for many of its reads, so each list of breaches is grouped by key once, on
 * first use, and the groups are kept as long as the list lives (a list of breaches is never
 * changed once made).
 */
export function breachesTouching(breaches: readonly GcBreach[], key: Key): readonly GcBreach[] {
  let byKey = breachesByKey.get(breaches);
  if (byKey === undefined) {
    byKey = new Map();
    for (const breach of breaches) {
      const keys = new Set(breach.purged.map((purge) => purge.key));
      if (breach.kind !== "unreachable-too-long") keys.add(breach.key);
      for (const touched of keys) appendTo(byKey, touched, breach);
    }
    breachesByKey.set(breaches, byKey);
  }
  return byKey.get(key) ?? [];
}

const breachesByKey = new WeakMap<readonly GcBreach[], Map<Key, GcBreach[]>>();

/**
 * breachExplainsRead says whether a breach can explain `get` returning the value of `put`
 * although a delete had hidden it: the breach purged a tombstone of the key that hides the
 * put, after the put was invoked, and took effect before the get completed (a missing
 * repair from the purge on; a long absence from the rejoin on). A stale hint explains only
 * a read of the value it carried. `tombstoneHides` is the level's reading of "hides"
 * (last-write-wins by default; under vector clocks, the delete had seen the put).
 */
export function breachExplainsRead(breach: GcBreach, get: Operation, put: Operation, tombstoneHides: TombstoneHides = hidesPut): boolean {
  const readAt = get.completeIndex ?? Infinity;
  const hides = (p: PurgedTombstone) => p.key === get.key && p.event > put.invokeIndex && tombstoneHides(p, put);
  switch (breach.kind) {
    case "repair-overdue":
      return breach.purged.some((p) => hides(p) && p.event < readAt);
    case "unreachable-too-long":
      return breach.toEvent < readAt && breach.purged.some(hides);
    case "stale-hint":
      return breach.toEvent < readAt && breach.key === get.key && breach.value === put.value;
    default: {
      const unreachable: never = breach;
      return unreachable;
    }
  }
}
