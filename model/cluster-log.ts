// The cluster's side of a history: every event that is not a client operation's invoke or
// completion, each with its index in the history. The rules about the cluster (who was cut
// off, what GC purged, which repairs ran, where barriers stand) read only these, so a long
// history is checked from its operations and this log, without keeping every event. Replica
// writes (repair-write, hint-stored) are left out of the log: no rule reads them, and a long
// history holds hundreds of thousands of them.
import { firstPositionAfter } from "./event-order.ts";
import type { ClusterEvent, HistoryEvent } from "./vocabulary.ts";

/** LoggedEvent is one cluster event and its index in the history. */
export interface LoggedEvent {
  index: number;
  event: ClusterEvent;
}

/** ClusterLog is a history's cluster events in history order. */
export interface ClusterLog {
  readonly entries: readonly LoggedEvent[];
}

/** isClusterEvent says whether an event is the cluster's: anything but an invoke or a completion. */
export function isClusterEvent(event: HistoryEvent): event is ClusterEvent {
  return event.kind !== "invoke" && event.kind !== "complete";
}

/** unreadKinds are the cluster events no rule reads: replica writes, kept in the history for people and reports. */
const unreadKinds: ReadonlySet<HistoryEvent["kind"]> = new Set(["repair-write", "hint-stored"]);

/** isLoggedEvent says whether an event belongs in the cluster log: a cluster event some rule reads. */
export function isLoggedEvent(event: HistoryEvent): event is ClusterEvent {
  return isClusterEvent(event) && !unreadKinds.has(event.kind);
}

/** clusterLogOf takes the cluster events out of a whole history's events. */
export function clusterLogOf(events: readonly HistoryEvent[]): ClusterLog {
  const entries: LoggedEvent[] = [];
  events.forEach((event, index) => {
    if (isLoggedEvent(event)) entries.push({ index, event });
  });
  return { entries };
}

/** firstLoggedAfter is the position in `entries` (in history order) of the first one recorded after event `index`. */
export function firstLoggedAfter(entries: readonly LoggedEvent[], index: number): number {
  return firstPositionAfter(entries.length, (position) => entries[position]!.index, index);
}

/** loggedBetween lists the cluster events recorded strictly between events `from` and `to`. */
export function loggedBetween(log: ClusterLog, from: number, to: number): LoggedEvent[] {
  return log.entries.slice(firstLoggedAfter(log.entries, from), firstLoggedAfter(log.entries, to - 1));
}
