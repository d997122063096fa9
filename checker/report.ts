// How a check reads for a person: one headline per file, then each anomaly with its kind,
// key, the events it stands on and its sentence; explained ones apart, after the bugs;
// then the keys left undecided and the `--budget` that would decide them.
import type { Anomaly } from "../model/anomaly.ts";
import type { HistoryCheck, UndecidedKey } from "./verdict.ts";

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
  if (check.unknown.length > 0) lines.push(`  unknown: ${describeUndecided(check.unknown, limit)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * describeUndecided says which keys no search decided, with the steps each spent, and
 * names the CLI flag that raises the budget: the engine, a library, leaves this to us.
 */
function describeUndecided(unknown: readonly UndecidedKey[], limit: number): string {
  // Every undecided search spent its whole budget, so the largest spend is the budget.
  const budget = countSteps(Math.max(...unknown.map((u) => u.steps)));
  if (unknown.length === 1 && unknown[0]!.key === null) {
    return `the history was not decided within the budget of ${budget}; raise --budget to decide it`;
  }
  const named = unknown.slice(0, limit).map((u) => `${u.key === null ? "the history" : JSON.stringify(u.key)} (${countSteps(u.steps)})`);
  if (unknown.length > limit) named.push(`… and ${unknown.length - limit} more (use --json for all)`);
  const keys = unknown.length === 1 ? "1 key" : `${unknown.length} keys`;
  return `${keys} not decided within the budget of ${budget} per key: ${named.join(", ")}; raise --budget to decide ${unknown.length === 1 ? "it" : "them"}`;
}

function countSteps(steps: number): string {
  return steps === 1 ? "1 step" : `${steps} steps`;
}
