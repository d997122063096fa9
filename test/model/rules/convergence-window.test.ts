// Convergence windows against their definition, and "may be last" / "initial may remain"
// against a brute-force enumeration of the real-time orders of a window's writes (ok writes
// all in, info writes in or out, failed writes out).
import fc from "fast-check";
import { describe, expect } from "vitest";
import { eventList } from "../../../model/anomaly.ts";
import { describeResult } from "../../../model/describe.ts";
import { prepareHistory } from "../../../model/history-context.ts";
import { operationEvents, precedes, type Operation } from "../../../model/operations.ts";
import { convergenceWindows, divergence, initialMayRemain, mayBeLast, writesBefore } from "../../../model/rules/convergence-window.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { phasedHistory } from "../../support/phased-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const histories = fc.oneof(phasedHistory(), phasedHistory({ keys: ["x"], maxOpsPerPhase: 4 }), clusterHistory({ maxOps: 9, maxEvents: 6 }));

/** realTimeOrders lists every order of ok writes plus any subset of info writes that respects real time. */
function realTimeOrders(writes: readonly Operation[]): Operation[][] {
  const ok = writes.filter((w) => w.outcome === "ok");
  const info = writes.filter((w) => w.outcome === "info");
  const orders: Operation[][] = [];
  const extend = (order: Operation[], rest: Operation[]) => {
    if (rest.length === 0) orders.push(order);
    for (const next of rest) {
      const remaining = rest.filter((w) => w !== next);
      // next may come now only if nothing still to place precedes it.
      if (!remaining.some((w) => precedes(w, next))) extend([...order, next], remaining);
    }
  };
  for (let mask = 0; mask < 1 << info.length; mask++) extend([], [...ok, ...info.filter((_, i) => mask & (1 << i))]);
  return orders;
}

describe("convergenceWindows", () => {
  prop([histories], options)(`holds the ok gets after a barrier that end before the next write, barrier or fault (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const windows = convergenceWindows(history, context.barriers);
      const expected = context.barriers.flatMap((barrier, b) => {
        const next = context.barriers[b + 1]?.event ?? Infinity;
        const nextWrite = history.operations.find((op) => op.kind !== "get" && op.invokeIndex > barrier.event)?.invokeIndex ?? Infinity;
        const end = Math.min(next, barrier.quietUntil, nextWrite);
        const gets = history.operations.filter((op) => op.kind === "get" && op.outcome === "ok" && op.invokeIndex > barrier.event && op.completeIndex! < end);
        const writes = history.operations.filter((op) => op.kind !== "get" && op.outcome !== "fail" && op.invokeIndex < barrier.event);
        const okCalls = writes.filter((w) => w.outcome === "ok").map((w) => w.callAt);
        const latestOkCall = Math.max(-Infinity, ...okCalls);
        // The ok writes that may be last: no ok write began after they completed.
        const lastOkWrites = writes.filter((w) => w.outcome === "ok" && w.returnAt >= latestOkCall);
        const infoDelete = writes.some((w) => w.outcome === "info" && w.kind === "delete");
        return gets.length === 0 ? [] : [{ barrier, writes, lastOkWrites, infoDelete, gets, latestOkCall }];
      });
      const seen = windows.map((w) => ({ barrier: w.barrier, writes: writesBefore(w), lastOkWrites: w.lastOkWrites, infoDelete: w.infoDelete, gets: w.gets, latestOkCall: w.latestOkCall }));
      expect(seen).toEqual(expected);
    }
  });

  prop([histories], options)(`divergence names the barrier, every get of the window, and each thing they saw (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const window of convergenceWindows(history, context.barriers)) {
        const anomaly = divergence(history.key, window);
        expect([anomaly.kind, anomaly.key, anomaly.read]).toEqual(["divergence", history.key, undefined]);
        expect(anomaly.events).toEqual(eventList([window.barrier.event], ...window.gets.map(operationEvents)));
        for (const get of window.gets) expect(anomaly.message).toContain(describeResult(get.result));
        expect(anomaly.message).toContain(`event ${window.barrier.event}`);
      }
    }
  });
});

describe("mayBeLast and initialMayRemain", () => {
  prop([histories], options)(`agree with every real-time order of the window's writes (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const window of convergenceWindows(history, context.barriers)) {
        if (writesBefore(window).length > 6) continue;
        const orders = realTimeOrders(writesBefore(window));
        for (const write of writesBefore(window)) {
          expect(mayBeLast(window, write)).toBe(orders.some((order) => order[order.length - 1] === write));
        }
        expect(initialMayRemain(window)).toBe(orders.some((order) => order.length === 0));
      }
    }
  });
});
