// The bounds around quiescence: runUntil is a bounded loop that names what it waited for
// when it gives up, assertConverged names the replicas that disagree, and a barrier waits
// for every open operation.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Cluster, Driver, MemoryRecorder, resolveOptions } from "../../impl/index.ts";
import { assertConverged, runUntil } from "../../impl/quiesce.ts";

describe("runUntil", () => {
  it("gives up past its bound, naming what it waited for", () => {
    const driver = new Driver();
    expect(() => runUntil(driver.cluster, () => false, "a miracle", 100)).toThrow("runUntil: waited 100 ticks for a miracle");
    expect(driver.now).toBeGreaterThan(100);
    expect(driver.now).toBeLessThanOrEqual(101 + 25); // it stopped at the first event past the bound
  });

  it("gives up when nothing is left to run", () => {
    const cluster = new Cluster(resolveOptions(), new MemoryRecorder()); // no background work scheduled
    expect(() => runUntil(cluster, () => false, "a miracle")).toThrow("runUntil: nothing left to run while waiting for a miracle");
  });

  it("returns at once when the condition already holds", () => {
    const driver = new Driver();
    runUntil(driver.cluster, () => true, "nothing");
    expect(driver.now).toBe(0);
  });
});

describe("assertConverged", () => {
  it("names the replicas that disagree and the key", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off" });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(c);
    driver.put(0, "x", "v1", a);
    driver.restart(c);
    expect(() => assertConverged(driver.cluster)).toThrow(new RegExp(`disagree on 'x'`));
    driver.antiEntropy(true);
    expect(() => assertConverged(driver.cluster)).not.toThrow();
  });
});

describe("a barrier", () => {
  it("comes after every open operation has completed", () => {
    const driver = new Driver({ network: { delayTicks: 7 } });
    const put = driver.start(0, { kind: "put", key: "x", value: "v1" });
    const get = driver.start(1, { kind: "get", key: "y" });
    driver.quiesce();
    const events = driver.history().events;
    const barrier = events.findIndex((event) => event.kind === "barrier");
    expect(put.complete).toBeDefined();
    expect(get.complete).toBeDefined();
    const lastComplete = events.map((event) => event.kind).lastIndexOf("complete");
    expect(lastComplete).toBeGreaterThan(-1);
    expect(lastComplete).toBeLessThan(barrier);
  });
});
