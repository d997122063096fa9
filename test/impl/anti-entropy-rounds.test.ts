// Which ranges an anti-entropy round covers and what it records: scheduled (partial) rounds
// rotate through every range, a few at a time, retrying first the ranges whose sync failed;
// a round reports which replica sets it synced when it could not sync them all; a full
// round hands off hints first; only full rounds make tombstones purgeable under `repair`
// GC; a node the rejoin guard holds back takes no part.
import { describe, expect, it } from "vitest";
import type { HistoryEvent, NodeId } from "../../model/vocabulary.ts";
import { Driver, Ring } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

type Round = Extract<HistoryEvent, { kind: "anti-entropy-round" }>;

const manual: StoreOptionsInput = { sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off" };
const perRound = 8;

function rounds(driver: Driver): Round[] {
  return driver.history().events.filter((event): event is Round => event.kind === "anti-entropy-round");
}

function converged(driver: Driver, key: string): boolean {
  const ids = driver.replicasOf(key).map((id) => driver.cluster.node(id).stateOf(key)?.[0]?.id);
  return ids.every((id) => id !== undefined && id === ids[0]);
}

/** oneKeyPerRange: a key in each token range (some ranges are narrow, so many names are tried). */
function oneKeyPerRange(driver: Driver): string[] {
  const keyOf = new Map<number, string>();
  for (let i = 0; keyOf.size < driver.cluster.ring.rangeCount; i++) {
    const range = driver.cluster.ring.rangeOf(`k${i}`);
    if (!keyOf.has(range)) keyOf.set(range, `k${i}`);
  }
  return [...keyOf.values()];
}

describe("scheduled (partial) rounds", () => {
  it("sync at most antiEntropyRangesPerRound ranges each, and every range within a cycle", () => {
    const driver = new Driver({ ...manual, antiEntropyRangesPerRound: perRound });
    const keys = oneKeyPerRange(driver);
    for (const key of keys) {
      // One replica of each key misses its write, so every range has something to repair.
      const late = driver.replicasOf(key)[2] as NodeId;
      driver.crash(late);
      driver.put(0, key, `v-${key}`);
      driver.restart(late);
    }
    const ranges = driver.cluster.ring.rangeCount;
    const cycle = Math.ceil(ranges / perRound);
    const repairedRanges = new Set<number>();
    for (let round = 1; round <= cycle; round++) {
      driver.antiEntropy(false);
      const now = new Set(keys.filter((key) => converged(driver, key)).map((key) => driver.cluster.ring.rangeOf(key)));
      const added = [...now].filter((range) => !repairedRanges.has(range));
      expect(added.length).toBeLessThanOrEqual(perRound);
      for (const range of now) repairedRanges.add(range);
      if (round < cycle) expect(repairedRanges.size).toBeLessThan(ranges);
    }
    expect(repairedRanges.size).toBe(ranges);
    expect(rounds(driver).every((round) => !round.full && round.complete)).toBe(true);
    // The counters agree with the events: one round each, one value repair per missed write.
    const stats = driver.cluster.stats;
    expect(stats.antiEntropyRounds).toBe(cycle);
    expect(stats.antiEntropyValueWrites).toBe(keys.length);
    expect(stats.antiEntropyTombstoneWrites).toBe(0);
  });

  it("retry first the ranges whose sync failed: the next round after a replica returns repairs them", () => {
    // 6 nodes, 2 vnodes each, N=2: 12 ranges, of which the node that goes down replicates a few.
    const shape = { nodeCount: 6, vnodesPerNode: 2, replicationFactor: 2, readQuorum: 1, writeQuorum: 1 };
    const ring = new Ring(["n1", "n2", "n3", "n4", "n5", "n6"], shape.vnodesPerNode, shape.replicationFactor);
    const down = "n3";
    const ranges = Array.from({ length: ring.rangeCount }, (_, range) => range);
    const perRoundHere = ranges.filter((range) => ring.replicasOfRange(range).includes(down)).length; // they fit in one round
    expect(perRoundHere).toBeLessThan(ring.rangeCount / 2);
    const driver = new Driver({ ...manual, ...shape, antiEntropyRangesPerRound: perRoundHere });
    const cycle = Math.ceil(ring.rangeCount / perRoundHere);
    // Every range synced once, in turn, all at time 0: a range synced at 0 is still more
    // recently synced than one never synced.
    for (let round = 0; round < cycle; round++) driver.antiEntropy(false);
    expect(driver.now).toBe(0);
    expect(ranges.filter((range) => driver.cluster.rangeSyncedAt[range] === 0)).toEqual(ranges);
    driver.crash(down);
    const keys = oneKeyPerRange(driver).filter((key) => driver.replicasOf(key).includes(down));
    for (const key of keys) driver.put(0, key, `v-${key}`);
    for (let round = 0; round < cycle; round++) {
      driver.advance(10);
      driver.antiEntropy(false); // the down node's ranges fail each time they come up
    }
    expect(keys.some((key) => converged(driver, key))).toBe(false);
    driver.restart(down);
    driver.advance(10);
    driver.antiEntropy(false);
    expect(keys.filter((key) => !converged(driver, key))).toEqual([]);
  });
});

describe("what a round records", () => {
  it("a round that could not sync every range lists the replica sets it did sync", () => {
    const driver = new Driver(manual);
    driver.antiEntropy(true);
    const whole = rounds(driver)[0]!;
    expect(whole).toMatchObject({ full: true, complete: true, nodes: ["n1", "n2", "n3", "n4", "n5"] });
    expect(whole.syncedReplicaSets).toBeUndefined();

    driver.crash("n3");
    driver.antiEntropy(true);
    const partial = rounds(driver)[1]!;
    expect(partial).toMatchObject({ full: true, complete: false, nodes: ["n1", "n2", "n4", "n5"] });
    const expected = new Set<string>();
    for (let range = 0; range < driver.cluster.ring.rangeCount; range++) {
      const replicas = [...driver.cluster.ring.replicasOfRange(range)].sort();
      if (!replicas.includes("n3")) expected.add(replicas.join(","));
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(partial.syncedReplicaSets?.map((set) => set.join(","))).toEqual([...expected].sort());
  });

  it("a partition stops the pairs it separates, and only those", () => {
    const driver = new Driver(manual);
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(b);
    driver.put(0, "x", "v1", a); // b misses it
    driver.restart(b);
    driver.partition([[c], driver.cluster.nodes.map((node) => node.id).filter((id) => id !== c)]);
    driver.antiEntropy(true);
    expect(driver.cluster.node(b).stateOf("x")?.[0]?.value).toBe("v1"); // a and b are connected
    const round = rounds(driver)[0]!;
    expect(round.complete).toBe(false);
    expect(round.syncedReplicaSets?.some((set) => set.includes(c))).toBe(false);
  });
});

describe("a full round", () => {
  it("first hands off the pending hints, which a scheduled round leaves to hint delivery", () => {
    const driver = new Driver({ ...manual, sloppyQuorum: true, durableHints: true, hintDeliveryIntervalTicks: 100_000 });
    const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.put(0, "x", "v1");
    driver.restart(late);
    driver.antiEntropy(false);
    expect(driver.cluster.pendingHints.get("x")).toBe(1);
    driver.antiEntropy(true);
    expect(driver.cluster.pendingHints.size).toBe(0);
    expect(driver.history().events.filter((event) => event.kind === "hint-delivered")).toHaveLength(1);
  });

  it("is the only round that makes tombstones purgeable under repair GC", () => {
    const driver = new Driver({ ...manual, gc: { mode: "repair", graceTicks: 100 }, gcSettleTicks: 10, antiEntropyRangesPerRound: perRound });
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    for (let round = 0; round < 10; round++) {
      driver.antiEntropy(false); // every range, more than once over
      driver.advance(20);
    }
    expect(driver.history().events.some((event) => event.kind === "gc-purge")).toBe(false);
    driver.antiEntropy(true);
    driver.advance(50);
    expect(driver.history().events.filter((event) => event.kind === "gc-purge")).toHaveLength(3);
  });

  it("makes nothing purgeable under immediate GC, which waits for every replica's acknowledgement", () => {
    const driver = new Driver({ ...manual, gc: { mode: "immediate", graceTicks: 100 }, gcSettleTicks: 10 });
    const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1");
    driver.advance(5);
    driver.crash(late);
    driver.delete(0, "x");
    driver.restart(late);
    driver.antiEntropy(true); // the tombstone is now on every replica, unacknowledged by one
    driver.advance(100);
    expect(driver.history().events.some((event) => event.kind === "gc-purge")).toBe(false);
  });

  it("leaves out a node the rejoin guard holds back, whose data may hold purged deletes", () => {
    const driver = new Driver({ ...manual, gc: { mode: "timeout", graceTicks: 100 }, rejoinRepairDelayTicks: 50 });
    const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", first);
    driver.advance(5);
    driver.crash(late);
    driver.delete(0, "x", first);
    driver.advance(300); // past the grace period: the tombstone is purged on the other replicas
    driver.restart(late); // held back, still holding v1, until rebuilt
    driver.antiEntropy(true);
    expect(rounds(driver).at(-1)?.nodes).not.toContain(late);
    expect(driver.cluster.node(first).stateOf("x")).toBeUndefined();
    driver.quiesce();
    expect(driver.get(1, "x").result?.kind).toBe("absent");
  });
});

describe("anti-entropy with compareVersionsOnApply off", () => {
  it("copies the first replica's state over the others, older or not, and never the other way", () => {
    const driver = new Driver({ ...manual, safeguards: { compareVersionsOnApply: false } });
    const [first, second, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1");
    driver.advance(5);
    driver.crash(first);
    driver.delete(0, "x"); // the first replica misses the delete
    driver.restart(first);
    driver.antiEntropy(true);
    for (const replica of [second, third]) expect(driver.cluster.node(replica).stateOf("x")?.[0]?.value).toBe("v1");
  });
});
