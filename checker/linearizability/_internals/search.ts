// The Wing–Gong–Lowe search over one partition: depth-first, trying each pending call
// in time order, backtracking at the first return that is not yet linearized, and
// skipping any (linearized set, state) already explored. Blind writes with unknown
// outcome are linearized just in time, paired with the operation after them
// (just-in-time-writes.ts), and of identical operations only one order is tried
// (symmetry.ts).

import type { SequentialModel } from "../../../model/sequential/index.ts";
import { buildEntryList, lift, unlift } from "./entries.ts";
import { JustInTimeWrites } from "./just-in-time-writes.ts";
import { firstPause, nextPause, type Deadline, type SearchLimit } from "./limits.ts";
import { mustFollow } from "./symmetry.ts";
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
  | { kind: "unknown"; steps: number; limit: SearchLimit };

/**
 * searchPartition looks for a linearization of the partition. It succeeds once every
 * operation that returned is linearized: operations with unknown outcome left over
 * never took effect. `maxSteps` bounds the moves tried (one operation, or a deferred
 * write with the operation after it); each costs at most one `model.step` call beyond
 * a fixed number per operation. Once `deadline` has passed, the search stops as it
 * does when the steps run out.
 */
export function searchPartition<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  partition: PartitionInput<Input, Output>,
  maxSteps: number,
  deadline?: Deadline,
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
  const callEntryOf = new Int32Array(operationCount);
  for (let entry = next[list.head]!; entry !== list.tail; entry = next[entry]!) if (isCall[entry] === 1) callEntryOf[operationOf[entry]!] = entry;
  const writes = JustInTimeWrites.build(model, partition, callEntryOf, states, intern);
  // Deferred writes are never tried alone: out of the list for good, the scan never walks
  // past them. Entry indices keep their time order, so `callEntryOf` still places them.
  if (writes !== undefined) for (let op = 0; op < operationCount; op++) if (writes.deferred[op] === 1) lift(list, callEntryOf[op]!);
  // A frame per linearized operation; a pair takes two, the write's and then the
  // observer's, whose `stackPair` holds the pair's index (else -1).
  const stackEntry = new Int32Array(operationCount);
  const stackState = new Int32Array(operationCount);
  const stackPair = new Int32Array(operationCount);
  let depth = 0;
  let state = 0;
  let remainingReturns = list.returnCount;
  let steps = 0;
  // The step count at which to look at the limits next: one comparison per step.
  let pauseAt = firstPause(maxSteps, deadline);
  // The longest order found, kept without copying the stack each time it grows:
  // `agreeing` leading entries of `longest` equal the current stack.
  const longest = new Int32Array(operationCount);
  let longestLength = -1;
  let longestFailing = -1;
  let longestState = 0;
  let agreeing = 0;
  let entry = next[list.head]!;
  // pairFrom: -1 until `entry`'s operation has been tried alone here, then the next pair to try.
  let pairFrom = -1;
  // frontier: the first return entry not linearized, found when pairs need it; -1 once the list changes.
  let frontier = -1;
  const memoFrom = new Int32Array(operationCount).fill(-1);
  const memoTo = new Int32Array(operationCount);
  // after[op]: the identical operation that must be linearized before op is tried (-1: none).
  const after = mustFollow(partition);

  // The loop's variables are plain locals, not captured by helper closures: it is the hot path.
  while (remainingReturns > 0) {
    if (isCall[entry] === 1) {
      const op = operationOf[entry]!;
      if (pairFrom === -1 && after[op] !== -1 && !visited.has(bitOf[after[op]!]!)) {
        // An identical operation that must come first is still pending: tried in its place.
        entry = next[entry]!;
        continue;
      }
      if (pairFrom === -1) {
        // Checked before the step, so an unknown result reports exactly the steps taken.
        if (steps === pauseAt) {
          const pause = nextPause(steps, maxSteps, deadline);
          if (typeof pause === "string") return { kind: "unknown", steps, limit: pause };
          pauseAt = pause;
        }
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
        if (nextState !== -1 && visited.tryAdd(bitOf[op]!, nextState)) {
          if (agreeing === depth && depth < longestLength && longest[depth] === op) agreeing++;
          stackEntry[depth] = entry;
          stackState[depth] = state;
          stackPair[depth] = -1;
          depth++;
          state = nextState;
          lift(list, entry);
          if (returnOf[entry] !== -1) remainingReturns--;
          frontier = -1;
          entry = next[list.head]!;
          continue;
        }
        if (writes === undefined || !writes.mayObserve(op)) {
          entry = next[entry]!;
          continue;
        }
        pairFrom = 0;
      }
      // A deferred write, then `op`. Alone, `op` was stepped from this state: memoFrom[op] === state.
      if (memoFrom[op] !== state) throw new Error("bug: a pair is tried before its observer was tried alone in that state");
      if (frontier === -1 && writes!.pairCount(op) > pairFrom) for (frontier = entry; isCall[frontier] === 1; ) frontier = next[frontier]!;
      const k = frontier === -1 ? -1 : writes!.nextPair(op, pairFrom, state, memoTo[op] === state, frontier, callEntryOf);
      if (k === -1) {
        pairFrom = -1;
        entry = next[entry]!;
        continue;
      }
      if (steps === pauseAt) {
        const pause = nextPause(steps, maxSteps, deadline);
        if (typeof pause === "string") return { kind: "unknown", steps, limit: pause };
        pauseAt = pause;
      }
      steps++;
      const writer = writes!.writerOf(op, k);
      const nextState = writes!.nextStateOf(op, k);
      if (!visited.tryAddPair(bitOf[writer]!, bitOf[op]!, nextState)) {
        pairFrom = k + 1;
        continue;
      }
      writes!.use(op, k);
      if (agreeing === depth && depth < longestLength && longest[depth] === writer) agreeing++;
      stackEntry[depth] = callEntryOf[writer]!;
      stackState[depth] = state;
      stackPair[depth] = -1;
      depth++;
      if (agreeing === depth && depth < longestLength && longest[depth] === op) agreeing++;
      stackEntry[depth] = entry;
      stackState[depth] = writes!.writtenStateOf(op, k);
      stackPair[depth] = k;
      depth++;
      state = nextState;
      lift(list, entry);
      if (returnOf[entry] !== -1) remainingReturns--;
      frontier = -1;
      pairFrom = -1;
      entry = next[list.head]!;
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
      const undone = stackEntry[depth]!;
      const undoneOp = operationOf[undone]!;
      const pair = stackPair[depth]!;
      visited.clear(bitOf[undoneOp]!);
      unlift(list, undone);
      if (returnOf[undone] !== -1) remainingReturns++;
      if (pair !== -1) {
        // Undo the pair's write too (never in the list), then try `undone` after the next deferred write.
        depth--;
        visited.clear(bitOf[operationOf[stackEntry[depth]!]!]!);
        writes!.release(undoneOp, pair);
        pairFrom = pair + 1;
      } else {
        // Tried alone; it may still be worth trying after a deferred write.
        pairFrom = writes !== undefined && writes.mayObserve(undoneOp) ? 0 : -1;
      }
      state = stackState[depth]!;
      if (agreeing > depth) agreeing = depth;
      frontier = -1;
      entry = pairFrom === -1 ? next[undone]! : undone;
    }
  }
  return { kind: "valid", steps };
}
