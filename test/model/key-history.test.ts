// One key's facts and its supersession questions, against the definitions in docs/spec.md
// read straight off the operations: a write is superseded at a moment when an ok write
// began after it completed and completed before that moment.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory } from "../../model/history-context.ts";
import { indexKeyHistories, isSuperseded, keyFacts, okDeleteAfter, someDeleteNotSuperseded, supersedersOf, type SupersessionIndex } from "../../model/key-history.ts";
import type { Operation } from "../../model/operations.ts";
import { causalHistory } from "../support/causal-histories.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { phasedHistory } from "../support/phased-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const histories = fc.oneof(phasedHistory({ keys: ["x"], maxOpsPerPhase: 4 }), clusterHistory({ maxOps: 10, maxEvents: 0 }), causalHistory());

/** completedBefore: the op certainly completed before position `at` (an info op never does). */
const completedBefore = (op: Operation, at: number) => op.outcome !== "info" && op.completeIndex !== undefined && op.completeIndex < at;
/** beganAfter: `later` was invoked after `earlier` completed. */
const beganAfter = (later: Operation, earlier: Operation) => earlier.outcome !== "info" && earlier.completeIndex! < later.invokeIndex;

describe("keyFacts and indexKeyHistories", () => {
  prop([histories], options)(`group each key's ops and index its writes (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const byKey = new Map<string, Operation[]>();
    for (const op of context.operations) byKey.set(op.key, [...(byKey.get(op.key) ?? []), op]);
    expect([...context.keys.keys()]).toEqual([...byKey.keys()]);
    for (const [key, ops] of byKey) {
      const history = context.keys.get(key)!;
      expect(history.key).toBe(key);
      expect(history.operations).toEqual(ops);
      for (const op of ops.filter((o) => o.kind === "put")) expect(history.putByValue.get(op.value!)).toBe(op);
      expect(history.putByValue.size).toBe(ops.filter((o) => o.kind === "put").length);
      // Tombstone ids name deletes only, and only deletes that have one (causal histories).
      const named = ops.filter((o) => o.kind === "delete" && o.tombstone !== undefined);
      expect([...history.deleteByTombstone.keys()].sort()).toEqual(named.map((o) => o.tombstone).sort());
      for (const op of named) expect(history.deleteByTombstone.get(op.tombstone!)).toBe(op);
      expect(history.deletes).toEqual(ops.filter((o) => o.kind === "delete" && o.outcome !== "fail"));
      const okWrites = ops.filter((o) => o.kind !== "get" && o.outcome === "ok").sort((a, b) => a.completeIndex! - b.completeIndex!);
      expect(history.okWritesByReturn).toEqual(okWrites);
      expect(history.okDeletesByReturn).toEqual(okWrites.filter((o) => o.kind === "delete"));
    }
  });

  prop([histories], options)(`use the supersession index they are given (seed ${seed})`, (h) => {
    const operations = prepareHistory(h).operations;
    const asked: string[] = [];
    const index: SupersessionIndex = (facts) => {
      asked.push(facts.key);
      return { isSuperseded: () => true, someDeleteNotSuperseded: () => true, okDeleteAfter: () => undefined };
    };
    const histories = indexKeyHistories(operations, index);
    expect(asked).toEqual([...histories.keys()]);
    for (const history of histories.values()) expect(isSuperseded(history, undefined, 0)).toBe(true);
  });
});

describe("the supersession questions", () => {
  prop([histories], options)(`are answered by their definitions at every position (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    // Disagreements are collected and compared once: a per-answer expect is too slow here.
    const wrong: string[] = [];
    const check = (what: string, actual: unknown, expected: unknown) => {
      if (actual !== expected) wrong.push(`${what}: ${String(actual)} instead of ${String(expected)}`);
    };
    for (const history of context.keys.values()) {
      const ops = history.operations;
      const okWrites = ops.filter((o) => o.kind !== "get" && o.outcome === "ok");
      const writes = ops.filter((o) => o.kind !== "get");
      const superseded = (write: Operation | undefined, at: number) => okWrites.some((w) => completedBefore(w, at) && (write === undefined || beganAfter(w, write)));
      // The answers change only at ops' events: ask there and just after.
      const positions = [...new Set([0, h.events.length, ...ops.flatMap((o) => [o.invokeIndex, o.invokeIndex + 1, ...(o.completeIndex === undefined ? [] : [o.completeIndex, o.completeIndex + 1])])])];
      for (const at of positions) {
        check(`initial superseded at ${at}`, isSuperseded(history, undefined, at), superseded(undefined, at));
        check(`superseders of the initial state at ${at}`, supersedersOf(history, undefined, at).map((w) => w.invokeIndex).join(), history.okWritesByReturn.filter((w) => completedBefore(w, at)).map((w) => w.invokeIndex).join());
        for (const write of writes) {
          const name = `write at ${write.invokeIndex}, position ${at}`;
          check(`superseded: ${name}`, isSuperseded(history, write, at), superseded(write, at));
          const superseders = supersedersOf(history, write, at);
          const expected = okWrites.filter((w) => w !== write && completedBefore(w, at) && beganAfter(w, write));
          check(`superseders: ${name}`, superseders.length === expected.length && expected.every((w) => superseders.includes(w)), true);
          const candidates = history.okDeletesByReturn.filter((d) => completedBefore(d, at) && beganAfter(d, write));
          check(`okDeleteAfter: ${name}`, okDeleteAfter(history, write, at), candidates[0]);
        }
        for (const invokedBy of [-1, ...positions]) {
          const visible = history.deletes.filter((d) => d.invokeIndex <= invokedBy);
          check(`someDeleteNotSuperseded(${invokedBy}, ${at})`, someDeleteNotSuperseded(history, invokedBy, at), visible.some((d) => !superseded(d, at)));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  prop([histories], options)(`keyFacts of a key's ops are what indexKeyHistories holds for it (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const { supersession: _ignored, ...facts } = history;
      expect(keyFacts(history.key, history.operations)).toEqual(facts);
    }
  });
});
