// One key's operations, grouped for the questions the spec asks about them: which put
// wrote this value, which delete wrote this tombstone, and whether a write is superseded
// at a given moment. The questions are answered here by their plain definitions; a
// checker may pass a faster index that answers the same (checker/supersession-index.ts,
// kept equal to these definitions by a property test).
import { appendTo } from "./grouped-lists.ts";
import type { Operation } from "./operations.ts";
import type { Key, TombstoneId, Value } from "./vocabulary.ts";

/** KeyFacts is one key's operations, grouped. */
export interface KeyFacts {
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
  /** okDeletesByReturn: ok deletes in order of completion. */
  okDeletesByReturn: Operation[];
}

/**
 * Supersession answers, for one key, the questions of real-time supersession; positions
 * are event positions (an op's `callAt` / `returnAt`).
 */
export interface Supersession {
  /**
   * isSuperseded: is `write` (or, for `undefined`, the initial absent state) superseded at
   * position `at`: some ok write began after it completed and completed before `at`? An
   * info write never completed, so nothing supersedes it.
   */
  isSuperseded(write: Operation | undefined, at: number): boolean;
  /** someDeleteNotSuperseded: is some delete (not failed) invoked by position `invokedBy` not superseded at `at`? */
  someDeleteNotSuperseded(invokedBy: number, at: number): boolean;
  /** okDeleteAfter: the first ok delete (in completion order) that completed before `at` and began after `write` completed. */
  okDeleteAfter(write: Operation, at: number): Operation | undefined;
}

/** SupersessionIndex builds the answers for one key's facts. */
export type SupersessionIndex = (facts: KeyFacts) => Supersession;

/** KeyHistory is one key's facts with the answers to its supersession questions. */
export interface KeyHistory extends KeyFacts {
  supersession: Supersession;
}

/** plainSupersession answers by the definitions themselves: every question looks at every write. */
export const plainSupersession: SupersessionIndex = (facts) => {
  const isSuperseded = (write: Operation | undefined, at: number): boolean =>
    facts.okWritesByReturn.some((w) => w.returnAt < at && (write === undefined || w.callAt > write.returnAt));
  return {
    isSuperseded,
    someDeleteNotSuperseded: (invokedBy, at) => facts.deletes.some((d) => d.callAt <= invokedBy && !isSuperseded(d, at)),
    okDeleteAfter: (write, at) => facts.okDeletesByReturn.find((d) => d.returnAt < at && d.callAt > write.returnAt),
  };
};

/** indexKeyHistories groups operations by key and answers each key's questions with `index`. */
export function indexKeyHistories(operations: readonly Operation[], index: SupersessionIndex = plainSupersession): Map<Key, KeyHistory> {
  const byKey = new Map<Key, Operation[]>();
  for (const op of operations) appendTo(byKey, op.key, op);
  const histories = new Map<Key, KeyHistory>();
  for (const [key, ops] of byKey) {
    const facts = keyFacts(key, ops);
    histories.set(key, { ...facts, supersession: index(facts) });
  }
  return histories;
}

/** keyFacts groups one key's operations. */
export function keyFacts(key: Key, operations: Operation[]): KeyFacts {
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
  return {
    key,
    operations,
    putByValue,
    deleteByTombstone,
    deletes,
    okWritesByReturn: okWrites,
    okDeletesByReturn: okWrites.filter((op) => op.kind === "delete"),
  };
}

/** isSuperseded: see Supersession. */
export function isSuperseded(history: KeyHistory, write: Operation | undefined, at: number): boolean {
  return history.supersession.isSuperseded(write, at);
}

/** someDeleteNotSuperseded: see Supersession. */
export function someDeleteNotSuperseded(history: KeyHistory, invokedBy: number, at: number): boolean {
  return history.supersession.someDeleteNotSuperseded(invokedBy, at);
}

/** okDeleteAfter: see Supersession. */
export function okDeleteAfter(history: KeyHistory, write: Operation, at: number): Operation | undefined {
  return history.supersession.okDeleteAfter(write, at);
}

/** supersedersOf lists the ok writes that supersede `write` (or the initial state) at `at`, for reports. */
export function supersedersOf(history: KeyFacts, write: Operation | undefined, at: number): Operation[] {
  const completed = history.okWritesByReturn.filter((op) => op.returnAt < at);
  return write === undefined ? completed : completed.filter((op) => op.callAt > write.returnAt && op !== write);
}
