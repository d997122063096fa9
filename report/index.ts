// The public face of report/: a self-contained HTML page that draws a checked history on
// one time axis, with its anomalies beside it. Everything else in report/ is private.
export { writeReport } from "./write-report.ts";
export { reportPage } from "./page.ts";
export { reportData } from "./report-data.ts";
export type { ReportData } from "./report-data.ts";
export { scriptJson } from "./embed-json.ts";
export { buildTimeline } from "./timeline.ts";
export type { Lane, LaneKind, MarkItem, MarkKind, OperationItem, SpanItem, SpanKind, Timeline, TimelineItem } from "./timeline-item.ts";
export type { LinearizablePrefix, PrefixOperation } from "./linearizable-prefixes.ts";
