// The doubly linked list of call and return entries the search walks (Wing & Gong):
// linearizing an operation lifts its two entries out; backtracking puts them back.

/** EntryList is the list over one partition's operations, in typed arrays. */
export interface EntryList {
  /** head, tail: sentinels; the real entries are 1..entryCount. */
  head: number;
  tail: number;
  next: Int32Array;
  prev: Int32Array;
  /** operationOf: the (local) operation an entry belongs to. */
  operationOf: Int32Array;
  /** isCall: 1 for a call entry, 0 for a return entry (and the sentinels). */
  isCall: Uint8Array;
  /** returnOf: a call entry's return entry, or -1 for an operation with unknown outcome. */
  returnOf: Int32Array;
  /** returnCount: how many return entries there are (operations that completed ok). */
  returnCount: number;
}

/**
 * buildEntryList orders the calls and returns by time. On equal times a call comes
 * before a return, so operations whose intervals touch count as concurrent; an
 * operation with `returnTime` Infinity gets no return entry at all.
 */
export function buildEntryList(callTimes: Float64Array, returnTimes: Float64Array): EntryList {
  const operationCount = callTimes.length;
  // Calls and returns are sorted apart and merged: each list is usually in order
  // already (histories are recorded in time order), and the sort is fast on sorted runs.
  const calls: number[] = [];
  const returns: number[] = [];
  for (let op = 0; op < operationCount; op++) {
    calls.push(op);
    if (returnTimes[op] !== Infinity) returns.push(op);
  }
  calls.sort((a, b) => callTimes[a]! - callTimes[b]! || a - b);
  returns.sort((a, b) => returnTimes[a]! - returnTimes[b]! || a - b);
  // Entry code: operation * 2 for its call, operation * 2 + 1 for its return.
  const order: number[] = [];
  let c = 0;
  let r = 0;
  while (c < calls.length || r < returns.length) {
    if (r === returns.length || (c < calls.length && callTimes[calls[c]!]! <= returnTimes[returns[r]!]!)) order.push(calls[c++]! * 2);
    else order.push(returns[r++]! * 2 + 1);
  }

  const entryCount = order.length;
  const size = entryCount + 2;
  const list: EntryList = {
    head: 0,
    tail: entryCount + 1,
    next: new Int32Array(size),
    prev: new Int32Array(size),
    operationOf: new Int32Array(size).fill(-1),
    isCall: new Uint8Array(size),
    returnOf: new Int32Array(size).fill(-1),
    returnCount: entryCount - operationCount,
  };
  const callEntryOf = new Int32Array(operationCount);
  order.forEach((code, index) => {
    const entry = index + 1;
    const op = code >> 1;
    list.operationOf[entry] = op;
    if (code & 1) list.returnOf[callEntryOf[op]!] = entry;
    else {
      list.isCall[entry] = 1;
      callEntryOf[op] = entry;
    }
  });
  for (let entry = 0; entry < size; entry++) {
    list.next[entry] = entry + 1 < size ? entry + 1 : -1;
    list.prev[entry] = entry - 1;
  }
  return list;
}

/** lift takes a call entry and its return entry out of the list. */
export function lift(list: EntryList, call: number): void {
  const { next, prev } = list;
  next[prev[call]!] = next[call]!;
  prev[next[call]!] = prev[call]!;
  const ret = list.returnOf[call]!;
  if (ret !== -1) {
    next[prev[ret]!] = next[ret]!;
    prev[next[ret]!] = prev[ret]!;
  }
}

/** unlift puts back what `lift` took out; calls must be undone in reverse order. */
export function unlift(list: EntryList, call: number): void {
  const { next, prev } = list;
  const ret = list.returnOf[call]!;
  if (ret !== -1) {
    prev[next[ret]!] = ret;
    next[prev[ret]!] = ret;
  }
  prev[next[call]!] = call;
  next[prev[call]!] = call;
}
