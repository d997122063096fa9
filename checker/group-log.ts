// Which cluster events a check in groups of keys keeps for every group, and which it reads
// again with each group. Most of a long history's cluster log is about one key: a gc-purge
// (two million in 10^7 operations) or a delivered hint. The rules read those about a key
// only when they judge that key, with one exception: a node cut off longer than the grace
// period is a breach that lists every tombstone purged meanwhile, whatever its key. So the
// log shared by every group keeps the events about no key in particular and the purges
// under such an absence; each group reads again the purges and hints about its own keys,
// and judges them with both logs merged in history order.
import type { ClusterLog, LoggedEvent } from "../model/cluster-log.ts";
import { firstPositionWhere } from "../model/event-order.ts";
import { unreachableIntervals } from "../model/reachability.ts";
import type { ClusterEvent, HistoryHeader, Key, NodeId, Ticks } from "../model/vocabulary.ts";
import type { KeyCensus } from "./key-groups.ts";

/** keyedEvent says whether a cluster event is about one key and read only when that key is judged (see above). */
function keyedEvent(event: ClusterEvent): event is Extract<ClusterEvent, { kind: "gc-purge" | "hint-delivered" }> {
  return event.kind === "gc-purge" || event.kind === "hint-delivered";
}

/**
 * sharedLog is the part of a history's whole cluster log that every group needs: all but
 * the keyed events, and the purges made while some node was cut off longer than the grace
 * period (the only breach that lists purges of every key). Without a grace period nothing
 * is a breach, and no purge is shared.
 */
export function sharedLog(header: HistoryHeader, log: ClusterLog): ClusterLog {
  const absences = longAbsences(header, log);
  return { entries: log.entries.filter(({ index, event }) => !keyedEvent(event) || (event.kind === "gc-purge" && absences !== undefined && covers(absences, index))) };
}

/**
 * longAbsences lists, as disjoint ranges of event indices (each from..to, inclusive), the
 * intervals during which a node was cut off longer than the grace period; undefined without
 * one. With `now`, the tick a reading has come to, also those that may yet grow so long:
 * still open, or ended in tick `now` (a node cut off again in the tick it rejoined was never
 * back).
 */
function longAbsences(header: HistoryHeader, log: ClusterLog, now?: Ticks): Array<[number, number]> | undefined {
  const { mode, graceTicks } = header.config.gc;
  if (mode !== "timeout" || graceTicks === undefined) return undefined;
  const ranges: Array<[number, number]> = [];
  for (const i of unreachableIntervals(header.config.nodes, log)) {
    const long = i.to !== undefined && i.to - i.from > graceTicks;
    const mayGrow = now !== undefined && (i.to === undefined || i.to >= now);
    if (long || mayGrow) ranges.push([i.fromEvent, i.toEvent ?? Infinity]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** covers says whether one of `ranges` (disjoint, in order, inclusive) holds event `index`. */
function covers(ranges: ReadonlyArray<readonly [number, number]>, index: number): boolean {
  const last = firstPositionWhere(ranges.length, (position) => ranges[position]![0] > index) - 1;
  return last >= 0 && index <= ranges[last]![1];
}

/**
 * groupLogFilter is what a group's fold keeps of the cluster log: the keyed events about its
 * keys, and for the first group those about keys without operations (their purges are still
 * judged: an early purge, a repair overdue).
 */
export function groupLogFilter(keys: ReadonlySet<Key>, census: KeyCensus, firstGroup: boolean): (logged: LoggedEvent) => boolean {
  return ({ event }) => keyedEvent(event) && (keys.has(event.key) || (firstGroup && !census.has(event.key)));
}

/**
 * ReadingLog narrows the log of a first reading that has forgotten its operations, as it
 * goes on: it keeps what sharedLog would keep, and more, since an absence's length is known
 * only at its end. A purge is kept while some node may be cut off (one down, or a partition
 * not yet healed: never less than the model's unreachable intervals), and the purges logged
 * before are kept when they fall in an interval that may turn out long enough (any still
 * open). sharedLog narrows it exactly at the end.
 */
export class ReadingLog {
  private readonly down = new Set<NodeId>();
  private partitioned = false;

  /** see follows one cluster event, whether logged or not. */
  see(event: ClusterEvent): void {
    if (event.kind === "crash") this.down.add(event.node);
    if (event.kind === "restart") this.down.delete(event.node);
    if (event.kind === "partition") this.partitioned = true;
    if (event.kind === "heal") this.partitioned = false;
  }

  /**
   * keeper says what to keep of `log`, logged up to event `upTo` at tick `now`, and of what
   * comes after. An interval that ended in tick `now` may still go on: a node cut off again
   * in the tick it rejoined was never back.
   */
  keeper(header: HistoryHeader, log: ClusterLog, upTo: number, now: Ticks): (logged: LoggedEvent) => boolean {
    const absences = longAbsences(header, log, now);
    return ({ index, event }) => {
      if (!keyedEvent(event)) return true;
      if (event.kind !== "gc-purge" || absences === undefined) return false;
      if (index > upTo) return this.down.size > 0 || this.partitioned;
      return covers(absences, index);
    };
  }
}

/** mergedLog merges two logs in history order; an event in both (a shared purge of the group's key) is kept once. */
export function mergedLog(a: ClusterLog, b: ClusterLog): ClusterLog {
  const entries: LoggedEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < a.entries.length || j < b.entries.length) {
    const left = a.entries[i];
    const right = b.entries[j];
    if (right === undefined || (left !== undefined && left.index < right.index)) {
      entries.push(left!);
      i++;
    } else if (left === undefined || right.index < left.index) {
      entries.push(right);
      j++;
    } else {
      entries.push(left);
      i++;
      j++;
    }
  }
  return { entries };
}
