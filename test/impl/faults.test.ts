// The seeded fault schedule: with probabilities on, crashes, restarts, partitions, heals and
// skews are recorded; with the defaults (all zero) nothing happens.
import { describe, expect, it } from "vitest";
import { defaultScenario, simulate } from "../../impl/index.ts";

describe("fault injection", () => {
  it("injects every kind of fault from the seed when probabilities are on", () => {
    const scenario = defaultScenario();
    const { history } = simulate({ ...scenario, faults: { ...scenario.faults, partitionProbability: 0.3 }, workload: { ...scenario.workload, ops: 1500 } });
    const kinds = new Set(history.events.map((event) => event.kind));
    for (const kind of ["crash", "restart", "partition", "heal", "clock-skew"]) expect(kinds.has(kind as never)).toBe(true);
  });

  it("injects nothing by default", () => {
    const { history } = simulate({ workload: { ops: 300 } });
    const faulty = history.events.filter((event) => ["crash", "restart", "partition", "heal", "clock-skew"].includes(event.kind));
    expect(faulty).toEqual([]);
  });
});
