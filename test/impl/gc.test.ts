// Tombstone GC: each mode purges exactly when its condition holds, one gc-purge per tombstone per replica.
import { describe, expect, it } from "vitest";
import type { GcMode, HistoryEvent, NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

function purges(events: HistoryEvent[]) {
  return events.filter((event) => event.kind === "gc-purge");
}

function deleted(mode: GcMode, extra: { downDuringDelete?: boolean } = {}) {
  const driver = new Driver({
    gc: { mode, graceTicks: 200 },
    gcSettleTicks: 20,
    sloppyQuorum: false,
    antiEntropyIntervalTicks: 0,
  });
  const replicas = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(0, "x", "v1");
  driver.advance(5);
  if (extra.downDuringDelete) driver.crash(replicas[2]);
  const deletion = driver.delete(0, "x");
  return { driver, replicas, deletion };
}

describe("gc keep", () => {
  it("never purges", () => {
    const { driver } = deleted("keep");
    driver.advance(5000);
    driver.quiesce();
    expect(purges(driver.history().events)).toEqual([]);
  });
});

describe("gc timeout", () => {
  it("purges on every replica once the grace period has passed, not before", () => {
    const { driver, deletion } = deleted("timeout");
    driver.advance(150);
    expect(purges(driver.history().events)).toEqual([]);
    driver.advance(200);
    const done = purges(driver.history().events);
    expect(done.length).toBe(3);
    for (const purge of done) expect(purge.time - (purge.kind === "gc-purge" ? purge.deletedAt : 0)).toBeGreaterThanOrEqual(200);
    expect(deletion.outcome).toBe("ok");
    expect(driver.get(0, "x").result).toEqual({ kind: "absent", reason: "never-written" });
  });
});

describe("gc repair", () => {
  it("purges only after a full repair round put the tombstone on every replica", () => {
    const { driver, replicas } = deleted("repair", { downDuringDelete: true });
    driver.advance(100);
    driver.antiEntropy(true); // the down replica misses the round: nothing may go
    driver.advance(100);
    expect(purges(driver.history().events)).toEqual([]);
    driver.restart(replicas[2]);
    driver.antiEntropy(true);
    driver.advance(100);
    expect(purges(driver.history().events).length).toBe(3);
  });
});

describe("gc immediate", () => {
  it("purges after every replica acknowledged the delete", () => {
    const { driver } = deleted("immediate");
    driver.advance(100);
    expect(purges(driver.history().events).length).toBe(3);
  });

  it("keeps the tombstone while a replica has not acknowledged it", () => {
    const { driver } = deleted("immediate", { downDuringDelete: true });
    driver.advance(1000);
    expect(purges(driver.history().events)).toEqual([]);
  });
});

describe("gc with the early-gc bug", () => {
  it("purges at the next sweep whatever the mode", () => {
    const driver = new Driver({ gc: { mode: "keep", graceTicks: 200 }, bugs: ["early-gc"] });
    driver.put(0, "x");
    driver.delete(0, "x");
    driver.advance(30);
    expect(purges(driver.history().events).length).toBe(3);
  });
});
