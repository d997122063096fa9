// The cluster-level faults as the history records them: crash, restart and heal happen once
// (repeating one records nothing), an unknown node id is a caller's bug, and the outage
// bookkeeping behind the rejoin guard: a node is out while down or cut off from a majority,
// and only an outage longer than the grace period holds it back on return.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

const guarded: StoreOptionsInput = {
  gc: { mode: "timeout", graceTicks: 100 },
  sloppyQuorum: false,
  antiEntropyIntervalTicks: 0,
  rejoinRepairDelayTicks: 1000, // the rebuild waits, so the guard can be seen holding the node
};

function faultKinds(driver: Driver): string[] {
  const kinds = new Set(["crash", "restart", "partition", "heal", "clock-skew"]);
  return driver.history().events.filter((event) => kinds.has(event.kind)).map((event) => event.kind);
}

describe("faults", () => {
  it("crashing a crashed node, restarting a running one or healing with no partition records nothing", () => {
    const driver = new Driver();
    driver.crash("n1");
    driver.crash("n1");
    driver.restart("n1");
    driver.restart("n1");
    driver.heal();
    driver.partition([["n1", "n2"]]);
    driver.heal();
    driver.heal();
    expect(faultKinds(driver)).toEqual(["crash", "restart", "partition", "heal"]);
  });

  it("a crash loses the coordinator's pending replies only once: a second crash while down changes nothing", () => {
    const driver = new Driver({ sloppyQuorum: false, network: { delayTicks: 5 } });
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, "n1");
    driver.advance(1);
    driver.crash("n1");
    driver.crash("n1");
    expect(driver.finish(handle).outcome).toBe("info");
    expect(driver.cluster.node("n1").epoch).toBe(1);
  });

  it("names an unknown node in the error: it is the caller's bug", () => {
    const driver = new Driver();
    expect(() => driver.crash("n9")).toThrow(/unknown node 'n9'/);
  });

  it("a node in no group of a partition is cut off alone", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
    driver.partition([["n1", "n2"]]);
    expect(driver.cluster.connected("n1", "n2")).toBe(true);
    expect(driver.cluster.connected("n1", "n3")).toBe(false);
    expect(driver.cluster.connected("n3", "n4")).toBe(false);
    expect(driver.cluster.connected("n4", "n5")).toBe(false);
    expect(driver.cluster.connected("n5", "n5")).toBe(true);
    for (const alone of ["n3", "n4", "n5"]) {
      for (const grouped of ["n1", "n2"]) expect(driver.cluster.connected(grouped, alone)).toBe(false);
    }
  });

  it("a node is reachable when it is up and on the sender's side of any partition", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
    expect(driver.cluster.reachable("n1", "n2")).toBe(true);
    driver.crash("n2");
    expect(driver.cluster.reachable("n1", "n2")).toBe(false);
    driver.partition([["n1", "n2"]]);
    expect(driver.cluster.reachable("n1", "n3")).toBe(false);
    driver.restart("n2");
    expect(driver.cluster.reachable("n1", "n2")).toBe(true);
  });
});

describe("outages and the rejoin guard", () => {
  function downFor(ticks: number, options: StoreOptionsInput = guarded) {
    const driver = new Driver(options);
    driver.crash("n3");
    driver.advance(ticks);
    driver.restart("n3");
    return driver;
  }

  it("holds back a node that was down longer than the grace period, and only such a node", () => {
    expect(downFor(100).cluster.node("n3").needsRepair).toBe(false);
    expect(downFor(101).cluster.node("n3").needsRepair).toBe(true);
    expect(downFor(101).get(0, "x", "n3")).toMatchObject({ outcome: "fail", error: "coordinator n3 is not serving" });
  });

  it("holds back nothing when the safeguard is off, or when GC does not purge on a timeout", () => {
    expect(downFor(500, { ...guarded, safeguards: { rejoinGuard: false } }).cluster.node("n3").needsRepair).toBe(false);
    expect(downFor(500, { ...guarded, gc: { mode: "repair", graceTicks: 100 } }).cluster.node("n3").needsRepair).toBe(false);
  });

  it("counts a node cut off from a majority as out; the majority side is not", () => {
    const driver = new Driver(guarded);
    driver.partition([["n1", "n2"], ["n3", "n4", "n5"]]);
    driver.advance(150);
    driver.heal();
    const held = driver.cluster.nodes.filter((node) => node.needsRepair).map((node) => node.id);
    expect(held).toEqual(["n1", "n2"]);
  });

  it("counts a node as out while the others it can reach are too few, even if it is up", () => {
    // Three of five down: the two left cannot see a majority.
    const driver = new Driver(guarded);
    for (const id of ["n3", "n4", "n5"]) driver.crash(id);
    driver.advance(150);
    driver.restart("n3"); // n1, n2 and n3: a majority again
    expect(driver.cluster.node("n1").needsRepair).toBe(true);
    expect(driver.cluster.node("n2").needsRepair).toBe(true);
    expect(driver.cluster.node("n3").needsRepair).toBe(true);
  });

  it("an outage ends once: after the rebuild, later changes do not hold the node back again", () => {
    const driver = downFor(150, { ...guarded, rejoinRepairDelayTicks: 20 });
    driver.advance(50);
    expect(driver.history().events.filter((event) => event.kind === "node-repaired")).toHaveLength(1);
    driver.crash("n4"); // an unrelated change re-evaluates every node's outage
    driver.restart("n4");
    expect(driver.cluster.node("n3").needsRepair).toBe(false);
    driver.advance(100);
    expect(driver.history().events.filter((event) => event.kind === "node-repaired")).toHaveLength(1);
  });
});

describe("clocks", () => {
  it("a skewed node stamps its writes from its own clock", () => {
    const driver = new Driver({ sloppyQuorum: false });
    const [a] = driver.replicasOf("x") as [NodeId];
    driver.skew(a, 500);
    const invokedAt = driver.now;
    const put = driver.put(0, "x", "v1", a);
    expect(put.version).toMatchObject({ kind: "lww", node: a });
    const physicalTicks = put.version?.kind === "lww" ? Math.floor(put.version.timestamp / 1000) : 0;
    expect(physicalTicks).toBeGreaterThanOrEqual(invokedAt + 500);
    expect(physicalTicks).toBeLessThanOrEqual(put.time + 500);
  });
});
