// Rules every level shares: a get names a write that did not fail and was invoked before
// the get completed, else it is a phantom or a future read; a tombstone needs a delete.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { eventList } from "../../../model/anomaly.ts";
import { describeOperation, describeResult } from "../../../model/describe.ts";
import { prepareHistory } from "../../../model/history-context.ts";
import { operationEvents } from "../../../model/operations.ts";
import { checkDeletedAbsent, checkWriteSource, readAnomaly } from "../../../model/rules/read-source.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const histories = clusterHistory({ maxEvents: 2, maxOps: 10 });

describe("checkWriteSource", () => {
  prop([histories], options)(`a phantom names no write or a failed one; a future read one invoked after the get completed (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const gets = context.operations.filter((op) => op.kind === "get" && op.outcome === "ok");
    const writes = context.operations.filter((op) => op.kind !== "get");
    for (const get of gets) {
      const ghost = checkWriteSource(get, undefined, '"ghost"');
      // A phantom names no write: it stands on the get alone.
      expect([ghost?.kind, ghost?.events]).toEqual(["phantom-read", operationEvents(get)]);
      for (const writer of writes) {
        const expected = writer.outcome === "fail" ? "phantom-read" : !(writer.invokeIndex < get.completeIndex!) ? "future-read" : undefined;
        const anomaly = checkWriteSource(get, writer, '"it"');
        expect(anomaly?.kind).toBe(expected);
        if (anomaly !== undefined) {
          // The anomaly is about this read, and stands on the get and the write it named.
          expect(anomaly.read).toBe(get.completeIndex);
          expect(anomaly.events).toEqual(eventList(operationEvents(get), operationEvents(writer)));
          expect(anomaly.message).toContain(describeOperation(writer));
        }
      }
    }
  });

  prop([histories], options)(`a tombstone read needs a delete, not failed, invoked before the get completed (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const deleted = get.result?.kind === "absent" && get.result.reason === "deleted";
        const backed = history.operations.some((op) => op.kind === "delete" && op.outcome !== "fail" && op.invokeIndex < get.completeIndex!);
        const anomaly = checkDeletedAbsent(history, get);
        expect(anomaly?.kind).toBe(deleted && !backed ? "phantom-read" : undefined);
        if (anomaly !== undefined) expect(anomaly.events).toEqual(operationEvents(get));
      }
    }
  });
});

describe("readAnomaly", () => {
  prop([histories, fc.constantFrom("stale-read" as const, "lost-write" as const), fc.constantFrom("why.", "because.")], options)(
    `names the read, what it returned, and every op involved (seed ${seed})`,
    (h, kind, why) => {
      const context = prepareHistory(h);
      for (const get of context.operations.filter((op) => op.kind === "get")) {
        const others = context.operations.filter((op) => op !== get && op.key === get.key).slice(0, 2);
        const anomaly = readAnomaly(kind, get, others, why);
        expect([anomaly.kind, anomaly.key, anomaly.read]).toEqual([kind, get.key, get.completeIndex]);
        expect("read" in anomaly).toBe(get.completeIndex !== undefined);
        expect(anomaly.events).toEqual(eventList(operationEvents(get), ...others.map(operationEvents)));
        expect(anomaly.message.startsWith(describeOperation(get))).toBe(true);
        expect(anomaly.message).toContain(describeResult(get.result));
        expect(anomaly.message.endsWith(`: ${why}`)).toBe(true);
      }
    },
  );
});
