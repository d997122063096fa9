// Vector-clock pruning (vectorClockPruneDots) checked against the spec: the store's
// pruned-past scenario is valid without pruning; at 2 dots the rejoining replica brings
// back a write the final write had seen, which the checker convicts as sibling-spurious
// (after a put) or resurrection (after a delete). The option is not in the history header
// (ClusterConfig has no place for it): the spec judges the outcome, not the knob.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";
import { prunedPastScenario } from "../impl/pruning-scenario.ts";

const expected: Record<"put" | "delete", AnomalyKind> = { put: "sibling-spurious", delete: "resurrection" };

describe("vector-clock pruning against the spec", () => {
  for (const ending of ["put", "delete"] as const) {
    it(`ending with a ${ending}: valid without pruning, ${expected[ending]} at 2 dots`, () => {
      const unpruned = checkHistory(prunedPastScenario(0, ending).driver.history());
      expect(unpruned.anomalies).toEqual([]);
      expect(unpruned.verdict).toBe("valid");

      const pruned = checkHistory(prunedPastScenario(2, ending).driver.history());
      expect(pruned.verdict).toBe("invalid");
      const kinds = new Set(pruned.anomalies.map((anomaly) => anomaly.kind));
      expect(kinds.has(expected[ending])).toBe(true);
      expect(pruned.anomalies.every((anomaly) => anomaly.message.includes('put("x", "v1")'))).toBe(true);
    });
  }
});
