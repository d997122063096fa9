// Cluster events that happen at one moment, each in the lane of the node it concerns:
// clock skew, hints stored, delivered and expired, repair writes, GC purges, node repairs;
// barriers go in the cluster lane and are drawn across every lane.
import type { ClusterEvent, History, ReplicaWrite } from "../model/index.ts";
import type { LaneLayout } from "./lanes.ts";
import type { MarkItem } from "./timeline-item.ts";

/** clusterMarks lays out every one-moment cluster event of a history. */
export function clusterMarks(history: History, layout: LaneLayout): MarkItem[] {
  const marks: MarkItem[] = [];
  history.events.forEach((event, index) => {
    if (event.kind === "invoke" || event.kind === "complete") return;
    const mark = markOf(event, index, layout);
    if (mark !== undefined) marks.push(mark);
  });
  return marks;
}

function markOf(event: ClusterEvent, index: number, layout: LaneLayout): MarkItem | undefined {
  const at = { startTicks: event.time, events: [index] };
  const lane = (node: string): number => layout.nodeLane.get(node)!;
  switch (event.kind) {
    case "clock-skew":
      return { kind: "mark", mark: event.kind, lane: lane(event.node), ...at, label: `clock ${event.offsetTicks >= 0 ? "+" : ""}${event.offsetTicks} ticks` };
    case "hint-stored":
      return { kind: "mark", mark: event.kind, lane: lane(event.holder), ...at, key: event.key, label: `hint for ${event.target} stored: ${carried(event)}` };
    case "hint-delivered":
      return { kind: "mark", mark: event.kind, lane: lane(event.target), fromLane: lane(event.holder), ...at, key: event.key, label: `hint from ${event.holder} delivered: ${carried(event)}` };
    case "hint-expired":
      return { kind: "mark", mark: event.kind, lane: lane(event.holder), ...at, key: event.key, label: `hint for ${event.target} expired: ${carried(event)}` };
    case "repair-write":
      return { kind: "mark", mark: event.kind, lane: lane(event.node), ...at, key: event.key, label: `${event.source} wrote ${carried(event)}` };
    case "gc-purge":
      return { kind: "mark", mark: event.kind, lane: lane(event.node), ...at, key: event.key, label: `gc purged the tombstone of ${event.key} (deleted at ${event.deletedAt})` };
    case "node-repaired":
      return { kind: "mark", mark: event.kind, lane: lane(event.node), ...at, label: "repaired before rejoining" };
    case "barrier":
      return { kind: "mark", mark: event.kind, lane: layout.clusterLane, ...at, label: "barrier" };
    default:
      return undefined;
  }
}

/** carried names what a hint or a repair carried: a value or a tombstone, for a key. */
function carried(write: ReplicaWrite): string {
  return write.tombstone ? `tombstone ${write.key}` : `${write.key}=${JSON.stringify(write.value)}`;
}
