// When was each node cut off from the cluster? A node is unreachable while it is down,
// or while a partition keeps it out of the largest group (the side that goes on serving).
// Intervals end when the node is up and back in the main group: that moment is a rejoin,
// unless the node is cut off again within the same tick with nothing recorded in between.
import { loggedBetween, type ClusterLog } from "./cluster-log.ts";
import type { ClusterEvent, NodeId, Ticks } from "./vocabulary.ts";

/** UnreachableInterval is one stretch during which `node` was cut off. */
export interface UnreachableInterval {
  node: NodeId;
  from: Ticks;
  /** to: the rejoin time, or undefined when the node never came back. */
  to?: Ticks;
  /** fromEvent / toEvent: indices of the events that began and ended the interval. */
  fromEvent: number;
  toEvent?: number;
  /** downThroughout: the node was down (not merely cut off) for the whole interval, so it took no writes. */
  downThroughout: boolean;
}

/**
 * mainGroup picks the nodes a partition leaves serving: the largest group, ties broken by
 * the group listed first. Nodes a partition does not list form one more group.
 */
function mainGroup(nodes: readonly NodeId[], groups: NodeId[][]): Set<NodeId> {
  const listed = new Set(groups.flat());
  const all = [...groups, nodes.filter((node) => !listed.has(node))];
  let best: NodeId[] = [];
  for (const group of all) if (group.length > best.length) best = group;
  return new Set(best);
}

/** unreachableIntervals lists every interval during which a node was cut off. */
export function unreachableIntervals(nodes: readonly NodeId[], log: ClusterLog): UnreachableInterval[] {
  const down = new Set<NodeId>();
  let serving = new Set(nodes);
  const open = new Map<NodeId, UnreachableInterval>();
  const closed = new Map<NodeId, UnreachableInterval>();
  const intervals: UnreachableInterval[] = [];
  for (const { index, event } of log.entries) {
    if (!changesReachability(event)) continue;
    if (event.kind === "crash") down.add(event.node);
    if (event.kind === "restart") down.delete(event.node);
    if (event.kind === "partition") serving = mainGroup(nodes, event.groups);
    if (event.kind === "heal") serving = new Set(nodes);
    for (const node of nodes) {
      const cutOff = down.has(node) || !serving.has(node);
      const current = open.get(node);
      if (cutOff && current === undefined) {
        const previous = closed.get(node);
        if (previous !== undefined && previous.to === event.time && onlyReachabilityBetween(log, previous.toEvent!, index)) {
          // Cut off again in the tick it rejoined, with nothing else recorded in between
          // (say a restart and a partition recorded together): that was no rejoin, and the
          // interval goes on. (A node rebuilt, a repair or a barrier in between was a rejoin.)
          delete previous.to;
          delete previous.toEvent;
          if (!down.has(node)) previous.downThroughout = false;
          open.set(node, previous);
          continue;
        }
        const interval: UnreachableInterval = { node, from: event.time, fromEvent: index, downThroughout: down.has(node) };
        open.set(node, interval);
        intervals.push(interval);
      } else if (cutOff && current !== undefined && !down.has(node)) {
        current.downThroughout = false;
      } else if (!cutOff && current !== undefined) {
        current.to = event.time;
        current.toEvent = index;
        open.delete(node);
        closed.set(node, current);
      }
    }
  }
  return intervals;
}

/**
 * onlyReachabilityBetween says whether every event strictly between two indices is a crash,
 * restart, partition or heal: all of them are in the log (no operation came between), and
 * each changes reachability.
 */
function onlyReachabilityBetween(log: ClusterLog, from: number, to: number): boolean {
  const between = loggedBetween(log, from, to);
  return between.length === to - from - 1 && between.every((logged) => changesReachability(logged.event));
}

function changesReachability(event: ClusterEvent): boolean {
  return (
    event.kind === "crash" || event.kind === "restart" || event.kind === "partition" || event.kind === "heal"
  );
}
