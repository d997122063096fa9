// Symmetry between identical operations: two ok operations with the same input and the
// same output take the same steps in the model, so when one of them, A, was called no later
// and returned no later than the other, B, the search need only try orders with A before B.
// Why that loses no linearization: take one with B before A, and swap the two.
// - The model sees the same steps.
// - A, moved up to B's place, was called no later than B: whatever returned before A was
//   called returned before B was called, and so already came before that place.
// - B, moved down to A's place: A returned no later than B, so whatever was called after B
//   returned was called after A returned, and so already came after A's place.
// - Nothing between the two places had to follow B (it would have had to follow A too, yet
//   came before it) or come before A (it would have had to come before B too, yet came after).
// Within one chain of such operations, ordered by call and by return alike, swapping
// inverted pairs one at a time sorts the chain, and operations outside it keep their places.
// So an operation needs only the one before it in its chain linearized before it is tried,
// and k identical concurrent reads cost one order instead of k!.
import type { PartitionInput } from "./search.ts";

/**
 * mustFollow returns, per operation of the partition, the operation that must be
 * linearized before it may be tried (-1: none). Operations with an unknown outcome are
 * left out: they may never take effect, and the just-in-time writes treat them apart.
 */
export function mustFollow<Input, Output>(partition: PartitionInput<Input, Output>): Int32Array {
  const { inputs, outputs, callTimes, returnTimes } = partition;
  const before = new Int32Array(inputs.length).fill(-1);
  const groups = new Map<string, number[]>();
  for (let op = 0; op < inputs.length; op++) {
    if (returnTimes[op] === Infinity) continue;
    const name = identity(inputs[op], outputs[op]);
    if (name === undefined) continue;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [op]);
    else group.push(op);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => callTimes[a]! - callTimes[b]! || returnTimes[a]! - returnTimes[b]! || a - b);
    // One chain per group: each member called and returned no earlier than the one before.
    let last = group[0]!;
    for (const op of group.slice(1)) {
      if (returnTimes[op]! < returnTimes[last]!) continue;
      before[op] = last;
      last = op;
    }
  }
  return before;
}

/**
 * identity names an ok operation's input and output so that two operations get the same
 * name only when they are the same values: JSON with -0 and BigInts kept apart from 0 and
 * strings; undefined when a value holds something JSON would blur.
 */
function identity(input: unknown, output: unknown): string | undefined {
  let exact = true;
  const name = JSON.stringify([input, output === undefined ? null : output], (_, value: unknown) => {
    if (typeof value === "bigint") return { "lazarus:bigint": value.toString() };
    if (Object.is(value, -0)) return { "lazarus:negative-zero": true };
    // JSON would drop an undefined field (or write null for one in an array), a function or
    // a symbol, and write null for NaN and the infinities: such values are not told apart.
    if (value === undefined || typeof value === "function" || typeof value === "symbol" || (typeof value === "number" && !Number.isFinite(value))) exact = false;
    return value;
  });
  return exact ? name : undefined;
}
