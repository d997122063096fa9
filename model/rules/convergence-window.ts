// Convergence windows: after a barrier, per key, the gets that begin after it and end
// before the next write on the key is invoked, before the next barrier, and before the
// next crash or partition all read the converged state. Those are the gets a barrier's
// promise is about: a new fault may send a sloppy read to replicas that never held the key.
import type { Barrier } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import { eventList, type Anomaly } from "../anomaly.ts";
import { describeResult } from "../describe.ts";
import { operationEvents, type Operation } from "../operations.ts";
import type { Key } from "../vocabulary.ts";

/**
 * ConvergenceWindow is one barrier's gets on one key, with the writes before it. A long
 * history has thousands of barriers and writes per key, so a window does not copy the
 * writes before it: it counts them in a list the key's windows share (`writesBefore`
 * lists them), and keeps apart the few that decide the common case.
 */
export interface ConvergenceWindow {
  barrier: Barrier;
  /** priorWrites / writeCount: the key's puts and deletes that did not fail, in invocation order; the first `writeCount` were invoked before the barrier. */
  priorWrites: readonly Operation[];
  writeCount: number;
  /** lastOkWrites: the ok writes before the barrier that may be last: none began after they completed. */
  lastOkWrites: Operation[];
  /** infoDelete: whether an info delete was invoked before the barrier (it may be last). */
  infoDelete: boolean;
  /** gets: ok gets inside the window. */
  gets: Operation[];
  /** latestOkCall: the latest invocation time among the ok writes before the barrier. */
  latestOkCall: number;
}

/** writesBefore lists the puts and deletes invoked before the window's barrier that did not fail. */
export function writesBefore(window: ConvergenceWindow): Operation[] {
  return window.priorWrites.slice(0, window.writeCount);
}

/** convergenceWindows lists the windows of one key, one per barrier with gets in it. */
export function convergenceWindows(history: KeyHistory, barriers: readonly Barrier[]): ConvergenceWindow[] {
  const windows: ConvergenceWindow[] = [];
  const ops = history.operations;
  const writes: Operation[] = [];
  let lastOkWrites: Operation[] = [];
  let infoDelete = false;
  let latestOkCall = -Infinity;
  let cursor = 0;
  barriers.forEach((barrier, b) => {
    for (; cursor < ops.length && ops[cursor]!.invokeIndex < barrier.event; cursor++) {
      const op = ops[cursor]!;
      if (op.kind === "get" || op.outcome === "fail") continue;
      writes.push(op);
      if (op.outcome === "info") infoDelete ||= op.kind === "delete";
      else {
        latestOkCall = Math.max(latestOkCall, op.callAt);
        lastOkWrites.push(op);
      }
    }
    lastOkWrites = lastOkWrites.filter((op) => op.returnAt >= latestOkCall);
    const nextBarrier = barriers[b + 1]?.event ?? Infinity;
    let end = Math.min(nextBarrier, barrier.quietUntil);
    for (let i = cursor; i < ops.length && ops[i]!.invokeIndex < end; i++) {
      if (ops[i]!.kind !== "get") end = ops[i]!.invokeIndex;
    }
    const gets: Operation[] = [];
    for (let i = cursor; i < ops.length && ops[i]!.invokeIndex < end; i++) {
      const op = ops[i]!;
      if (op.kind === "get" && op.outcome === "ok" && op.completeIndex! < end) gets.push(op);
    }
    if (gets.length > 0) windows.push({ barrier, priorWrites: writes, writeCount: writes.length, lastOkWrites: [...lastOkWrites], infoDelete, gets, latestOkCall });
  });
  return windows;
}

/** divergence reports a window whose gets disagree, naming what each saw. */
export function divergence(key: Key, window: ConvergenceWindow): Anomaly {
  const seen = [...new Set(window.gets.map((get) => describeResult(get.result)))].join(" and ");
  return {
    kind: "divergence",
    key,
    events: eventList([window.barrier.event], window.gets.flatMap(operationEvents)),
    message: `after the barrier at event ${window.barrier.event}, gets of ${JSON.stringify(key)} with no write between them disagree: ${seen}.`,
  };
}

/**
 * mayBeLast says whether a write may be the last in some real-time order of the window's
 * writes: an info write always may (it can take effect at any time after invocation); an
 * ok write may unless another ok write began after it completed.
 */
export function mayBeLast(window: ConvergenceWindow, write: Operation): boolean {
  return write.outcome === "info" || window.latestOkCall <= write.returnAt;
}

/** initialMayRemain says whether the key may still be in its initial state: no ok write before the barrier. */
export function initialMayRemain(window: ConvergenceWindow): boolean {
  return window.latestOkCall === -Infinity;
}
