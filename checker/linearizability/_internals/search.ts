// The Wing–Gong–Lowe search over one partition: depth-first, trying each pending call
// in time order, backtracking at the first return that is not yet linearized, and
// skipping any (linearized set, state) already explored.

import type { SequentialModel } from "../../../model/sequential/index.ts";
import { buildEntryList, lift, unlift } from "./entries.ts";
import { VisitedSet } from "./visited.ts";

/** PartitionInput is one partition's operations (local indices 0..n-1). */
export interface PartitionInput<Input, Output> {
  inputs: Input[];
  /** outputs: `undefined` for an operation with unknown outcome. */
  outputs: Array<Output | undefined>;
  callTimes: Float64Array;
  returnTimes: Float64Array;
}

/** SearchResult is one partition's outcome, in local operation indices. */
export type SearchResult<State> =
  | { kind: "valid"; steps: number }
  | { kind: "invalid"; steps: number; longest: number[]; failing: number; stateAtLongest: State }
  | { kind: "unknown"; steps: number };

/**
 * searchPartition looks for a linearization of the partition. It succeeds once every
 * operation that returned is linearized: operations with unknown outcome left over
 * never took effect. `maxSteps` bounds the calls to `model.step`.
 */
export function searchPartition<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  partition: PartitionInput<Input, Output>,
  maxSteps: number,
): SearchResult<State> {
  const { inputs, outputs } = partition;
  const list = buildEntryList(partition.callTimes, partition.returnTimes);
  const { next, operationOf, isCall, returnOf } = list;
  const operationCount = inputs.length;
  // Bits: ok operations first in call order, unknown-outcome ones in their own region.
  const bitOf = new Int32Array(operationCount);
  let okCount = 0;
  for (let op = 0; op < operationCount; op++) if (partition.returnTimes[op] !== Infinity) bitOf[op] = okCount++;
  const visited = new VisitedSet(okCount, operationCount - okCount);
  for (let op = 0, unknown = 0; op < operationCount; op++) {
    if (partition.returnTimes[op] === Infinity) bitOf[op] = visited.bitOfUnknown(unknown++);
  }
  const states: State[] = [model.init()];
  const stateIds = new Map<string, number>([[model.key(states[0]!), 0]]);
  const stackEntry = new Int32Array(operationCount);
  const stackState = new Int32Array(operationCount);
  let depth = 0;
  let state = 0;
  let remainingReturns = list.returnCount;
  let steps = 0;
  // The longest order found, kept without copying the stack each time it grows:
  // `agreeing` leading entries of `longest` equal the current stack.
  const longest = new Int32Array(operationCount);
  let longestLength = -1;
  let longestFailing = -1;
  let longestState = 0;
  let agreeing = 0;
  let entry = next[list.head]!;
  const memoFrom = new Int32Array(operationCount).fill(-1);
  const memoTo = new Int32Array(operationCount);
  const intern = (next: State): number => {
    const key = model.key(next);
    let id = stateIds.get(key);
    if (id === undefined) {
      id = states.length;
      states.push(next);
      stateIds.set(key, id);
    }
    return id;
  };

  while (remainingReturns > 0) {
    if (isCall[entry] === 1) {
      const op = operationOf[entry]!;
      // Checked before the step, so an unknown result reports exactly the steps taken.
      if (steps === maxSteps) return { kind: "unknown", steps };
      steps++;
      // The same operation is often tried again from the same state: remember its last step.
      let nextState: number;
      if (memoFrom[op] === state) nextState = memoTo[op]!;
      else {
        const result = model.step(states[state]!, inputs[op]!, outputs[op]);
        nextState = result.ok ? intern(result.next) : -1;
        memoFrom[op] = state;
        memoTo[op] = nextState;
      }
      if (nextState !== -1) {
        if (visited.tryAdd(bitOf[op]!, nextState)) {
          if (agreeing === depth && depth < longestLength && longest[depth] === op) agreeing++;
          stackEntry[depth] = entry;
          stackState[depth] = state;
          depth++;
          state = nextState;
          lift(list, entry);
          if (returnOf[entry] !== -1) remainingReturns--;
          entry = next[list.head]!;
          continue;
        }
      }
      entry = next[entry]!;
    } else {
      // A return whose operation is not linearized: nothing pending fits here.
      if (depth > longestLength) {
        for (let i = agreeing; i < depth; i++) longest[i] = operationOf[stackEntry[i]!]!;
        longestLength = agreeing = depth;
        longestFailing = operationOf[entry]!;
        longestState = state;
      }
      if (depth === 0) {
        const order = Array.from(longest.subarray(0, longestLength));
        return { kind: "invalid", steps, longest: order, failing: longestFailing, stateAtLongest: states[longestState]! };
      }
      depth--;
      if (agreeing > depth) agreeing = depth;
      const undone = stackEntry[depth]!;
      state = stackState[depth]!;
      visited.clear(bitOf[operationOf[undone]!]!);
      unlift(list, undone);
      if (returnOf[undone] !== -1) remainingReturns++;
      entry = next[undone]!;
    }
  }
  return { kind: "valid", steps };
}
