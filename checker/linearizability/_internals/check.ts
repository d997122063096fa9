// Checking a whole history: prepare, search each partition, gather one verdict.

import type { Operation, SequentialModel } from "../../../model/sequential/index.ts";
import type { InvalidPartition, LinearizabilityVerdict } from "../verdict.ts";
import { findMalformed, partitionOperations } from "./partition.ts";
import { explainFailure } from "./report.ts";
import { searchPartition } from "./search.ts";

/** CheckOptions tunes a check; every field has a default. */
export interface CheckOptions {
  /** maxStepsPerPartition: model steps one partition may take before `unknown` (default 10^7). */
  maxStepsPerPartition?: number;
}

/** CheckStatistics says how much work a check took, for benchmarks and reports. */
export interface CheckStatistics {
  partitions: number;
  operationsChecked: number;
  steps: number;
}

/**
 * checkAll checks every partition. Invalid partitions are all reported (they are
 * independent); an invalid partition outweighs one that ran out of budget.
 */
export function checkAll<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions = {},
): { verdict: LinearizabilityVerdict; statistics: CheckStatistics } {
  const maxSteps = options.maxStepsPerPartition ?? 10_000_000;
  const statistics: CheckStatistics = { partitions: 0, operationsChecked: 0, steps: 0 };
  const malformed = findMalformed(operations);
  if (malformed !== undefined) {
    return { verdict: { kind: "unknown", key: null, reason: `the history cannot be checked: ${malformed}` }, statistics };
  }
  const invalid: InvalidPartition[] = [];
  let unknown: LinearizabilityVerdict | undefined;
  for (const partition of partitionOperations(model, operations)) {
    statistics.partitions++;
    statistics.operationsChecked += partition.inputs.length;
    const result = searchPartition(model, partition, maxSteps);
    statistics.steps += result.steps;
    if (result.kind === "invalid") {
      invalid.push(explainFailure(model, operations, partition, result.longest, result.failing, result.stateAtLongest));
    } else if (result.kind === "unknown" && unknown === undefined) {
      const where = partition.key === null ? "the history" : `key ${JSON.stringify(partition.key)}`;
      const reason = `the search on ${where} (${partition.inputs.length} operations) used its budget of ${maxSteps} steps without a verdict; raise maxStepsPerPartition or check a shorter history`;
      unknown = { kind: "unknown", key: partition.key, reason };
    }
  }
  if (invalid.length > 0) return { verdict: { kind: "invalid", partitions: invalid }, statistics };
  return { verdict: unknown ?? { kind: "valid" }, statistics };
}
