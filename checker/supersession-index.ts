// The spec's supersession questions (model/key-history.ts) answered in O(log n) each:
// running maxima over the writes sorted by completion, and binary search. The answers
// are the plain definitions' (a property test checks that on generated histories); only
// the cost differs, which matters at 10^6 operations.
import type { KeyFacts, Supersession, SupersessionIndex } from "../model/key-history.ts";
import type { Operation } from "../model/operations.ts";

/** indexedSupersession builds the index for one key. */
export const indexedSupersession: SupersessionIndex = (facts: KeyFacts): Supersession => {
  const okWrites = facts.okWritesByReturn;
  const okDeletes = facts.okDeletesByReturn;
  /** latestCallUpTo[i]: the latest invocation among okWrites[0..i]. */
  const latestCallUpTo = runningMax(okWrites.map((op) => op.callAt));
  /** latestDeleteReturnUpTo[i]: the latest completion among deletes[0..i] (Infinity once an info delete is among them). */
  const latestDeleteReturnUpTo = runningMax(facts.deletes.map((op) => op.returnAt));
  /** latestOkDeleteCallUpTo[i]: the latest invocation among okDeletes[0..i]. */
  const latestOkDeleteCallUpTo = runningMax(okDeletes.map((op) => op.callAt));
  const completedBefore = (at: number) => countBefore(okWrites, (op) => op.returnAt, at);
  return {
    isSuperseded(write, at) {
      const count = completedBefore(at);
      if (count === 0) return false;
      if (write === undefined) return true;
      return latestCallUpTo[count - 1]! > write.returnAt;
    },
    someDeleteNotSuperseded(invokedBy, at) {
      // Some visible delete completed no earlier than the latest ok write that completed before `at` began.
      const visible = countBefore(facts.deletes, (op) => op.callAt, invokedBy + 1);
      if (visible === 0) return false;
      const completed = completedBefore(at);
      if (completed === 0) return true;
      return latestDeleteReturnUpTo[visible - 1]! >= latestCallUpTo[completed - 1]!;
    },
    okDeleteAfter(write, at) {
      const completed = countBefore(okDeletes, (op) => op.returnAt, at);
      if (completed === 0 || latestOkDeleteCallUpTo[completed - 1]! <= write.returnAt) return undefined;
      for (let position = 0; position < completed; position++) if (okDeletes[position]!.callAt > write.returnAt) return okDeletes[position];
      return undefined;
    },
  };
};

function runningMax(values: number[]): number[] {
  let latest = -Infinity;
  return values.map((value) => (latest = Math.max(latest, value)));
}

/** countBefore counts the leading ops of `ops` (sorted by `position`) whose position is below `at`. */
function countBefore(ops: readonly Operation[], position: (op: Operation) => number, at: number): number {
  let low = 0;
  let high = ops.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (position(ops[middle]!) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
