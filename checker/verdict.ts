// What a check of one history concludes, as plain data: the verdict, the anomalies that
// convict the store, those explained by the operator's contract or injected skew, and
// where a search ran out of budget.
import type { Anomaly } from "../model/anomaly.ts";

/** Verdict: `valid`, `invalid`, or `unknown` when a search budget ran out. */
export type Verdict = "valid" | "invalid" | "unknown";

/** HistoryCheck is the result of checking one history. */
export interface HistoryCheck {
  verdict: Verdict;
  /** level: the consistency level or model the history was checked against. */
  level: string;
  /** anomalies: the findings that convict the store (empty when valid). */
  anomalies: Anomaly[];
  /** explained: gc-grace-violation and clock-skew findings, which do not. */
  explained: Anomaly[];
  /** unknown: where and why a search gave up, when the verdict is unknown. */
  unknown?: { key: string | null; reason: string };
  statistics: { operations: number; keys: number };
  /** eventsAre: what anomaly `events` count: event indices after the header (lazarus) or 1-based source lines (imports). */
  eventsAre: "event-indices" | "lines";
}

/** verdictOf decides the verdict from the findings: any bug is invalid, then any unknown. */
export function verdictOf(anomalies: readonly Anomaly[], unknown: HistoryCheck["unknown"]): Verdict {
  if (anomalies.length > 0) return "invalid";
  return unknown === undefined ? "valid" : "unknown";
}
