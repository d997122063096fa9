// What a check of one history concludes, as plain data: the verdict, the anomalies that
// convict the store, those explained by the operator's contract or injected skew, and
// every key a search could not decide within its budget, and those not checked at all.
import type { SkippedOperations } from "../histories/import/result.ts";
import type { Anomaly } from "../model/anomaly.ts";

/** Verdict: `valid`, `invalid`, or `unknown` when a search budget ran out and nothing is invalid. */
export type Verdict = "valid" | "invalid" | "unknown";

/**
 * UndecidedKey is a key whose search stopped at a limit without a verdict: `steps` is
 * what it spent, and `limit` says which limit stopped it: "steps", the step budget per key
 * (so `steps` is that budget), or "time", the deadline of the history's searches (`steps`
 * is 0 for a key whose search never began). `key` is null when the model has no keys (a
 * single register). Or the whole history (`key` null, `steps` 0), or one key's operations
 * alone, were too long to hold within the check's memory (`limit` "memory"): `events` were
 * read before the heap in use passed `memoryBytes`.
 */
export type UndecidedKey =
  | { key: string | null; steps: number; limit: "steps" | "time" }
  | { key: string | null; steps: 0; limit: "memory"; events: number; memoryBytes: number };

/** HistoryCheck is the result of checking one history. */
export interface HistoryCheck {
  verdict: Verdict;
  /** level: the consistency level or model the history was checked against. */
  level: string;
  /** anomalies: the findings that convict the store (empty when valid). */
  anomalies: Anomaly[];
  /** explained: gc-grace-violation and clock-skew findings, which do not. */
  explained: Anomaly[];
  /**
   * unknown: every key left undecided, empty when none. Listed whatever the verdict: an
   * invalid history may have undecided keys too, and a user fixing the bug wants them.
   */
  unknown: UndecidedKey[];
  /**
   * unchecked: the keys whose linearizability was not checked because the check stopped
   * at the first key found not linearizable (`lazarus check --first`), in history order;
   * empty otherwise. The verdict is then invalid, whatever they hold.
   */
  unchecked: string[];
  statistics: { operations: number; keys: number };
  /**
   * groups: present when the history was too long for the check's memory limit, and was
   * read again and checked this many groups of keys at a time, with the result of one reading.
   */
  groups?: number;
  /** skipped: for an imported history, the lines its importer read but did not check (Jepsen's nemesis operations, say), and why. */
  skipped?: SkippedOperations;
  /** eventsAre: what anomaly `events` count: event indices after the header (lazarus) or 1-based source lines (imports). */
  eventsAre: "event-indices" | "lines";
}

/** verdictOf decides the verdict from the findings: any bug is invalid, then any undecided key is unknown. */
export function verdictOf(anomalies: readonly Anomaly[], unknown: readonly UndecidedKey[]): Verdict {
  if (anomalies.length > 0) return "invalid";
  return unknown.length > 0 ? "unknown" : "valid";
}
