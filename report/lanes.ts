// Which lanes a history gets, top to bottom: one per client process, one for the cluster
// as a whole (partitions, barriers), then one per replica node.
import type { History, NodeId, ProcessId } from "../model/index.ts";
import type { Lane } from "./timeline-item.ts";

/** LaneLayout is the lanes of a history and where each process and node is drawn. */
export interface LaneLayout {
  lanes: Lane[];
  clusterLane: number;
  processLane: Map<ProcessId, number>;
  nodeLane: Map<NodeId, number>;
}

/**
 * layoutLanes gives every process and node seen in the history a lane. Nodes keep the
 * header's order; one the header does not list (a recorded event naming it all the same)
 * is added after them, so that nothing recorded is left undrawn.
 */
export function layoutLanes(history: History): LaneLayout {
  const processes = new Set<ProcessId>();
  const nodes = new Set<NodeId>(history.header.config.nodes);
  for (const event of history.events) {
    if (event.kind === "invoke" || event.kind === "complete") processes.add(event.process);
    else for (const node of nodesNamedBy(event)) nodes.add(node);
  }
  const lanes: Lane[] = [];
  const processLane = new Map<ProcessId, number>();
  for (const process of [...processes].sort((a, b) => a - b)) {
    processLane.set(process, lanes.length);
    lanes.push({ kind: "client", label: `process ${process}` });
  }
  const clusterLane = lanes.length;
  lanes.push({ kind: "cluster", label: "cluster" });
  const nodeLane = new Map<NodeId, number>();
  for (const node of nodes) {
    nodeLane.set(node, lanes.length);
    lanes.push({ kind: "node", label: node });
  }
  return { lanes, clusterLane, processLane, nodeLane };
}

function nodesNamedBy(event: History["events"][number]): NodeId[] {
  switch (event.kind) {
    case "partition":
      return event.groups.flat();
    case "anti-entropy-round":
      return event.nodes;
    case "hint-stored":
    case "hint-delivered":
    case "hint-expired":
      return [event.holder, event.target];
    case "crash":
    case "restart":
    case "clock-skew":
    case "repair-write":
    case "gc-purge":
    case "node-repaired":
      return [event.node];
    default:
      return [];
  }
}
