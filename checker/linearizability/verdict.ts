// What a linearizability check concludes: a discriminated union, never a thrown error.
// Every partition is accounted for: decided (valid or invalid) or listed as undecided.

/**
 * LinearizabilityVerdict: `valid` (every partition has a linearization), `invalid`
 * (these partitions have none; `undecided` lists the ones the check could not decide,
 * since an invalid partition does not make the others valid; `unchecked` the ones it did
 * not try, having stopped at the first invalid one on request), or `unknown` (no
 * partition is invalid and `undecided`, never empty, lists the ones left undecided).
 * Each list is in the order the partitions' keys first appear in the history, whatever
 * order they were checked in.
 */
export type LinearizabilityVerdict =
  | { kind: "valid" }
  | { kind: "invalid"; partitions: InvalidPartition[]; undecided: UndecidedPartition[]; unchecked: Array<string | null> }
  | { kind: "unknown"; undecided: UndecidedPartition[] };

/**
 * UndecidedPartition is a partition the check left undecided: `out-of-budget` when its
 * search took `steps` (the whole `maxStepsPerPartition`) without a verdict, `out-of-time`
 * when the deadline passed after its search took `steps` (0 when it never began),
 * `malformed` when an operation's times make the history uncheckable (the whole history,
 * so `key` is null). `key` is null too when the model has no partitions.
 */
export type UndecidedPartition =
  | { kind: "out-of-budget"; key: string | null; steps: number }
  | { kind: "out-of-time"; key: string | null; steps: number }
  | { kind: "malformed"; key: null; message: string };

/** InvalidPartition explains why one partition (key) has no linearization. */
export interface InvalidPartition {
  /** key: the partition's key, or null when the model has no partitions. */
  key: string | null;
  /**
   * longestPartialLinearization: indices (in the checked operation list) of the
   * longest legal order the search found, in that order.
   */
  longestPartialLinearization: number[];
  /** failingOperation: index of the operation that could not be linearized after it. */
  failingOperation: number;
  /** events: the source event indices of the failing operation. */
  events: number[];
  /** message: one sentence a person can follow. */
  message: string;
}
