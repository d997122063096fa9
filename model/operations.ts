// Client operations as the spec sees them: an invoke paired with its completion, with
// the interval in real time during which it may have taken effect.
import type {
  CausalContext,
  GetResult,
  HistoryEvent,
  Key,
  OperationKind,
  Outcome,
  ProcessId,
  Ticks,
  TombstoneId,
  Value,
  Version,
} from "./vocabulary.ts";

/**
 * Operation is one client operation. Real-time order is the history's order, as in
 * Jepsen: an op precedes another iff its completion comes before the other's invoke
 * (`returnAt < callAt`, event positions), which also orders ops recorded at the same
 * tick. `returnAt` is Infinity when the outcome is `info` (or the invoke never
 * completed): such an op may take effect at any time after its invocation, or never,
 * so nothing comes after it in real time. The times in ticks are for people and for
 * the GC contract's grace period.
 */
export interface Operation {
  process: ProcessId;
  kind: OperationKind;
  key: Key;
  value?: Value;
  tombstone?: TombstoneId;
  context?: CausalContext;
  outcome: Outcome;
  result?: GetResult;
  /** version: the version the store recorded for a put or delete, when it did. */
  version?: Version;
  /** callAt / returnAt: event positions of the invoke and completion (Infinity for info). */
  callAt: number;
  returnAt: number;
  /** callTime / returnTime: the same moments in ticks (returnTime Infinity for info). */
  callTime: Ticks;
  returnTime: Ticks;
  /** invokeIndex: the event index of the invoke (its position after the header). */
  invokeIndex: number;
  /** completeIndex: the event index of the completion, absent for an invoke left open. */
  completeIndex?: number;
}

/** operationEvents lists the event indices an operation stands on, for reports. */
export function operationEvents(op: Operation): number[] {
  return op.completeIndex === undefined ? [op.invokeIndex] : [op.invokeIndex, op.completeIndex];
}

/** isWrite says whether an operation changes the key (put or delete). */
export function isWrite(op: Operation): boolean {
  return op.kind !== "get";
}

/**
 * pairOperations pairs each invoke with the next completion of the same process, in
 * invocation order. An invoke left open at the end counts as `info`. The history reader
 * has already rejected completions without an invoke, so one here is a bug.
 */
export function pairOperations(events: readonly HistoryEvent[]): Operation[] {
  const pairer = new OperationPairer();
  events.forEach((event, index) => pairer.add(event, index));
  return pairer.operations;
}

/** OperationPairer pairs operations as the events come, for a reader that keeps no events. */
export class OperationPairer {
  /** operations: the operations so far, in invocation order; an open one reads as `info`. */
  readonly operations: Operation[] = [];
  private readonly open = new Map<ProcessId, Operation>();

  /** add takes the history's event at `index`; events other than invokes and completions are ignored. */
  add(event: HistoryEvent, index: number): void {
    if (event.kind === "invoke") {
      const op: Operation = {
        process: event.process,
        kind: event.op,
        key: event.key,
        outcome: "info",
        callAt: index,
        returnAt: Infinity,
        callTime: event.time,
        returnTime: Infinity,
        invokeIndex: index,
      };
      if (event.value !== undefined) op.value = event.value;
      if (event.tombstone !== undefined) op.tombstone = event.tombstone;
      if (event.context !== undefined) op.context = event.context;
      this.open.set(event.process, op);
      this.operations.push(op);
    } else if (event.kind === "complete") {
      const op = this.open.get(event.process);
      if (op === undefined) throw new Error(`event ${index}: complete without invoke (reader bug)`);
      this.open.delete(event.process);
      op.outcome = event.outcome;
      op.completeIndex = index;
      if (event.outcome !== "info") {
        op.returnAt = index;
        op.returnTime = event.time;
      }
      if (event.result !== undefined) op.result = event.result;
      if (event.version !== undefined) op.version = event.version;
    }
  }
}

/** precedes says whether `a` completed before `b` was invoked (real-time order). */
export function precedes(a: Operation, b: Operation): boolean {
  return a.returnAt < b.callAt;
}
