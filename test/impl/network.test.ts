// The simulated network: partitions cut traffic between groups, loss and duplication are
// counted, jitter reorders, and everything replays from the seed.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

describe("network", () => {
  it("a partition keeps a write from the other side; heal lets anti-entropy repair it", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 2, antiEntropyIntervalTicks: 0 });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const others = driver.cluster.nodes.map((node) => node.id).filter((id) => id !== c);
    driver.partition([others, [c]]);
    expect(driver.put(0, "x", "v1", a).outcome).toBe("ok");
    driver.advance(5);
    expect(driver.cluster.node(c).stateOf("x")).toBeUndefined();
    driver.heal();
    driver.antiEntropy(true);
    expect(driver.cluster.node(c).stateOf("x")?.[0]?.value).toBe("v1");
    expect(driver.cluster.node(b).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("counts lost and duplicated messages", () => {
    const driver = new Driver({ network: { lossProbability: 0.3, duplicateProbability: 0.3, jitterTicks: 3 } });
    for (let i = 0; i < 50; i++) driver.put(0, `k${i}`);
    const stats = driver.cluster.stats;
    expect(stats.messagesDropped).toBeGreaterThan(0);
    expect(stats.messagesDuplicated).toBeGreaterThan(0);
  });

  it("a duplicated write is applied idempotently", () => {
    const driver = new Driver({ network: { duplicateProbability: 1 } });
    driver.put(0, "x", "v1");
    driver.advance(5);
    expect(driver.get(0, "x").result).toEqual({ kind: "value", value: "v1" });
  });
});
