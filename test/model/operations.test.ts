// Operations: each invoke is paired with the next completion of its process; an info or
// open op never completes, so nothing follows it in real time; real-time order is the
// history's order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWrite, operationEvents, pairOperations, precedes, type Operation } from "../../model/operations.ts";
import type { GetResult, HistoryEvent, OperationKind, Outcome } from "../../model/vocabulary.ts";
import { chance, numRuns, prop, seed } from "../support/property-runs.ts";

interface Step {
  process: number;
  kind: OperationKind;
  outcome: Outcome;
  /** barrier: a cluster event recorded at this step instead (it pairs nothing). */
  barrier: boolean;
}

const stepArbitrary = fc.record({
  process: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom<OperationKind>("put", "delete", "get"),
  outcome: fc.constantFrom<Outcome>("ok", "ok", "fail", "info"),
  barrier: chance(0.15),
});

/** toEvents turns steps into a well-formed history: a step invokes on an idle process, completes an open one. */
function toEvents(steps: Step[]): HistoryEvent[] {
  const open = new Map<number, OperationKind>();
  const events: HistoryEvent[] = [];
  steps.forEach((step, i) => {
    const time = i * 2;
    if (step.barrier) {
      events.push({ kind: "barrier", time });
      return;
    }
    const kind = open.get(step.process);
    if (kind === undefined) {
      const invoke: HistoryEvent = { kind: "invoke", time, process: step.process, op: step.kind, key: `k${i % 2}` };
      if (step.kind === "put") invoke.value = `v${i}`;
      if (step.kind === "delete") invoke.tombstone = `t${i}`;
      if (step.kind !== "get") invoke.context = { values: [`v${i - 1}`], tombstones: [] };
      open.set(step.process, step.kind);
      events.push(invoke);
    } else {
      const complete: HistoryEvent = { kind: "complete", time: time + 1, process: step.process, op: kind, key: "ignored", outcome: step.outcome };
      if (kind === "get" && step.outcome === "ok") complete.result = { kind: "value", value: `r${i}` } satisfies GetResult;
      if (kind !== "get" && step.outcome !== "fail") complete.version = { kind: "lww", timestamp: i, node: "n1" };
      open.delete(step.process);
      events.push(complete);
    }
  });
  return events;
}

/** completionOf finds, by scanning, the completion that closes the invoke at `index`. */
function completionOf(events: HistoryEvent[], index: number): number | undefined {
  const process = (events[index] as Extract<HistoryEvent, { kind: "invoke" }>).process;
  for (let i = index + 1; i < events.length; i++) {
    const event = events[i]!;
    if (event.kind === "complete" && event.process === process) return i;
  }
  return undefined;
}

const options = { seed, numRuns: numRuns() };
const histories = fc.array(stepArbitrary, { maxLength: 30 }).map(toEvents);

describe("pairOperations", () => {
  prop([histories], options)(`pairs each invoke with its process's next completion, in invocation order (seed ${seed})`, (events) => {
    const operations = pairOperations(events);
    const invokes = events.flatMap((event, index) => (event.kind === "invoke" ? [index] : []));
    expect(operations.map((op) => op.invokeIndex)).toEqual(invokes);
    for (const op of operations) {
      const invoke = events[op.invokeIndex] as Extract<HistoryEvent, { kind: "invoke" }>;
      const completeIndex = completionOf(events, op.invokeIndex);
      expect(op.completeIndex).toBe(completeIndex);
      expect([op.process, op.kind, op.key, op.value, op.tombstone, op.context]).toEqual([invoke.process, invoke.op, invoke.key, invoke.value, invoke.tombstone, invoke.context]);
      expect([op.callAt, op.callTime]).toEqual([op.invokeIndex, invoke.time]);
      const complete = completeIndex === undefined ? undefined : (events[completeIndex] as Extract<HistoryEvent, { kind: "complete" }>);
      expect(op.outcome).toBe(complete?.outcome ?? "info");
      expect(op.result).toEqual(complete?.result);
      expect(op.version).toEqual(complete?.version);
      // An info op, or one never completed, has no end in real time.
      const completes = complete !== undefined && complete.outcome !== "info";
      expect(op.returnAt).toBe(completes ? completeIndex : Infinity);
      expect(op.returnTime).toBe(completes ? complete.time : Infinity);
      expect(operationEvents(op)).toEqual(completeIndex === undefined ? [op.invokeIndex] : [op.invokeIndex, completeIndex]);
    }
  });

  prop([histories], options)(`orders one process's ops, puts nothing after an info op, and is a strict order (seed ${seed})`, (events) => {
    const operations = pairOperations(events);
    for (const a of operations) {
      expect(precedes(a, a)).toBe(false);
      for (const b of operations) {
        expect(precedes(a, b)).toBe(a.completeIndex !== undefined && a.outcome !== "info" && a.completeIndex < b.invokeIndex);
        if (precedes(a, b)) expect(precedes(b, a)).toBe(false);
        for (const c of operations) if (precedes(a, b) && precedes(b, c)) expect(precedes(a, c)).toBe(true);
      }
    }
    for (const [i, a] of operations.entries()) {
      const next = operations.slice(i + 1).find((b) => b.process === a.process);
      if (next !== undefined && a.outcome !== "info") expect(precedes(a, next)).toBe(true);
    }
  });

  it("a completion without an invoke is a reader bug, thrown", () => {
    expect(() => pairOperations([{ kind: "complete", time: 0, process: 0, op: "get", key: "x", outcome: "ok" }])).toThrow(/event 0/);
  });
});

describe("isWrite", () => {
  it("puts and deletes change the key; gets do not", () => {
    const op = (kind: OperationKind): Operation => pairOperations([{ kind: "invoke", time: 0, process: 0, op: kind, key: "x" }])[0]!;
    expect([isWrite(op("put")), isWrite(op("delete")), isWrite(op("get"))]).toEqual([true, true, false]);
  });
});
