// The purge conditions of tombstone GC, one at a time: timeout waits exactly the grace
// period; repair and immediate wait the settle time after the condition held and for the
// key's pending hints; a purge mark covers only the tombstones it names; only tombstones
// go, never the live siblings beside them; and a crashed node purges nothing.
import { describe, expect, it } from "vitest";
import type { GcMode, NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";
import { eventsOf, quiet } from "./helpers.ts";

const purges = (driver: Driver) => eventsOf(driver, "gc-purge");

/** Sweeps run every tick, so a purge's time says exactly when its condition first held. */
function everyTick(mode: GcMode, extra: StoreOptionsInput = {}): Driver {
  return new Driver({
    ...quiet,
    gc: { mode, graceTicks: 100 },
    gcIntervalTicks: 1,
    gcSettleTicks: 30,
    ...extra,
  });
}

describe("gc timeout", () => {
  it("purges each replica's tombstone at the first sweep the grace period has passed, not a tick earlier", () => {
    const driver = everyTick("timeout");
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    driver.advance(200);
    const done = purges(driver);
    expect(done).toHaveLength(3);
    for (const purge of done) expect(purge.time - purge.deletedAt).toBe(100);
    expect(driver.cluster.stats.gcPurges).toBe(3);
  });

  it("purges only tombstones: a value beside one (vector clocks) stays", () => {
    const driver = everyTick("timeout", { versioning: "vector-clock" });
    driver.put(1, "x", "v1");
    driver.get(1, "x");
    const del = driver.start(1, { kind: "delete", key: "x", tombstone: "t1" });
    const put = driver.start(2, { kind: "put", key: "x", value: "v2" }); // concurrent: a sibling
    driver.finish(del);
    driver.finish(put);
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: ["t1"] });
    driver.advance(200);
    expect(purges(driver).map((purge) => purge.version?.kind)).toEqual(["vector", "vector", "vector"]);
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: [] });
  });

  it("leaves a crashed node's tombstones alone until it is back", () => {
    const driver = everyTick("timeout", { safeguards: { rejoinGuard: false } });
    const [, , down] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    driver.advance(5);
    driver.crash(down);
    driver.advance(300);
    expect(purges(driver).map((purge) => purge.node)).not.toContain(down);
    driver.restart(down);
    driver.advance(2);
    expect(purges(driver).map((purge) => purge.node)).toContain(down);
  });
});

describe("gc repair", () => {
  it("purges exactly the settle time after the full repair that put the tombstone everywhere", () => {
    const driver = everyTick("repair");
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    driver.advance(10);
    const repairedAt = driver.now;
    driver.antiEntropy(true);
    driver.advance(29);
    expect(purges(driver)).toEqual([]);
    driver.advance(10);
    const done = purges(driver);
    expect(done).toHaveLength(3);
    for (const purge of done) expect(purge.time).toBe(repairedAt + 30);
  });

  it("waits for a pending hint of the key, which may carry an older value", () => {
    // The hint's holder is down during the full repair: the replicas all hold the tombstone,
    // but the holder still keeps a put of x that one of them missed.
    const driver = everyTick("repair", { sloppyQuorum: true, durableHints: true, hintDeliveryIntervalTicks: 100_000 });
    const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.put(0, "x", "v1", first);
    const holder = hintHolder(driver);
    driver.restart(late);
    driver.crash(holder);
    driver.delete(1, "x", first);
    driver.advance(5);
    driver.antiEntropy(true); // every replica now holds the tombstone
    driver.advance(200);
    expect(purges(driver)).toEqual([]);
    driver.restart(holder);
    driver.deliverHints(); // the old value meets the tombstone and loses; nothing is pending now
    driver.advance(5);
    expect(purges(driver)).toHaveLength(3);
    driver.quiesce();
    expect(driver.get(2, "x").result).toEqual({ kind: "absent", reason: "never-written" });
  });
});

function hintHolder(driver: Driver): NodeId {
  const stored = eventsOf(driver, "hint-stored")[0];
  if (stored === undefined) throw new Error("expected a stored hint");
  return stored.holder;
}

describe("gc immediate", () => {
  it("waits the settle time after every replica acknowledged the delete", () => {
    const driver = everyTick("immediate");
    driver.put(0, "x", "v1");
    const deletion = driver.delete(0, "x");
    driver.advance(29);
    expect(purges(driver)).toEqual([]);
    driver.advance(10);
    expect(purges(driver)).toHaveLength(3);
    for (const purge of purges(driver)) expect(purge.time).toBeGreaterThanOrEqual(deletion.time + 30);
  });

  it("does not purge while a hint for the key is pending: delivered after the purge it would resurrect", () => {
    const driver = everyTick("immediate", { sloppyQuorum: true, durableHints: true, hintDeliveryIntervalTicks: 100_000 });
    const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.put(0, "x", "v1", first); // the late replica's copy waits at a fallback
    driver.restart(late);
    expect(driver.delete(1, "x", first).outcome).toBe("ok"); // acknowledged by all three
    driver.advance(200);
    expect(purges(driver)).toEqual([]);
    driver.deliverHints(); // the old value meets the tombstone and loses; nothing is pending now
    driver.advance(5);
    expect(purges(driver)).toHaveLength(3);
    driver.quiesce();
    expect(driver.get(2, "x").result).toEqual({ kind: "absent", reason: "never-written" });
  });

  it("purges a tombstone every replica acknowledged, not the value beside it (vector clocks)", () => {
    const driver = everyTick("immediate", { versioning: "vector-clock" });
    driver.put(1, "x", "v1");
    driver.get(1, "x");
    const put = driver.start(2, { kind: "put", key: "x", value: "v2" }); // concurrent: a sibling
    const del = driver.start(1, { kind: "delete", key: "x", tombstone: "t1" });
    driver.finish(put);
    driver.finish(del);
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: ["t1"] });
    driver.advance(100);
    expect(purges(driver)).toHaveLength(3);
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: [] });
  });

  it("a purge mark covers only the tombstone it names, not a later one the replicas have not all acknowledged", () => {
    const driver = everyTick("immediate", { gcSettleTicks: 50 });
    const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", first);
    driver.delete(0, "x", first); // acknowledged by all: marked for purging
    driver.put(0, "x", "v2", first); // re-created before the settle time passed
    driver.advance(5);
    driver.crash(late);
    driver.delete(0, "x", first); // only two replicas hold this tombstone
    driver.advance(200);
    expect(purges(driver)).toEqual([]);
    driver.restart(late);
    driver.quiesce();
    expect(driver.get(1, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("a purge mark goes with the tombstone it named: the same tombstone brought back by anti-entropy waits for a new mark", () => {
    const driver = everyTick("immediate");
    const [first, , cutOff] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const others = driver.cluster.nodes.map((node) => node.id).filter((id) => id !== cutOff);
    driver.put(0, "x", "v1", first);
    driver.advance(5);
    driver.start(0, { kind: "delete", key: "x", tombstone: "t1" }, first);
    driver.advance(3); // every replica acknowledged; the coordinator's own mark is set, the others' are on their way
    driver.partition([[cutOff], others]); // the cut-off replica's mark is lost: it keeps the tombstone
    driver.advance(50);
    expect(purges(driver).map((purge) => purge.node)).not.toContain(cutOff);
    expect(purges(driver)).toHaveLength(2);
    driver.heal();
    driver.antiEntropy(true); // the tombstone comes back to the replicas that purged it
    driver.advance(50);
    expect(purges(driver)).toHaveLength(2);
    for (const node of driver.replicasOf("x")) expect(driver.cluster.node(node).stateOf("x")?.[0]?.tombstone).toBe(true);
  });
});
