// Scripted scenarios given as data: SPEC example 2 (a replica down during a delete, then a
// barrier) read back from the history, and the default scenario's options.
import { describe, expect, it } from "vitest";
import { Driver, defaultScenario, runScenario, validateOptions, resolveOptions } from "../../impl/index.ts";

describe("runScenario", () => {
  it("plays SPEC example 2: gets after the barrier return absent", () => {
    const late = new Driver().replicasOf("x")[2]!;
    const { completions, history } = runScenario({ gc: { mode: "keep" } }, [
      { kind: "put", process: 0, key: "x", value: "v1" },
      { kind: "advance", ticks: 1 },
      { kind: "crash", node: late },
      { kind: "delete", process: 0, key: "x", tombstone: "t1" },
      { kind: "advance", ticks: 20 },
      { kind: "quiesce" },
      { kind: "get", process: 1, key: "x" },
    ]);
    expect(completions.map((event) => event.outcome)).toEqual(["ok", "ok", "ok"]);
    expect(completions[2]!.result).toEqual({ kind: "absent", reason: "deleted" });
    expect(history.events.filter((event) => event.kind === "barrier")).toHaveLength(1);
  });

  it("the default scenario is valid and has faults on", () => {
    const options = resolveOptions(defaultScenario());
    expect(validateOptions(options)).toEqual([]);
    expect(options.faults.crashProbability).toBeGreaterThan(0);
  });

  it("the default scenario is the one its description and docs/cli.md name: timeout GC with a 200-tick grace, deletes a quarter of the mix", () => {
    const scenario = defaultScenario();
    expect(scenario.description).toMatch(/^default scenario: 5 nodes, N=3, R=W=2, sloppy quorum, LWW, timeout GC \(grace 200 ticks/);
    expect(resolveOptions(scenario)).toMatchObject({
      gc: { mode: "timeout", graceTicks: 200 },
      fullRepairIntervalTicks: 80,
      workload: { processes: 5, keys: 50, ops: 3000, deleteWeight: 0.25, quiesceEveryOps: 150 },
    });
  });
});
