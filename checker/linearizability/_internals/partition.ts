// Preparing a history for the search: drop what constrains nothing, split by key.

import type { Operation, SequentialModel } from "../../../model/sequential/index.ts";
import type { PartitionInput } from "./search.ts";

/** Partition is one key's operations, ready for the search, with their global indices. */
export interface Partition<Input, Output> extends PartitionInput<Input, Output> {
  key: string | null;
  /** globalIndex: local operation index → index in the checked operation list. */
  globalIndex: number[];
}

/**
 * partitionOperations drops `fail` operations (they did not happen) and read-only
 * operations with unknown outcome (they constrain nothing), then groups the rest by
 * the model's `partitionKey`, keeping first-seen key order. An `info` operation's
 * return time becomes Infinity whatever was recorded.
 */
export function partitionOperations<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
): Array<Partition<Input, Output>> {
  // Two passes over flat arrays: long histories make closures and growing arrays costly.
  const partitionIds = new Map<string | null, number>();
  const keys: Array<string | null> = [];
  const partitionOf = new Int32Array(operations.length).fill(-1);
  const sizes: number[] = [];
  for (let index = 0; index < operations.length; index++) {
    const op = operations[index]!;
    if (op.outcome === "fail") continue;
    if (op.outcome === "info" && model.readOnly?.(op.input) === true) continue;
    const key = model.partitionKey ? model.partitionKey(op.input) : null;
    let id = partitionIds.get(key);
    if (id === undefined) {
      id = keys.length;
      partitionIds.set(key, id);
      keys.push(key);
      sizes.push(0);
    }
    partitionOf[index] = id;
    sizes[id]!++;
  }
  const partitions = keys.map((key, id): Partition<Input, Output> => {
    const size = sizes[id]!;
    return {
      key,
      globalIndex: new Array<number>(size),
      inputs: new Array<Input>(size),
      outputs: new Array<Output | undefined>(size),
      callTimes: new Float64Array(size),
      returnTimes: new Float64Array(size),
    };
  });
  const filled = new Int32Array(keys.length);
  for (let index = 0; index < operations.length; index++) {
    const id = partitionOf[index]!;
    if (id === -1) continue;
    const op = operations[index]!;
    const partition = partitions[id]!;
    const local = filled[id]!++;
    const known = op.outcome === "ok";
    partition.globalIndex[local] = index;
    partition.inputs[local] = op.input;
    partition.outputs[local] = known ? op.output : undefined;
    partition.callTimes[local] = op.callTime;
    partition.returnTimes[local] = known ? op.returnTime : Infinity;
  }
  return partitions;
}

/** findMalformed names the first operation whose times make no sense, if any. */
export function findMalformed<Input, Output>(operations: ReadonlyArray<Operation<Input, Output>>): string | undefined {
  for (let index = 0; index < operations.length; index++) {
    const op = operations[index]!;
    if (Number.isNaN(op.callTime) || Number.isNaN(op.returnTime) || !Number.isFinite(op.callTime)) {
      return `operation ${index} has a call time that is not a finite number`;
    }
    if (op.outcome === "ok" && !(op.returnTime >= op.callTime && Number.isFinite(op.returnTime))) {
      return `operation ${index} completed ok but its return time ${op.returnTime} is not a finite time at or after its call time ${op.callTime}`;
    }
  }
  return undefined;
}
