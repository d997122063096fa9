// The anomaly kinds a check can report, and which of them are explained by a breach of
// the operator's contract or by injected clock skew rather than by a bug in the store.
import type { Key } from "./vocabulary.ts";

/** AnomalyKind names what went wrong; stable strings, used in JSON output. */
export type AnomalyKind =
  | "not-linearizable"
  | "stale-read"
  | "future-read"
  | "phantom-read"
  | "lost-write"
  | "divergence"
  | "resurrection"
  | "gc-grace-violation"
  | "clock-skew"
  | "sibling-lost"
  | "sibling-spurious"
  | "early-purge";

/** Anomaly is one finding: its kind, key, the event indices involved and a sentence. */
export interface Anomaly {
  kind: AnomalyKind;
  key?: Key;
  /** events: indices of the history events involved (position after the header). */
  events: number[];
  message: string;
  /** read: the event index of the get completion this anomaly is about, when it is about one read. */
  read?: number;
  /** linearization: for not-linearizable, the event indices of the longest legal order found. */
  linearization?: number[];
}

/** eventList merges event indices into one sorted list without repeats: an anomaly's `events`. */
export function eventList(...lists: ReadonlyArray<readonly number[]>): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * explainedAs re-labels an anomaly under the cause that accounts for it, adding the
 * events that show the cause and a sentence saying why.
 */
export function explainedAs(anomaly: Anomaly, kind: AnomalyKind, causeEvents: readonly number[], because: string): Anomaly {
  return { ...anomaly, kind, events: eventList(anomaly.events, causeEvents), message: `${anomaly.message} ${because}` };
}

/** explainedKinds are the kinds that do not convict the store (SPEC-NOTES, "Verdicts"). */
export const explainedKinds: ReadonlySet<AnomalyKind> = new Set(["gc-grace-violation", "clock-skew"]);

/** isExplained says whether an anomaly is explained rather than a bug. */
export function isExplained(anomaly: Anomaly): boolean {
  return explainedKinds.has(anomaly.kind);
}
