// Resurrection against its definition: after the last barrier before a get, a delete that
// completed ok before that barrier and hides the put (under last-write-wins: began after
// the put completed) means the put's value must not come back, unless a purge under a
// breach, a rebuild that dropped the delete, or a clock skew accounts for it.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory } from "../../../model/history-context.ts";
import type { Operation } from "../../../model/operations.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "../../../model/rules/explain.ts";
import { breachExplainsRead } from "../../../model/gc-contract.ts";
import { checkResurrection, hiddenInRealTime } from "../../../model/rules/resurrection.ts";
import type { GcConfig } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { phasedHistory } from "../../support/phased-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const histories = fc.oneof(
  phasedHistory({ keys: ["x"], maxOpsPerPhase: 4 }),
  phasedHistory({ keys: ["x"], maxOpsPerPhase: 4, extraEvents: 5, gc: timeout }),
  phasedHistory({ keys: ["x"], maxOpsPerPhase: 4, skews: true }),
  purgedDeleteHistory({ gc: timeout }),
  clusterHistory({ gc: timeout }),
);

describe("checkResurrection", () => {
  prop([histories], options)(`flags a put's value after a barrier that followed an ok delete hiding it (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const barrier = context.barriers.filter((b) => b.event < get.invokeIndex).at(-1);
        for (const put of history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail")) {
          const hiding =
            barrier === undefined
              ? []
              : history.okDeletesByReturn.filter((d) => d.completeIndex! < barrier.event && put.outcome === "ok" && put.completeIndex! < d.invokeIndex);
          const anomaly = checkResurrection(context, history, get, put, hiddenInRealTime);
          expect(anomaly === undefined).toBe(hiding.length === 0);
          if (anomaly === undefined) continue;
          const deleteOp = hiding[0]!;
          for (const event of [get.invokeIndex, put.invokeIndex, deleteOp.invokeIndex, barrier!.event]) expect(anomaly.events).toContain(event);
          expect(anomaly.read).toBe(get.completeIndex);
          const plain = { ...anomaly, kind: "resurrection" as const };
          const expected =
            explainByGcBreach(context, plain, get, put) !== plain || explainLostWriteByGcBreach(context, plain, [deleteOp]) !== plain
              ? "gc-grace-violation"
              : explainByClockSkew(context, plain, get, put, [deleteOp]) !== plain
                ? "clock-skew"
                : "resurrection";
          expect(anomaly.kind).toBe(expected);
        }
      }
    }
  });

  prop([histories], options)(`asks the level which delete hides a put, and the level's reading of a purge (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const deleteOp = history.operations.find((op) => op.kind === "delete");
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const hasBarrier = context.barriers.some((b) => b.event < get.invokeIndex);
        for (const put of history.operations.filter((op) => op.kind === "put")) {
          const asked: number[] = [];
          const hidingDelete = (_: unknown, p: Operation, before: number) => {
            expect(p).toBe(put);
            asked.push(before);
            return deleteOp;
          };
          const anomaly = checkResurrection(context, history, get, put, hidingDelete, () => false);
          expect(asked).toEqual(hasBarrier ? [context.barriers.filter((b) => b.event < get.invokeIndex).at(-1)!.event] : []);
          expect(anomaly === undefined).toBe(!hasBarrier || deleteOp === undefined);
          // A purge the level says hides nothing explains nothing: only a rebuild that dropped
          // the delete may, or a stale hint that carried the value itself back.
          if (anomaly?.kind === "gc-grace-violation") {
            const byRebuild = explainLostWriteByGcBreach(context, { ...anomaly, kind: "resurrection" }, [deleteOp!]).kind === "gc-grace-violation";
            const byStaleHint = context.breaches.some((b) => b.kind === "stale-hint" && breachExplainsRead(b, get, put));
            expect(byRebuild || byStaleHint).toBe(true);
          }
        }
      }
    }
  });
});
