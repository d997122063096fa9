// How a check reads for a person: one headline per file, then each anomaly with its kind,
// key, the events it stands on and its sentence; explained ones apart, after the bugs.
import type { Anomaly } from "../model/anomaly.ts";
import type { HistoryCheck } from "./verdict.ts";

/** describeEvents names event indices (or lines) compactly, e.g. "events 0-3, 7". */
export function describeEvents(events: readonly number[], unit: "event" | "line" = "event"): string {
  const sorted = [...new Set(events)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return `${sorted.length === 1 ? unit : `${unit}s`} ${parts.join(", ")}`;
}

function describeAnomaly(anomaly: Anomaly, unit: "event" | "line"): string {
  const key = anomaly.key === undefined ? "" : ` on ${JSON.stringify(anomaly.key)}`;
  return `  ${anomaly.kind}${key} (${describeEvents(anomaly.events, unit)}): ${anomaly.message}`;
}

/** formatCheck renders one file's check as text, ending with a newline. */
export function formatCheck(file: string, check: HistoryCheck, limit = 20): string {
  const { operations, keys } = check.statistics;
  const unit = check.eventsAre === "lines" ? "line" : "event";
  const lines = [`${file}: ${check.verdict} (${check.level}; ${operations} operations on ${keys} ${keys === 1 ? "key" : "keys"})`];
  lines.push(...check.anomalies.slice(0, limit).map((a) => describeAnomaly(a, unit)));
  if (check.anomalies.length > limit) lines.push(`  … and ${check.anomalies.length - limit} more anomalies (use --json for all)`);
  if (check.explained.length > 0) {
    lines.push(`  explained, not bugs (${check.explained.length}):`);
    lines.push(...check.explained.slice(0, limit).map((a) => `  ${describeAnomaly(a, unit)}`));
    if (check.explained.length > limit) lines.push(`    … and ${check.explained.length - limit} more`);
  }
  if (check.unknown !== undefined) lines.push(`  unknown: ${check.unknown.reason}`);
  return `${lines.join("\n")}\n`;
}
