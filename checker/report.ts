// How a check reads for a person: one headline per file, then each anomaly with its kind,
// key, the events it stands on and its sentence; explained ones apart, after the bugs;
// then the keys left undecided and the `--budget` or `--timeout` that would decide them,
// or the `--memory` a history too long to hold needs, and the keys `--first` left unchecked.
import type { Anomaly } from "../model/anomaly.ts";
import { describeBytes } from "./byte-size.ts";
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
  const outOfSteps = check.unknown.filter((u) => u.limit === "steps");
  const outOfTime = check.unknown.filter((u) => u.limit === "time");
  if (outOfSteps.length > 0) lines.push(`  unknown: ${describeOutOfSteps(outOfSteps, limit)}`);
  if (outOfTime.length > 0) lines.push(`  unknown: ${describeOutOfTime(outOfTime, limit)}`);
  for (const u of check.unknown) if (u.limit === "memory") lines.push(`  unknown: ${describeOutOfMemory(u.key, u.events, u.memoryBytes)}`);
  if (check.unchecked.length > 0) lines.push(`  not checked: ${describeUnchecked(check.unchecked, limit)}`);
  if (check.groups !== undefined) lines.push(`  read again: too long for the memory limit, so checked in ${check.groups} groups of keys, each read from the file again`);
  if (check.skipped !== undefined) {
    const { operations: count, firstLine, why } = check.skipped;
    lines.push(`  skipped: ${count} ${count === 1 ? "line" : "lines"} of operations, first at line ${firstLine}: ${why}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * describeOutOfSteps says which keys no search decided within the step budget, with the
 * steps each spent, and names the CLI flag that raises the budget: the engine, a library,
 * leaves this to us.
 */
function describeOutOfSteps(unknown: readonly UndecidedKey[], limit: number): string {
  // Every such search spent its whole budget, so the largest spend is the budget.
  const budget = countSteps(Math.max(...unknown.map((u) => u.steps)));
  if (unknown.length === 1 && unknown[0]!.key === null) {
    return `the history was not decided within the budget of ${budget}; raise --budget to decide it`;
  }
  return `${countKeys(unknown.length)} not decided within the budget of ${budget} per key: ${nameUndecided(unknown, limit)}; raise --budget to decide ${unknown.length === 1 ? "it" : "them"}`;
}

/** describeOutOfMemory says that the history (or one key's operations) was too long to hold for the check, how far it got, and how to give it more. */
function describeOutOfMemory(key: string | null, events: number, memoryBytes: number): string {
  if (key !== null) {
    return (
      `the operations on ${JSON.stringify(key)} alone are too many to check within the memory limit of ${describeBytes(memoryBytes)}: ` +
      `the heap passed it after ${events.toLocaleString("en")} events; the other keys were checked. Raise --memory, and Node's heap limit ` +
      `with it if need be (NODE_OPTIONS=--max-old-space-size=MiB)`
    );
  }
  return (
    `the history is too long to check within the memory limit of ${describeBytes(memoryBytes)}: the heap passed it after ` +
    `${events.toLocaleString("en")} events, and the rest was read but not checked; raise --memory, and Node's heap limit ` +
    `with it if need be (NODE_OPTIONS=--max-old-space-size=MiB)`
  );
}

/** describeOutOfTime says which keys the time limit left undecided, with the steps each had taken (0: its search never began). */
function describeOutOfTime(unknown: readonly UndecidedKey[], limit: number): string {
  if (unknown.length === 1 && unknown[0]!.key === null) {
    return `the history was not decided within the time limit (after ${countSteps(unknown[0]!.steps)}); raise --timeout to decide it`;
  }
  return `${countKeys(unknown.length)} not decided within the time limit: ${nameUndecided(unknown, limit)}; raise --timeout to decide ${unknown.length === 1 ? "it" : "them"}`;
}

function nameUndecided(unknown: readonly UndecidedKey[], limit: number): string {
  const named = unknown.slice(0, limit).map((u) => `${u.key === null ? "the history" : JSON.stringify(u.key)} (${countSteps(u.steps)})`);
  if (unknown.length > limit) named.push(`… and ${unknown.length - limit} more (use --json for all)`);
  return named.join(", ");
}

/** describeUnchecked names the keys whose linearizability was not checked, and why: --first stopped at a bug. */
function describeUnchecked(unchecked: readonly string[], limit: number): string {
  const named = unchecked.slice(0, limit).map((key) => JSON.stringify(key));
  if (unchecked.length > limit) named.push(`… and ${unchecked.length - limit} more (use --json for all)`);
  return `${countKeys(unchecked.length)} (${named.join(", ")}), as --first stops at the first key found not linearizable; leave --first out to check ${unchecked.length === 1 ? "it" : "them"}`;
}

function countKeys(keys: number): string {
  return keys === 1 ? "1 key" : `${keys} keys`;
}

function countSteps(steps: number): string {
  return steps === 1 ? "1 step" : `${steps} steps`;
}
