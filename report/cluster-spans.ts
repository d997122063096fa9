// Cluster conditions that last: a node down from crash to restart, a partition from its
// start to the heal (or the next partition, which replaces it), an anti-entropy round from
// its start to its end. One left open at the history's end is drawn to the end.
import type { History, NodeId, Ticks } from "../model/index.ts";
import type { LaneLayout } from "./lanes.ts";
import type { SpanItem } from "./timeline-item.ts";

interface OpenPartition {
  startTicks: Ticks;
  event: number;
  groups: NodeId[][];
}

/** clusterSpans lays out the down intervals, partitions and anti-entropy rounds of a history. */
export function clusterSpans(history: History, layout: LaneLayout, endTicks: Ticks): SpanItem[] {
  const spans: SpanItem[] = [];
  const crashed = new Map<NodeId, { startTicks: Ticks; event: number }>();
  let partition: OpenPartition | undefined;
  const closePartition = (at: Ticks, events: number[]): void => {
    if (partition !== undefined) spans.push(...partitionSpans(partition, at, events, layout));
    partition = undefined;
  };
  history.events.forEach((event, index) => {
    switch (event.kind) {
      case "crash":
        if (!crashed.has(event.node)) crashed.set(event.node, { startTicks: event.time, event: index });
        break;
      case "restart": {
        const down = crashed.get(event.node);
        if (down === undefined) break;
        crashed.delete(event.node);
        spans.push(downSpan(layout.nodeLane.get(event.node)!, down.startTicks, event.time, [down.event, index], false));
        break;
      }
      case "partition":
        closePartition(event.time, [index]);
        partition = { startTicks: event.time, event: index, groups: event.groups };
        break;
      case "heal":
        closePartition(event.time, [index]);
        break;
      case "anti-entropy-round": {
        const label = `anti-entropy${event.full ? " (full" : " (partial"}${event.complete ? ", complete)" : ", incomplete)"}`;
        for (const node of event.nodes) {
          spans.push({ kind: "span", span: "anti-entropy", lane: layout.nodeLane.get(node)!, startTicks: event.startedAt, endTicks: event.time, openEnded: false, label, events: [index] });
        }
        break;
      }
      default:
        break;
    }
  });
  for (const [node, down] of crashed) spans.push(downSpan(layout.nodeLane.get(node)!, down.startTicks, endTicks, [down.event], true));
  closePartition(endTicks, []);
  return spans;
}

function downSpan(lane: number, startTicks: Ticks, endTicks: Ticks, events: number[], openEnded: boolean): SpanItem {
  return { kind: "span", span: "down", lane, startTicks, endTicks, openEnded, label: openEnded ? "down (never restarted)" : "down", events };
}

/** partitionSpans draws a partition in the cluster lane, and in each node's lane the side it was on. */
function partitionSpans(partition: OpenPartition, endTicks: Ticks, closing: number[], layout: LaneLayout): SpanItem[] {
  const events = [partition.event, ...closing];
  const openEnded = closing.length === 0;
  const label = `partition ${partition.groups.map((group) => group.join(" ")).join(" | ")}`;
  const spans: SpanItem[] = [{ kind: "span", span: "partition", lane: layout.clusterLane, startTicks: partition.startTicks, endTicks, openEnded, label, events }];
  partition.groups.forEach((group, side) => {
    for (const node of group) {
      spans.push({ kind: "span", span: "partition-side", lane: layout.nodeLane.get(node)!, startTicks: partition.startTicks, endTicks, openEnded, label: `partition side ${side + 1} of ${partition.groups.length}`, side, events });
    }
  });
  return spans;
}
