// A history laid out for drawing: its lanes, and every operation, condition and cluster
// event as an item in one list sorted by start, the order the page's culling relies on.
import type { History } from "../model/index.ts";
import { clusterMarks } from "./cluster-marks.ts";
import { clusterSpans } from "./cluster-spans.ts";
import { layoutLanes } from "./lanes.ts";
import { operationItems } from "./operation-items.ts";
import type { Timeline, TimelineItem } from "./timeline-item.ts";

/** buildTimeline lays out a history; an empty one still gets a time range one tick wide. */
export function buildTimeline(history: History): Timeline {
  const layout = layoutLanes(history);
  let startTicks = Infinity;
  let endTicks = -Infinity;
  for (const event of history.events) {
    startTicks = Math.min(startTicks, event.time);
    endTicks = Math.max(endTicks, event.time);
  }
  if (!Number.isFinite(startTicks)) [startTicks, endTicks] = [0, 0];
  // A zero-width axis cannot be drawn or zoomed: give it at least one tick.
  endTicks = Math.max(endTicks, startTicks + 1);
  const items: TimelineItem[] = [
    ...operationItems(history, layout, endTicks),
    ...clusterSpans(history, layout, endTicks),
    ...clusterMarks(history, layout),
  ];
  items.sort((a, b) => a.startTicks - b.startTicks || a.events[0]! - b.events[0]!);
  return { lanes: layout.lanes, items, startTicks, endTicks };
}
