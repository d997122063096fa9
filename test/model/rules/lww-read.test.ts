// One read under last-write-wins: the most basic rule that fails speaks for it: where the
// value came from, then resurrection, then (at quorum only) staleness; an absent read
// needs a delete if it says "deleted", then (at quorum only) must be fresh.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory } from "../../../model/history-context.ts";
import { checkLwwRead } from "../../../model/rules/lww-read.ts";
import { checkFreshAbsent, checkFreshValue } from "../../../model/rules/quorum-read.ts";
import { checkDeletedAbsent, checkWriteSource } from "../../../model/rules/read-source.ts";
import { checkResurrection, hiddenInRealTime } from "../../../model/rules/resurrection.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { phasedHistory } from "../../support/phased-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const histories = fc.oneof(phasedHistory({ keys: ["x"], maxOpsPerPhase: 4 }), clusterHistory({ maxEvents: 4 }));

describe("checkLwwRead", () => {
  prop([histories, fc.boolean()], options)(`reports the first rule that fails, staleness only at quorum (seed ${seed})`, (h, noStaleReads) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const result = get.result!;
        let expected;
        if (result.kind === "value") {
          const put = history.putByValue.get(result.value);
          expected =
            checkWriteSource(get, put, JSON.stringify(result.value)) ??
            checkResurrection(context, history, get, put!, hiddenInRealTime) ??
            (noStaleReads ? checkFreshValue(context, history, get, put!) : undefined);
        } else {
          expected = checkDeletedAbsent(history, get) ?? (noStaleReads ? checkFreshAbsent(context, history, get) : undefined);
        }
        expect(checkLwwRead(context, history, get, noStaleReads)).toEqual(expected);
        // Without the quorum rule a read is judged by the shared rules alone: never stale.
        if (!noStaleReads) expect(checkLwwRead(context, history, get, false)?.kind).not.toBe("stale-read");
      }
    }
  });
});
