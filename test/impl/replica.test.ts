// Where every write path ends: the hybrid clock's receive rule (a node orders its own writes
// after everything it has stored, whatever its wall clock says), the compareVersionsOnApply
// safeguard (on: merge by version; off: a late write overwrites blindly), and the
// "nothing to repair" test that lets anti-entropy skip replicas that already agree.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import { sameState } from "../../impl/replica.ts";
import { quiet } from "./helpers.ts";

function idsAt(driver: Driver, node: NodeId, key: string): string[] | undefined {
  return driver.cluster.node(node).stateOf(key)?.map((sibling) => sibling.id);
}

describe("the hybrid clock's receive rule", () => {
  it("a replica whose clock lags still orders a delete it coordinates after a write it stored", () => {
    const driver = new Driver(quiet);
    const [writer, lagging] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.skew(lagging, -1000);
    expect(driver.put(0, "x", "v1", writer).outcome).toBe("ok");
    driver.advance(5); // the put reached every replica, the lagging one included
    // A different process, so no session timestamp carries the put's order along: only
    // what the lagging node observed when it stored the put can.
    expect(driver.delete(1, "x", lagging).outcome).toBe("ok");
    expect(driver.get(2, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("never moves backwards when a node stores an older write after issuing a newer one", () => {
    const driver = new Driver(quiet);
    const [node] = driver.replicasOf("x") as [NodeId];
    // A coordinator that never stored x, so its clock stays near true time.
    const other = driver.cluster.nodes.map((n) => n.id).find((id) => !driver.replicasOf("x").includes(id))!;
    const y = ["y0", "y1", "y2", "y3", "y4", "y5"].find((key) => driver.replicasOf(key).includes(node))!;
    driver.skew(node, 1000); // ahead: its put of x gets a timestamp far in the future
    expect(driver.put(0, "x", "v1", node).outcome).toBe("ok");
    expect(driver.put(1, y, "w", other).outcome).toBe("ok"); // an older timestamp reaches the node
    driver.advance(5);
    driver.skew(node, -1000); // now behind: only its clock's memory keeps the order
    expect(driver.delete(2, "x", node).outcome).toBe("ok");
    expect(driver.get(3, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("is what the lww-skew bug leaves out: the lagging replica's delete loses to the older put", () => {
    const driver = new Driver({ ...quiet, bugs: ["lww-skew"] });
    const [writer, lagging] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.skew(lagging, -1000);
    driver.put(0, "x", "v1", writer);
    driver.advance(5);
    driver.delete(1, "x", lagging);
    expect(driver.get(2, "x").result).toEqual({ kind: "value", value: "v1" });
  });
});

/**
 * lateTombstoneHint: x=v0 everywhere; the third replica is down for the delete (a fallback
 * holds the tombstone as a hint); it comes back and x=v2 is written everywhere; only then
 * is the hint delivered. Returns the returning replica's state before and after delivery.
 */
function lateTombstoneHint(compareVersionsOnApply: boolean) {
  const driver = new Driver({
    sloppyQuorum: true,
    durableHints: true,
    antiEntropyIntervalTicks: 0,
    readRepair: "off",
    hintDeliveryIntervalTicks: 100_000, // delivered only when the test says so
    safeguards: { compareVersionsOnApply },
  });
  const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(0, "x", "v0", first);
  driver.advance(5);
  driver.crash(late);
  expect(driver.delete(0, "x", first).outcome).toBe("ok");
  expect(driver.history().events.filter((event) => event.kind === "hint-stored")).toHaveLength(1);
  driver.restart(late);
  expect(driver.put(1, "x", "v2", first).outcome).toBe("ok");
  driver.advance(5);
  const before = driver.cluster.node(late).stateOf("x");
  driver.deliverHints();
  return { driver, late, before, after: driver.cluster.node(late).stateOf("x") };
}

describe("the compareVersionsOnApply safeguard", () => {
  it("on: a tombstone hint older than the value its target holds changes nothing", () => {
    const { before, after } = lateTombstoneHint(true);
    expect(before?.[0]?.value).toBe("v2");
    expect(after).toBe(before);
  });

  it("off: the late tombstone overwrites the newer value (the lost write the switch exists to show)", () => {
    const { driver, late, before, after } = lateTombstoneHint(false);
    expect(before?.[0]?.value).toBe("v2");
    expect(after?.[0]?.tombstone).toBe(true);
    expect(driver.history().events.filter((event) => event.kind === "hint-delivered")).toHaveLength(1);
    expect(idsAt(driver, late, "x")).toHaveLength(1);
  });
});

describe("replicas that already agree", () => {
  it("are told apart from ones holding as many siblings but not the same ones", () => {
    // Vector clocks, W=1: every replica holds v1; then two replicas add v2 while the third
    // is down, and the third adds v3 while the other two are down. Each side holds two
    // siblings and shares v1 (the smallest dot, n1:1), yet they differ.
    const driver = new Driver({ ...quiet, versioning: "vector-clock", readQuorum: 1, writeQuorum: 1 });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const upCoordinator = () => driver.cluster.nodes.find((node) => node.up)!.id;
    expect(driver.put(1, "x", "v1", "n1").outcome).toBe("ok");
    driver.advance(5);
    driver.crash(c);
    expect(driver.put(2, "x", "v2", upCoordinator()).outcome).toBe("ok");
    driver.advance(5);
    driver.restart(c);
    driver.crash(a);
    driver.crash(b);
    expect(driver.put(3, "x", "v3", upCoordinator()).outcome).toBe("ok");
    driver.advance(5);
    driver.restart(a);
    driver.restart(b);
    expect(idsAt(driver, a, "x")).toHaveLength(2);
    expect(idsAt(driver, c, "x")).toHaveLength(2);
    expect(idsAt(driver, a, "x")).not.toEqual(idsAt(driver, c, "x"));

    driver.antiEntropy(true);
    for (const replica of [a, b, c]) expect(idsAt(driver, replica, "x")).toHaveLength(3);
    expect(driver.get(4, "x", c).result).toEqual({ kind: "siblings", values: ["v1", "v2", "v3"], tombstones: [] });
  });
});

describe("sameState", () => {
  it("holds for a key absent on both sides: there is nothing to repair", () => {
    expect(sameState(undefined, undefined)).toBe(true);
  });
});
