// Whom a coordinator contacts under a sloppy quorum: for each replica it cannot reach, the
// next serving node of the key's ring walk stands in, in order, skipping nodes that are
// down; a strict quorum never uses stand-ins.
import { describe, expect, it } from "vitest";
import type { HistoryEvent, NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

type HintStored = Extract<HistoryEvent, { kind: "hint-stored" }>;

function hints(driver: Driver): Array<[NodeId, NodeId]> {
  return driver.history().events
    .filter((event): event is HintStored => event.kind === "hint-stored")
    .map((event) => [event.holder, event.target]);
}

function walkOf(driver: Driver, key: string): readonly NodeId[] {
  return driver.cluster.ring.walkOf(driver.cluster.ring.rangeOf(key));
}

describe("sloppy quorum stand-ins", () => {
  it("are the next nodes of the ring walk, one per missing replica, in order", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, writeQuorum: 1 });
    const [first, second, third, fourth, fifth] = walkOf(driver, "x") as [NodeId, NodeId, NodeId, NodeId, NodeId];
    driver.crash(second);
    driver.crash(third);
    driver.put(0, "x", "v1", first);
    driver.advance(3);
    expect(hints(driver)).toEqual([
      [fourth, second],
      [fifth, third],
    ]);
  });

  it("come from beyond the replicas, and only as many as are missing", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, writeQuorum: 1, antiEntropyIntervalTicks: 0, readRepair: "off" });
    const [first, second, third, fourth, fifth] = walkOf(driver, "x") as [NodeId, NodeId, NodeId, NodeId, NodeId];
    driver.crash(second);
    driver.put(0, "x", "v1", first);
    driver.advance(3);
    expect(hints(driver)).toEqual([[fourth, second]]);
    // Only replicas store x itself; the stand-in keeps it as a hint.
    expect([first, third, fourth, fifth].filter((id) => driver.cluster.node(id).stateOf("x") !== undefined)).toEqual([first, third]);
  });

  it("skip a node that is down: the next serving one stands in", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, writeQuorum: 1 });
    const [first, , third, fourth, fifth] = walkOf(driver, "x") as [NodeId, NodeId, NodeId, NodeId, NodeId];
    driver.crash(third);
    driver.crash(fourth);
    driver.put(0, "x", "v1", first);
    driver.advance(3);
    expect(hints(driver)).toEqual([[fifth, third]]);
  });

  it("run out when the walk does: a replica with no serving node left gets no stand-in", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, writeQuorum: 1 });
    const [first, second, third, fourth] = walkOf(driver, "x") as [NodeId, NodeId, NodeId, NodeId];
    driver.crash(second);
    driver.crash(third);
    driver.crash(fourth);
    driver.put(0, "x", "v1", first);
    driver.advance(3);
    expect(hints(driver)).toHaveLength(1);
    expect(hints(driver)[0]![1]).toBe(second);
  });

  it("are never used under a strict quorum", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 1 });
    const [first, second] = walkOf(driver, "x") as [NodeId, NodeId];
    driver.crash(second);
    expect(driver.put(0, "x", "v1", first).outcome).toBe("ok");
    driver.advance(3);
    expect(hints(driver)).toEqual([]);
  });

  it("answer a read one per missing replica: with one of three replicas down and R=3, a get asks three nodes", () => {
    const driver = new Driver({ sloppyQuorum: true, readQuorum: 3, readRepair: "off", antiEntropyIntervalTicks: 0 });
    const [first, second] = walkOf(driver, "x") as [NodeId, NodeId];
    driver.crash(second);
    const sentBefore = driver.cluster.stats.messagesSent;
    expect(driver.get(1, "x", first).outcome).toBe("ok");
    driver.advance(5);
    expect(driver.cluster.stats.messagesSent - sentBefore).toBe(3 + 3); // three queries, three replies
  });

  it("answer a read only when the serving replicas are fewer than R", () => {
    // The stand-in holds a hint of x that no serving replica has: whether a get sees it
    // shows whether the stand-in was asked.
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, writeQuorum: 1, readQuorum: 1, readRepair: "off", hintDeliveryIntervalTicks: 100_000 });
    const [first, second, third, fourth] = walkOf(driver, "x") as [NodeId, NodeId, NodeId, NodeId];
    driver.crash(second);
    driver.crash(third);
    driver.put(0, "x", "v1", first); // hints at the stand-ins for second and third
    driver.advance(3);
    driver.crash(first);
    driver.restart(second); // one replica serving, holding nothing: R=1 is met
    // Coordinated by a stand-in, whose own answer would come first if it were asked.
    expect(driver.get(1, "x", fourth).result).toEqual({ kind: "absent", reason: "never-written" });
    driver.crash(second); // no replica serving: the stand-ins answer
    expect(driver.get(1, "x").result).toEqual({ kind: "value", value: "v1" });
  });
});
