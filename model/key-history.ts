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
  /** latestDeleteReturnUpTo[i]: the latest completion among deletes[0..i] (Infinity once an info delete is among them). */
  latestDeleteReturnUpTo: number[];
  /** okDeletesByReturn: ok deletes in order of completion. */
  okDeletesByReturn: Operation[];
  /** latestOkDeleteCallUpTo[i]: the latest invocation among okDeletesByReturn[0..i]. */
  latestOkDeleteCallUpTo: number[];
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
  const okDeletes = okWrites.filter((op) => op.kind === "delete");
  return {
    key,
    operations,
    putByValue,
    deleteByTombstone,
    deletes,
    latestDeleteReturnUpTo: runningMax(deletes.map((op) => op.returnAt)),
    okDeletesByReturn: okDeletes,
    latestOkDeleteCallUpTo: runningMax(okDeletes.map((op) => op.callAt)),
    okWritesByReturn: okWrites,
    latestCallUpTo: runningMax(okWrites.map((op) => op.callAt)),
  };
}

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

/** okWritesCompletedBefore counts the ok writes that completed before position `at`. */
function okWritesCompletedBefore(history: KeyHistory, at: number): number {
  return countBefore(history.okWritesByReturn, (op) => op.returnAt, at);
}

/**
 * someDeleteNotSuperseded says whether a delete invoked by position `invokedBy` is not
 * superseded at position `at`: one of them completed no earlier than the latest ok write
 * that completed before `at` began.
 */
export function someDeleteNotSuperseded(history: KeyHistory, invokedBy: number, at: number): boolean {
  const visible = countBefore(history.deletes, (op) => op.callAt, invokedBy + 1);
  if (visible === 0) return false;
  const completed = okWritesCompletedBefore(history, at);
  if (completed === 0) return true;
  return history.latestDeleteReturnUpTo[visible - 1]! >= history.latestCallUpTo[completed - 1]!;
}

/** okDeleteAfter finds an ok delete that completed before position `at` and began after `write` completed. */
export function okDeleteAfter(history: KeyHistory, write: Operation, at: number): Operation | undefined {
  const completed = countBefore(history.okDeletesByReturn, (op) => op.returnAt, at);
  if (completed === 0 || history.latestOkDeleteCallUpTo[completed - 1]! <= write.returnAt) return undefined;
  return history.okDeletesByReturn.slice(0, completed).find((op) => op.callAt > write.returnAt);
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
