// The quorum level's "no stale reads", against its definition on generated histories: a
// value read must come from a write not superseded when the get began; an absent read from
// the initial state or a delete invoked before the get completed, not superseded either;
// a stale read is explained only by what accounts for it.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory } from "../../../model/history-context.ts";
import { eventList } from "../../../model/anomaly.ts";
import { operationEvents, type Operation } from "../../../model/operations.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "../../../model/rules/explain.ts";
import { checkFreshAbsent, checkFreshValue } from "../../../model/rules/quorum-read.ts";
import type { GcConfig } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { phasedHistory } from "../../support/phased-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const histories = fc.oneof(
  phasedHistory({ level: "quorum", keys: ["x"], maxOpsPerPhase: 4 }),
  phasedHistory({ level: "quorum", keys: ["x"], maxOpsPerPhase: 4, extraEvents: 5, gc: timeout }),
  phasedHistory({ level: "quorum", keys: ["x"], maxOpsPerPhase: 4, skews: true }),
  purgedDeleteHistory({ level: "quorum", gc: timeout }),
  clusterHistory({ level: "quorum", gc: timeout }),
);

/** supersededAt: some ok write began after `write` completed (any, for the initial state) and completed before position `at`. */
function supersededAt(ops: readonly Operation[], write: Operation | undefined, at: number): Operation[] {
  return ops.filter(
    (w) =>
      w.kind !== "get" &&
      w.outcome === "ok" &&
      w !== write &&
      w.completeIndex! < at &&
      (write === undefined || (write.outcome !== "info" && write.completeIndex! < w.invokeIndex)),
  );
}

const latest = (ops: Operation[]) => [...ops].sort((a, b) => a.completeIndex! - b.completeIndex!).at(-1);

describe("checkFreshValue", () => {
  prop([histories], options)(`flags a value exactly when its put was superseded before the get began (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        for (const put of history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail")) {
          const superseders = supersededAt(history.operations, put, get.invokeIndex);
          const anomaly = checkFreshValue(context, history, get, put);
          expect(anomaly === undefined).toBe(superseders.length === 0);
          if (anomaly === undefined) continue;
          // It stands on the get, the put it read and the latest write that superseded it
          // (an explanation adds the events of its cause).
          const stands = eventList(operationEvents(get), operationEvents(put), operationEvents(latest(superseders)!));
          if (anomaly.kind === "stale-read") expect(anomaly.events).toEqual(stands);
          else expect(anomaly.events).toEqual(expect.arrayContaining(stands));
          // A purge may explain the value coming back; a rebuild the superseders lost; a skew the inversion.
          const plain = { ...anomaly, kind: "stale-read" as const };
          const expected =
            explainByGcBreach(context, plain, get, put) !== plain || explainLostWriteByGcBreach(context, plain, superseders) !== plain
              ? "gc-grace-violation"
              : explainByClockSkew(context, plain, get, put, superseders) !== plain
                ? "clock-skew"
                : "stale-read";
          expect(anomaly.kind).toBe(expected);
        }
      }
    }
  });
});

describe("checkFreshAbsent", () => {
  prop([histories], options)(`flags absent unless the initial state or a delete invoked before the get completed is not superseded (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const ops = history.operations;
      for (const get of ops.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const visible = ops.filter((d) => d.kind === "delete" && d.outcome !== "fail" && d.invokeIndex < get.completeIndex!);
        const fresh = supersededAt(ops, undefined, get.invokeIndex).length === 0 || visible.some((d) => supersededAt(ops, d, get.invokeIndex).length === 0);
        const anomaly = checkFreshAbsent(context, history, get);
        expect(anomaly === undefined).toBe(fresh);
        if (anomaly === undefined) continue;
        // It names the latest delete it could have read, or else the latest write before the get.
        const read = visible.at(-1);
        const superseders = supersededAt(ops, read, get.invokeIndex);
        const stands = eventList(operationEvents(get), read === undefined ? [] : operationEvents(read), operationEvents(latest(superseders)!));
        if (anomaly.kind === "stale-read") expect(anomaly.events).toEqual(stands);
        else expect(anomaly.events).toEqual(expect.arrayContaining(stands));
        const plain = { ...anomaly, kind: "stale-read" as const };
        const expected =
          explainLostWriteByGcBreach(context, plain, superseders) !== plain
            ? "gc-grace-violation"
            : read !== undefined && explainByClockSkew(context, plain, get, read, superseders) !== plain
              ? "clock-skew"
              : "stale-read";
        expect(anomaly.kind).toBe(expected);
      }
    }
  });
});
