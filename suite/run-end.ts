// The end of every run: bring the store to rest, read every key it touched, and check the
// whole history with the checker. The run passes only on `valid`, and only with the
// explanations the run itself provoked: a breach of the GC contract needs timeout GC and a
// fault (or whatever else the caller says provokes one), a clock-skew explanation needs an
// injected skew. An explanation nothing provoked is the checker excusing a store bug.
import { checkHistory } from "../checker/check-history.ts";
import type { HistoryCheck } from "../checker/verdict.ts";
import type { Anomaly, AnomalyKind } from "../model/anomaly.ts";
import type { History, ProcessId } from "../model/vocabulary.ts";
import type { StepRunner } from "./step-runner.ts";

/** readerProcess: the process that reads every key at the end, apart from the commands' processes. */
export const readerProcess: ProcessId = 1000;

/** RunFailure: why a run's history is not acceptable. */
export interface RunFailure {
  check: HistoryCheck;
  /** unprovoked: explanations the run did not provoke. */
  unprovoked: Anomaly[];
  message: string;
}

/** ProvokedExplanations says which explained kinds a run (its history, under its configuration) accounts for. */
export type ProvokedExplanations<Config = unknown> = (history: History, config: Config) => ReadonlySet<AnomalyKind>;

/**
 * provokedByFaults: clock-skew when a node's clock was skewed; gc-grace-violation under
 * timeout GC when a node crashed or was cut off (a downtime may outlast the grace period,
 * or keep a repair from completing before a purge).
 */
export const provokedByFaults: ProvokedExplanations = (history) => {
  const kinds = new Set<AnomalyKind>();
  const events = history.events;
  if (events.some((event) => event.kind === "clock-skew" && event.offsetTicks !== 0)) kinds.add("clock-skew");
  const faulted = events.some((event) => event.kind === "crash" || event.kind === "partition");
  if (history.header.config.gc.mode === "timeout" && faulted) kinds.add("gc-grace-violation");
  return kinds;
};

/** settle finishes the run: rest (quiesce, or else await every open op), then read every key. */
export async function settle(runner: StepRunner): Promise<void> {
  if (runner.adapter.quiesce !== undefined) await runner.run({ kind: "quiesce" });
  else for (const process of [...runner.open]) await runner.run({ kind: "finish", process });
  for (const key of [...runner.keys].sort()) {
    await runner.run({ kind: "start", process: readerProcess, op: "get", key });
    await runner.run({ kind: "finish", process: readerProcess });
  }
}

/** judgeRun checks a finished run's history, allowing the explained kinds given; undefined means it passes. */
export function judgeRun(history: History, allowed: ReadonlySet<AnomalyKind>): RunFailure | undefined {
  const check = checkHistory(history);
  const unprovoked = check.explained.filter((anomaly) => !allowed.has(anomaly.kind));
  if (check.verdict === "valid" && unprovoked.length === 0) return undefined;
  const findings = check.verdict === "valid" ? unprovoked : check.anomalies;
  const first = findings[0];
  const what =
    check.verdict === "unknown"
      ? `the checker could not decide key(s) ${check.unknown.map((u) => u.key).join(", ")}`
      : `${first!.kind}${check.verdict === "valid" ? " explained, but nothing in the run provoked it" : ""} (events ${first!.events.join(", ")}): ${first!.message}`;
  return { check, unprovoked, message: `verdict ${check.verdict}: ${what}` };
}
