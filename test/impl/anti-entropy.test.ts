// Anti-entropy: Merkle comparison touches only differing keys, scheduled rounds cover a
// slice of ranges, a full round makes every replica agree (tombstones included).
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

describe("anti-entropy", () => {
  it("a full round copies what a replica missed, and nothing else", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off" });
    for (let i = 0; i < 20; i++) driver.put(0, `k${i}`);
    driver.advance(5);
    const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.put(0, "x", "v1");
    driver.delete(0, "k1");
    driver.restart(late);
    driver.antiEntropy(true);
    const repairs = driver.history().events.filter((event) => event.kind === "repair-write");
    const repairedKeys = new Set(repairs.map((event) => (event.kind === "repair-write" ? event.key : "")));
    expect(repairedKeys.has("x")).toBe(true);
    for (const key of repairedKeys) expect(["x", "k1"]).toContain(key);
    for (const key of ["x", ...Array.from({ length: 20 }, (_, i) => `k${i}`)]) {
      const ids = driver.replicasOf(key).map((id) => driver.cluster.node(id).stateOf(key)?.map((s) => s.id).join());
      expect(new Set(ids).size).toBe(1);
    }
  });

  it("scheduled rounds are partial and recorded", () => {
    const driver = new Driver({ antiEntropyIntervalTicks: 10, antiEntropyRangesPerRound: 4 });
    driver.advance(35);
    const rounds = driver.history().events.filter((event) => event.kind === "anti-entropy-round");
    expect(rounds).toHaveLength(3);
    expect(rounds.every((round) => round.kind === "anti-entropy-round" && !round.full)).toBe(true);
  });

  it("counts tombstone repairs apart from value repairs", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off" });
    driver.put(0, "x");
    driver.put(0, "y");
    driver.advance(5);
    const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.delete(0, "x");
    driver.restart(late);
    driver.antiEntropy(true);
    expect(driver.cluster.stats.antiEntropyTombstoneWrites).toBe(1);
    expect(driver.cluster.stats.antiEntropyValueWrites).toBe(0);
  });
});
