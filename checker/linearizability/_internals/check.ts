// Checking a whole history: prepare, decide each partition (unique-writes path or
// search), gather one verdict.

import type { Operation, SequentialModel } from "../../../model/sequential/index.ts";
import type { InvalidPartition, LinearizabilityVerdict, UndecidedPartition } from "../verdict.ts";
import type { Partition } from "./partition.ts";
import { findMalformed, partitionOperations } from "./partition.ts";
import { explainFailure, explainUniqueWritesFailure } from "./report.ts";
import { searchPartition } from "./search.ts";
import { checkUniqueWrites } from "./unique-writes.ts";

/** CheckOptions tunes a check; every field has a default. */
export interface CheckOptions {
  /**
   * maxStepsPerPartition: moves one partition's search may try before it is undecided
   * (default 10^7). A move is one model step, or a write of unknown outcome paired with
   * the operation that observes it (see `SequentialModel.blindWrite`).
   */
  maxStepsPerPartition?: number;
  /**
   * useUniqueWrites: decide partitions whose read values each have one possible write
   * without search, when the model has a `uniqueWriteView` (default true). Off, every
   * partition is searched: for benchmarks and cross-checks.
   */
  useUniqueWrites?: boolean;
}

/** CheckStatistics says how much work a check took, for benchmarks and reports. */
export interface CheckStatistics {
  partitions: number;
  operationsChecked: number;
  steps: number;
  /** uniqueWritePartitions: partitions the unique-writes path decided (the rest were searched). */
  uniqueWritePartitions: number;
}

/** PartitionOutcome is one partition's verdict before they are gathered. */
type PartitionOutcome = { kind: "valid" } | { kind: "invalid"; report: InvalidPartition } | { kind: "unknown"; steps: number };

/**
 * checkAll checks every partition and accounts for each: invalid partitions are all
 * reported (they are independent), and so are the undecided ones, also when some other
 * partition is invalid: finding one bug says nothing about the keys left undecided.
 */
export function checkAll<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions = {},
): { verdict: LinearizabilityVerdict; statistics: CheckStatistics } {
  const statistics: CheckStatistics = { partitions: 0, operationsChecked: 0, steps: 0, uniqueWritePartitions: 0 };
  const malformed = findMalformed(operations);
  if (malformed !== undefined) {
    const message = `the history cannot be checked: ${malformed}`;
    return { verdict: { kind: "unknown", undecided: [{ kind: "malformed", key: null, message }] }, statistics };
  }
  const invalid: InvalidPartition[] = [];
  const undecided: UndecidedPartition[] = [];
  for (const partition of partitionOperations(model, operations)) {
    statistics.partitions++;
    statistics.operationsChecked += partition.inputs.length;
    const outcome = checkPartition(model, operations, partition, options, statistics);
    if (outcome.kind === "invalid") invalid.push(outcome.report);
    else if (outcome.kind === "unknown") undecided.push({ kind: "out-of-budget", key: partition.key, steps: outcome.steps });
  }
  if (invalid.length > 0) return { verdict: { kind: "invalid", partitions: invalid, undecided }, statistics };
  if (undecided.length > 0) return { verdict: { kind: "unknown", undecided }, statistics };
  return { verdict: { kind: "valid" }, statistics };
}

/**
 * checkPartition tries the unique-writes path first. It settles a valid partition
 * alone; an invalid one is searched as well, for the longest partial linearization,
 * and reported from the fast path only if the search runs out of budget.
 */
function checkPartition<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  partition: Partition<Input, Output>,
  options: CheckOptions,
  statistics: CheckStatistics,
): PartitionOutcome {
  const maxSteps = options.maxStepsPerPartition ?? 10_000_000;
  const fast = (options.useUniqueWrites ?? true) ? checkUniqueWrites(model, partition) : { kind: "not-applicable" as const };
  if (fast.kind !== "not-applicable") statistics.uniqueWritePartitions++;
  if (fast.kind === "valid") return { kind: "valid" };
  const result = searchPartition(model, partition, maxSteps);
  statistics.steps += result.steps;
  if (fast.kind === "invalid" && result.kind === "valid") {
    throw new Error(`bug: the unique-writes path and the search disagree on ${describePartition(partition)}: ${fast.reason}`);
  }
  if (result.kind === "invalid") return { kind: "invalid", report: explainFailure(model, operations, partition, result.longest, result.failing, result.stateAtLongest) };
  if (fast.kind === "invalid") return { kind: "invalid", report: explainUniqueWritesFailure(operations, partition, fast.failing, fast.reason) };
  // The steps are the verdict's whole explanation: the caller knows its budget and how its
  // own users raise it (a library option, a CLI flag), so no sentence is built here.
  if (result.kind === "unknown") return { kind: "unknown", steps: result.steps };
  return { kind: "valid" };
}

function describePartition<Input, Output>(partition: Partition<Input, Output>): string {
  return partition.key === null ? "the history" : `key ${JSON.stringify(partition.key)}`;
}
