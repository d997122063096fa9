// The shapes a report page draws: lanes on one time axis, and the items in them. They are
// plain data, embedded in the page as JSON; the page's script only draws them.
import type { ClusterEventKind, Key, OperationKind, Outcome, Ticks } from "../model/index.ts";

/** LaneKind says what a lane stands for: a client process, a replica node, or the cluster as a whole. */
export type LaneKind = "client" | "cluster" | "node";

/** Lane is one row of the timeline; `label` is what its gutter reads. */
export interface Lane {
  kind: LaneKind;
  label: string;
}

/** OperationItem is a client operation drawn as a bar from invoke to complete, in its process's lane. */
export interface OperationItem {
  kind: "operation";
  lane: number;
  startTicks: Ticks;
  /** endTicks: when the completion arrived (for info: when the client gave up waiting), or the history's end. */
  endTicks: Ticks;
  /** openEnded: an info op (or one never completed) may take effect at any later time, so it is drawn trailing off. */
  openEnded: boolean;
  outcome: Outcome;
  op: OperationKind;
  key: Key;
  /** label: a short name drawn inside the bar when it is wide enough, e.g. `put k1 = "v"`. */
  label: string;
  /** events: the invoke's index, then the completion's when there is one. */
  events: number[];
}

/** SpanKind names the cluster conditions that last a while. */
export type SpanKind = "down" | "partition" | "partition-side" | "anti-entropy";

/** SpanItem is a condition that lasts: a node down, a partition, an anti-entropy round. */
export interface SpanItem {
  kind: "span";
  span: SpanKind;
  lane: number;
  startTicks: Ticks;
  endTicks: Ticks;
  /** openEnded: the history ends before the condition does (no restart, no heal). */
  openEnded: boolean;
  label: string;
  /** side: for partition-side, which group of the partition the node was in (0-based). */
  side?: number;
  events: number[];
}

/** MarkKind is a cluster event drawn at one moment. */
export type MarkKind = Exclude<ClusterEventKind, "crash" | "restart" | "partition" | "heal" | "anti-entropy-round">;

/** MarkItem is a cluster event at one moment, in the lane of the node it happened on (barriers: the cluster lane). */
export interface MarkItem {
  kind: "mark";
  mark: MarkKind;
  lane: number;
  startTicks: Ticks;
  /** fromLane: where a delivered hint came from, drawn as a line to `lane`. */
  fromLane?: number;
  key?: Key;
  label: string;
  events: number[];
}

/** TimelineItem is anything the timeline draws. */
export type TimelineItem = OperationItem | SpanItem | MarkItem;

/** Timeline is a history laid out for drawing: its lanes, its items sorted by start, and its time range. */
export interface Timeline {
  lanes: Lane[];
  items: TimelineItem[];
  startTicks: Ticks;
  endTicks: Ticks;
}
