// Rebuilding a node the rejoin guard holds back: it takes, range by range, the merge of
// what its serving peers hold (its own suspect data is dropped), records each version it
// gains as a repair, and waits, retrying, while some range of it has no serving peer.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";
import { eventsOf, putWhileDown, quiet } from "./helpers.ts";

const guarded: StoreOptionsInput = {
  ...quiet,
  gc: { mode: "timeout", graceTicks: 100 },
  rejoinRepairDelayTicks: 10,
  writeQuorum: 1,
  readQuorum: 1,
};

function repaired(driver: Driver, node: NodeId): number {
  return eventsOf(driver, "node-repaired").filter((event) => event.node === node).length;
}

/** sameReplicas finds two other keys with the same replicas as `key`. */
function sameReplicas(driver: Driver, key: string): [string, string] {
  const replicas = [...driver.replicasOf(key)].sort().join();
  const found: string[] = [];
  for (let i = 0; found.length < 2; i++) {
    if ([...driver.replicasOf(`y${i}`)].sort().join() === replicas) found.push(`y${i}`);
  }
  return found as [string, string];
}

describe("rebuilding a node held back by the rejoin guard", () => {
  it("merges what every serving peer holds, and records each version it gains", () => {
    const driver = new Driver(guarded);
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const [y, z] = sameReplicas(driver, "x");
    driver.put(0, z, "z-everywhere", a);
    driver.advance(5);
    driver.crash(c);
    driver.put(0, "x", "old", a);
    driver.advance(5);
    // The peers disagree: a holds a newer x than b, and only b holds y.
    putWhileDown(driver, [b], "x", "new", a);
    putWhileDown(driver, [a], y, "y-on-b", b);
    driver.advance(150);
    expect(driver.cluster.node(b).stateOf("x")?.[0]?.value).toBe("old");
    driver.restart(c); // out 150 > 100 ticks: held back
    expect(driver.cluster.node(c).needsRepair).toBe(true);
    driver.advance(11);
    expect(repaired(driver, c)).toBe(1);
    const valueAt = (key: string) => driver.cluster.node(c).stateOf(key)?.[0]?.value;
    expect([valueAt("x"), valueAt(y), valueAt(z)]).toEqual(["new", "y-on-b", "z-everywhere"]);
    const repairs = eventsOf(driver, "repair-write").filter((event) => event.node === c);
    expect(repairs.map((repair) => repair.key).sort()).toEqual(["x", y].sort()); // z it already had
    expect(repairs.every((repair) => repair.source === "anti-entropy")).toBe(true);
  });

  it("takes only the ranges the node replicates", () => {
    const driver = new Driver(guarded);
    const c = driver.replicasOf("x")[2] as NodeId;
    const elsewhere = Array.from({ length: 50 }, (_, i) => `y${i}`).filter((key) => !driver.replicasOf(key).includes(c));
    expect(elsewhere.length).toBeGreaterThan(5);
    for (const key of elsewhere) driver.put(0, key, "v");
    driver.advance(5);
    driver.crash(c);
    driver.advance(150);
    driver.restart(c);
    driver.advance(11);
    expect(repaired(driver, c)).toBe(1);
    expect(elsewhere.filter((key) => driver.cluster.node(c).stateOf(key) !== undefined)).toEqual([]);
  });

  it("records as repairs only the siblings it gains, not those it already held (vector clocks)", () => {
    const driver = new Driver({ ...guarded, versioning: "vector-clock" });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(c);
    driver.put(1, "x", "v2", a); // no context: a sibling beside v1
    driver.advance(150);
    driver.restart(c);
    driver.advance(11);
    expect(driver.cluster.node(c).stateOf("x")?.map((sibling) => sibling.value)).toEqual(["v1", "v2"]);
    const repairs = eventsOf(driver, "repair-write").filter((event) => event.node === c);
    expect(repairs).toEqual([expect.objectContaining({ key: "x", value: "v2" })]);
  });

  it("happens once, even when quiescence rebuilt the node before its scheduled turn", () => {
    const driver = new Driver(guarded);
    driver.crash("n3");
    driver.advance(150);
    driver.restart("n3");
    driver.quiesce();
    expect(repaired(driver, "n3")).toBe(1);
    driver.advance(50);
    expect(repaired(driver, "n3")).toBe(1);
  });

  it("drops the node's own data for what its peers no longer hold", () => {
    const driver = new Driver(guarded);
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(c);
    driver.delete(0, "x", a);
    driver.advance(250); // the tombstone is purged on the peers
    expect(driver.cluster.node(a).stateOf("x")).toBeUndefined();
    driver.restart(c);
    driver.advance(11);
    expect(repaired(driver, c)).toBe(1);
    expect(driver.cluster.node(c).stateOf("x")).toBeUndefined();
  });

  it("waits while a range of the node has no serving peer, then rebuilds once one serves", () => {
    const driver = new Driver(guarded);
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(c);
    driver.advance(150);
    driver.crash(a);
    driver.crash(b);
    driver.restart(c); // x's range has no serving peer
    driver.advance(100);
    expect(repaired(driver, c)).toBe(0);
    expect(driver.cluster.node(c).needsRepair).toBe(true);
    driver.restart(a);
    driver.advance(11);
    expect(repaired(driver, c)).toBe(1);
    expect(driver.cluster.node(c).needsRepair).toBe(false);
  });

  it("does not rebuild a node that went down again before its turn", () => {
    const driver = new Driver(guarded);
    driver.crash("n3");
    driver.advance(150);
    driver.restart("n3");
    driver.crash("n3");
    driver.advance(50);
    expect(repaired(driver, "n3")).toBe(0);
    driver.restart("n3");
    driver.advance(11);
    expect(repaired(driver, "n3")).toBe(1);
    expect(driver.cluster.stats.nodesRepaired).toBe(1);
  });
});
