// runScenario plays every kind of step, in order, each as the Driver would: the history
// records each fault and round, and the completions are the ops' in step order.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver, runScenario } from "../../impl/index.ts";
import type { ScenarioStep } from "../../impl/index.ts";

describe("runScenario", () => {
  it("plays every kind of step", () => {
    const [a, b, c] = new Driver().replicasOf("x") as [NodeId, NodeId, NodeId];
    const steps: ScenarioStep[] = [
      { kind: "put", process: 0, key: "x", value: "v1", coordinator: a },
      { kind: "skew", node: b, offsetTicks: 7 },
      { kind: "partition", groups: [[a, b], [c]] },
      { kind: "delete", process: 1, key: "x", tombstone: "t1", coordinator: a },
      { kind: "anti-entropy", full: false },
      { kind: "heal" },
      { kind: "crash", node: c },
      { kind: "advance", ticks: 10 },
      { kind: "restart", node: c },
      { kind: "anti-entropy", full: true },
      { kind: "quiesce" },
      { kind: "get", process: 2, key: "x", coordinator: c },
    ];
    const { history, completions, stats } = runScenario({ sloppyQuorum: false, antiEntropyIntervalTicks: 0 }, steps);
    const kinds = history.events.map((event) => event.kind).filter((kind) => kind !== "invoke" && kind !== "complete");
    expect(kinds.filter((kind) => ["clock-skew", "partition", "heal", "crash", "restart", "barrier"].includes(kind))).toEqual([
      "clock-skew",
      "partition",
      "heal",
      "crash",
      "restart",
      "barrier",
    ]);
    const rounds = history.events.flatMap((event) => (event.kind === "anti-entropy-round" ? [event.full] : []));
    expect(rounds).toEqual([false, true, true]); // the last is quiescence's own
    expect(history.events.find((event) => event.kind === "clock-skew")).toMatchObject({ node: b, offsetTicks: 7 });
    expect(history.events.find((event) => event.kind === "partition")).toMatchObject({ groups: [[a, b], [c]] });
    expect(completions.map((event) => [event.process, event.op, event.outcome])).toEqual([
      [0, "put", "ok"],
      [1, "delete", "ok"],
      [2, "get", "ok"],
    ]);
    expect(completions[2]!.result).toEqual({ kind: "absent", reason: "deleted" });
    const crashedAt = history.events.find((event) => event.kind === "crash")!.time;
    expect(history.events.find((event) => event.kind === "restart")!.time).toBe(crashedAt + 10);
    expect(stats.barriers).toBe(1);
  });

  it("sends each op to the coordinator it names", () => {
    const { completions } = runScenario({}, [
      { kind: "crash", node: "n2" },
      { kind: "get", process: 0, key: "x", coordinator: "n2" },
    ]);
    expect(completions[0]).toMatchObject({ outcome: "fail", error: "coordinator n2 is not serving" });
  });
});
