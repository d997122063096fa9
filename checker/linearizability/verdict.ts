// What a linearizability check concludes: a discriminated union, never a thrown error.

/**
 * LinearizabilityVerdict: `valid` (every partition has a linearization), `invalid`
 * (these partitions have none), or `unknown` (the step budget ran out on `key`, or
 * the input was unusable; `key` is null when the model has no partitions).
 */
export type LinearizabilityVerdict =
  | { kind: "valid" }
  | { kind: "invalid"; partitions: InvalidPartition[] }
  | { kind: "unknown"; key: string | null; reason: string };

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
