// The levels are ordered: a history valid at linearizable is valid at quorum, and one valid
// at quorum is valid at eventual. Checked on executions of a linearizable store, whole and
// with one read changed (which may break them at some levels and not others).
import fc from "fast-check";
import { describe, expect } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { atLevel, linearizableExecution, perturbed } from "../support/linearizable-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };

describe("the consistency levels", () => {
  prop([linearizableExecution], options)(`an execution of a linearizable store is valid at every level (seed ${seed})`, (draw) => {
    for (const level of ["linearizable", "quorum", "eventual"] as const) {
      const check = checkHistory(atLevel(draw, level));
      expect(check.anomalies, level).toEqual([]);
    }
  });

  prop([linearizableExecution, fc.nat(20), fc.nat(4)], options)(
    `valid at linearizable implies valid at quorum, which implies valid at eventual (seed ${seed})`,
    (draw, pick, value) => {
      const changed = perturbed(draw, pick, value);
      const check = (level: "linearizable" | "quorum" | "eventual") => checkHistory(atLevel(changed, level));
      const [linearizable, quorum, eventual] = [check("linearizable"), check("quorum"), check("eventual")];
      if (linearizable.verdict === "valid" && quorum.verdict !== "valid") {
        // The one known gap (reported, not fixed here): the linearizable level checks no
        // convergence window, so an info write invoked before a barrier may take effect
        // after it there, while at quorum the window's gets must agree. Nothing else may differ.
        const barriers = changed.cluster.filter((e) => e.kind === "barrier").map((e) => e.time);
        const infoWriteBeforeBarrier = changed.ops.some((op) => op.op !== "get" && op.outcome === "info" && barriers.some((t) => op.at[0] < t));
        expect(infoWriteBeforeBarrier).toBe(true);
        expect(quorum.anomalies.map((a) => a.kind).filter((k) => k !== "divergence" && k !== "lost-write")).toEqual([]);
      }
      if (quorum.verdict === "valid") expect(eventual.verdict).toBe("valid");
    },
  );
});
