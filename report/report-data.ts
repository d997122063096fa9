// What a report page embeds: the history's header and events (hover shows them as JSON),
// the check's result, the timeline laid out for drawing, and the linearizable prefixes.
import type { HistoryCheck } from "../checker/verdict.ts";
import type { History, HistoryEvent, HistoryHeader, Key } from "../model/index.ts";
import { linearizablePrefixes, type LinearizablePrefix } from "./linearizable-prefixes.ts";
import { buildTimeline } from "./timeline.ts";
import type { Timeline } from "./timeline-item.ts";

/** ReportData is everything a report page shows, as the JSON embedded in it. */
export interface ReportData {
  /** title: what the page is about, e.g. the history's file name or the run's command line. */
  title: string;
  header: HistoryHeader;
  check: HistoryCheck;
  timeline: Timeline;
  prefixes: LinearizablePrefix[];
  /** keys: every key an operation touches, sorted, for the key filter. */
  keys: Key[];
  events: HistoryEvent[];
}

/** reportData gathers what a report page shows about one checked history. */
export function reportData(history: History, check: HistoryCheck, title: string): ReportData {
  const timeline = buildTimeline(history);
  const keys = new Set<Key>();
  for (const item of timeline.items) if (item.kind === "operation") keys.add(item.key);
  return {
    title,
    header: history.header,
    check,
    timeline,
    prefixes: linearizablePrefixes(history, check),
    keys: [...keys].sort(compareKeys),
    events: history.events,
  };
}

/** compareKeys sorts keys as people count them: "k2" before "k10". */
function compareKeys(a: Key, b: Key): number {
  return a.localeCompare(b, "en", { numeric: true });
}
