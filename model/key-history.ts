// One key's operations, indexed for the questions the spec asks about them: which put
// wrote this value, which delete wrote this tombstone, and which ok writes completed
// before a given moment (to decide whether a write is superseded).
import type { Operation } from "./operations.ts";
import type { Key, TombstoneId, Value } from "./vocabulary.ts";

/** KeyHistory is the per-key index of a history's operations. */
export interface KeyHistory {
  key: Key;
  /** operations: every operation on the key, in invocation order. */
  operations: Operation[];
  /** putByValue: the put that wrote each value (values are unique), failed ones included. */
  putByValue: Map<Value, Operation>;
  /** deleteByTombstone: the delete that wrote each tombstone id (causal histories). */
  deleteByTombstone: Map<TombstoneId, Operation>;
  /** deletes: every delete that did not fail, in invocation order. */
  deletes: Operation[];
  /** okWritesByReturn: ok puts and deletes, in order of completion. */
  okWritesByReturn: Operation[];
  /** latestCallUpTo[i]: the latest invocation position among okWritesByReturn[0..i]. */
  latestCallUpTo: number[];
}

/** indexKeyHistories groups operations by key and indexes each group. */
export function indexKeyHistories(operations: readonly Operation[]): Map<Key, KeyHistory> {
  const byKey = new Map<Key, Operation[]>();
  for (const op of operations) {
    const list = byKey.get(op.key);
    if (list === undefined) byKey.set(op.key, [op]);
    else list.push(op);
  }
  const histories = new Map<Key, KeyHistory>();
  for (const [key, ops] of byKey) histories.set(key, indexKey(key, ops));
  return histories;
}

function indexKey(key: Key, operations: Operation[]): KeyHistory {
  const putByValue = new Map<Value, Operation>();
  const deleteByTombstone = new Map<TombstoneId, Operation>();
  const deletes: Operation[] = [];
  const okWrites: Operation[] = [];
  for (const op of operations) {
    if (op.kind === "put" && op.value !== undefined) putByValue.set(op.value, op);
    if (op.kind === "delete" && op.tombstone !== undefined) deleteByTombstone.set(op.tombstone, op);
    if (op.kind === "delete" && op.outcome !== "fail") deletes.push(op);
    if (op.kind !== "get" && op.outcome === "ok") okWrites.push(op);
  }
  okWrites.sort((a, b) => a.returnAt - b.returnAt);
  const latestCallUpTo: number[] = [];
  let latest = -Infinity;
  for (const op of okWrites) {
    latest = Math.max(latest, op.callAt);
    latestCallUpTo.push(latest);
  }
  return { key, operations, putByValue, deleteByTombstone, deletes, okWritesByReturn: okWrites, latestCallUpTo };
}

/** okWritesCompletedBefore counts the ok writes that completed before position `at`. */
function okWritesCompletedBefore(history: KeyHistory, at: number): number {
  let low = 0;
  let high = history.okWritesByReturn.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (history.okWritesByReturn[middle]!.returnAt < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * isSuperseded says whether a write (or, for `undefined`, the initial absent state) is
 * superseded at position `at`: some ok write began after it completed and completed
 * before `at`. An info write never completed, so nothing supersedes it.
 */
export function isSuperseded(history: KeyHistory, write: Operation | undefined, at: number): boolean {
  const count = okWritesCompletedBefore(history, at);
  if (count === 0) return false;
  if (write === undefined) return true;
  return history.latestCallUpTo[count - 1]! > write.returnAt;
}

/** supersedersOf lists the ok writes that supersede `write` (or the initial state) at `at`. */
export function supersedersOf(history: KeyHistory, write: Operation | undefined, at: number): Operation[] {
  const count = okWritesCompletedBefore(history, at);
  const completed = history.okWritesByReturn.slice(0, count);
  return write === undefined ? completed : completed.filter((op) => op.callAt > write.returnAt && op !== write);
}
