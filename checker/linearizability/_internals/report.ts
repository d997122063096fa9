// Turning a failed search into an explanation a person can follow.

import type { Operation, SequentialModel } from "../../../model/sequential/index.ts";
import type { InvalidPartition } from "../verdict.ts";
import type { Partition } from "./partition.ts";

/** explainFailure writes the invalid-partition report from the longest order found. */
export function explainFailure<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  partition: Partition<Input, Output>,
  longest: number[],
  failing: number,
  stateAtLongest: State,
): InvalidPartition {
  const failingIndex = partition.globalIndex[failing]!;
  const op = operations[failingIndex]!;
  const where = partition.key === null ? "" : `on key ${JSON.stringify(partition.key)} `;
  // The op's place in the source goes in `events`, not the sentence: the caller knows
  // whether those are event indices or line numbers.
  const message =
    `No linearization exists ${where}: the longest legal order found has ${longest.length} ` +
    `operation${longest.length === 1 ? "" : "s"} and leaves the state ${model.describeState(stateAtLongest)}, ` +
    `and after it process ${op.process}'s ${model.describeOperation(op.input, op.output)} ` +
    `cannot take effect before it returns, whatever order the concurrent operations take.`;
  return {
    key: partition.key,
    longestPartialLinearization: longest.map((local) => partition.globalIndex[local]!),
    failingOperation: failingIndex,
    events: op.eventIndices,
    message: message.replace(" :", ":"),
  };
}

/**
 * explainUniqueWritesFailure reports an invalid partition from the unique-writes
 * path's reason, when the search stopped at a limit before finding its longest order.
 */
export function explainUniqueWritesFailure<Input, Output>(
  operations: ReadonlyArray<Operation<Input, Output>>,
  partition: Partition<Input, Output>,
  failing: number,
  reason: string,
): InvalidPartition {
  const failingIndex = partition.globalIndex[failing]!;
  const where = partition.key === null ? "" : ` on key ${JSON.stringify(partition.key)}`;
  return {
    key: partition.key,
    longestPartialLinearization: [],
    failingOperation: failingIndex,
    events: operations[failingIndex]!.eventIndices,
    message: `No linearization exists${where}: ${reason}. (The search stopped at its step budget or time limit, so no partial order is given.)`,
  };
}
