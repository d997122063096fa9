// Quiescence: heal, restart, deliver hints, run a full round, then a barrier with every
// replica in agreement.
import { describe, expect, it } from "vitest";
import { Driver } from "../../impl/index.ts";
import { assertConverged } from "../../impl/quiesce.ts";

describe("quiesce", () => {
  it("heals, restarts, delivers hints and runs a full round before the barrier", () => {
    const driver = new Driver({ sloppyQuorum: true, network: { jitterTicks: 3, lossProbability: 0.2 } });
    driver.crash("n1");
    driver.partition([["n2", "n3"], ["n4", "n5"]]);
    for (let i = 0; i < 30; i++) driver.put(i % 3, `k${i % 7}`);
    driver.quiesce();
    const events = driver.history().events;
    const barrier = events.findIndex((event) => event.kind === "barrier");
    const before = events.slice(0, barrier).map((event) => event.kind);
    for (const kind of ["heal", "restart", "anti-entropy-round"]) expect(before).toContain(kind);
    expect(driver.cluster.pendingHints.size).toBe(0);
    expect(driver.cluster.nodes.every((node) => node.up && node.hints.length === 0)).toBe(true);
    expect(() => assertConverged(driver.cluster)).not.toThrow();
  });

  it("waits for the messages still in flight before the barrier, so every replica has the last write", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off", network: { delayTicks: 1, jitterTicks: 6 } });
    driver.put(0, "x", "v1"); // acknowledged by two replicas; the third's copy may still be on its way
    driver.quiesce();
    expect(driver.cluster.network.inFlight).toBe(0);
    for (const node of driver.replicasOf("x")) expect(driver.cluster.node(node).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("ends even when every node was cut off past the grace period: the guard cannot rebuild, so they are forced back", () => {
    const driver = new Driver({ gc: { mode: "timeout", graceTicks: 50 }, sloppyQuorum: false });
    driver.put(0, "x", "v1");
    driver.partition([["n1"], ["n2"], ["n3"], ["n4"], ["n5"]]);
    driver.advance(200);
    driver.quiesce();
    const events = driver.history().events;
    expect(events.at(-1)?.kind).toBe("barrier");
    expect(events.some((event) => event.kind === "node-repaired")).toBe(false);
    expect(driver.cluster.nodes.every((node) => !node.needsRepair)).toBe(true);
  });
});
