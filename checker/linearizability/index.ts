// The generic linearizability engine (Porcupine-style): given a sequential model and
// a history of operations, decide whether some order consistent with real time makes
// every operation legal. The algorithm (Wing–Gong–Lowe search with a cache of
// explored configurations, split by key, with blind writes of unknown outcome
// linearized just in time) is private to `_internals/`.

import type { Operation, SequentialModel } from "../../model/sequential/index.ts";
import { checkAll } from "./_internals/check.ts";

export { decideShare } from "./_internals/check.ts";
import type { CheckOptions, CheckStatistics } from "./_internals/check.ts";
import type { LinearizabilityVerdict } from "./verdict.ts";

export type { CheckOptions, CheckStatistics } from "./_internals/check.ts";
export type { Deadline } from "./_internals/limits.ts";
export type { PartitionOutcome, SearchSharing } from "./_internals/sharing.ts";
export type { InvalidPartition, LinearizabilityVerdict, UndecidedPartition } from "./verdict.ts";

/**
 * checkOperations decides whether `operations` are linearizable with respect to
 * `model`. `fail` operations are dropped, `info` operations may take effect at any time
 * after their call or never, and a partition that exhausts its step budget is listed as
 * undecided: the verdict is `unknown`, or `invalid` if another partition is. The
 * partitions are checked cheapest first, and listed in the order their keys first
 * appear. Never throws on input.
 */
export function checkOperations<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions = {},
): LinearizabilityVerdict {
  return checkAll(model, operations, options).verdict;
}

/** checkOperationsWithStatistics is `checkOperations` that also says how much work it took. */
export function checkOperationsWithStatistics<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions = {},
): { verdict: LinearizabilityVerdict; statistics: CheckStatistics } {
  return checkAll(model, operations, options);
}
