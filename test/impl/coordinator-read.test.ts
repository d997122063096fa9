// Get at the coordinator: "never written" apart from "deleted", read repair sync/async/off
// (tombstones pushed like values, counted apart), linearizable write-back before returning.
import { describe, expect, it } from "vitest";
import type { NodeId, ReadRepairMode } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

function staleReplica(readRepair: ReadRepairMode, deleteIt: boolean) {
  const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair, readQuorum: 3 });
  const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(0, "x", "v1");
  driver.advance(5);
  driver.crash(late);
  if (deleteIt) driver.delete(0, "x");
  else driver.put(0, "x", "v2");
  driver.restart(late);
  const get = driver.get(1, "x");
  return { driver, late, get };
}

describe("get", () => {
  it("tells a key never written from a deleted one", () => {
    const driver = new Driver();
    expect(driver.get(0, "x").result).toEqual({ kind: "absent", reason: "never-written" });
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    expect(driver.get(0, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("ends info when its coordinator crashed and came back while the replies were on their way", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, network: { delayTicks: 3 } });
    driver.put(0, "x", "v1");
    const [a] = driver.replicasOf("x") as [NodeId];
    const handle = driver.start(1, { kind: "get", key: "x" }, a);
    driver.advance(2); // the request reached a, which asked the replicas; the replies come back at +7
    driver.crash(a);
    driver.restart(a); // a new life: the replies are for a get it no longer knows
    expect(driver.finish(handle)).toMatchObject({ outcome: "info", error: "timed out" });
  });

  it("fails when fewer than R replicas are reachable", () => {
    const driver = new Driver({ sloppyQuorum: false, readQuorum: 3 });
    driver.crash(driver.replicasOf("x")[0]!);
    expect(driver.get(0, "x").outcome).toBe("fail");
  });
});

describe("read repair", () => {
  it("sync repairs the stale replica before the get returns, with a tombstone", () => {
    const { driver, late, get } = staleReplica("sync", true);
    const repair = driver.history().events.find((event) => event.kind === "repair-write");
    expect(repair).toMatchObject({ node: late, source: "read-repair", tombstone: true });
    expect(repair!.time).toBeLessThanOrEqual(get.time);
    expect(driver.cluster.stats.readRepairTombstoneWrites).toBe(1);
    expect(driver.cluster.stats.readRepairValueWrites).toBe(0);
  });

  it("async repairs after the get returns, and counts value repairs apart", () => {
    const { driver, get } = staleReplica("async", false);
    driver.advance(5);
    const repair = driver.history().events.find((event) => event.kind === "repair-write");
    expect(repair).toMatchObject({ source: "read-repair", tombstone: false, value: "v2" });
    expect(repair!.time).toBeGreaterThan(get.time);
    expect(driver.cluster.stats.readRepairValueWrites).toBe(1);
  });

  it("off repairs nothing", () => {
    const { driver } = staleReplica("off", true);
    driver.advance(5);
    expect(driver.history().events.some((event) => event.kind === "repair-write")).toBe(false);
  });

  it("in linearizable mode writes the result back to a write quorum before returning", () => {
    const driver = new Driver({ linearizable: true, sloppyQuorum: false, readQuorum: 2, writeQuorum: 2, readRepair: "off" });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(c);
    driver.put(0, "x", "v1");
    driver.restart(c);
    driver.crash(b);
    const get = driver.get(1, "x", a);
    expect(get.result).toEqual({ kind: "value", value: "v1" });
    const repair = driver.history().events.find((event) => event.kind === "repair-write");
    expect(repair).toMatchObject({ node: c });
    expect(repair!.time).toBeLessThanOrEqual(get.time);
  });

  it("in linearizable mode writes nothing back when every replica that answered holds the result", () => {
    const driver = new Driver({ linearizable: true, sloppyQuorum: false, readQuorum: 2, writeQuorum: 2, readRepair: "off" });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(c);
    const sentBefore = driver.cluster.stats.messagesSent;
    expect(driver.get(1, "x", a).result).toEqual({ kind: "value", value: "v1" });
    driver.advance(5);
    expect(driver.cluster.stats.messagesSent - sentBefore).toBe(2 + 2); // two queries, two replies
  });
});
