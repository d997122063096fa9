// Client sessions and causal (vector-clock) operation: contexts recorded on invokes, a
// delete removes only what its context covers, a concurrent put survives as a sibling, and
// a pruned past lets a superseded value come back.
import { describe, expect, it } from "vitest";
import { Driver } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";
import { prunedPastScenario } from "./pruning-scenario.ts";

describe("causal mode", () => {
  it("SPEC example 7: a delete concurrent with a put leaves the put and the tombstone as siblings", () => {
    const driver = new Driver({ versioning: "vector-clock" });
    driver.put(1, "x", "v1");
    expect(driver.get(1, "x").result).toEqual({ kind: "siblings", values: ["v1"], tombstones: [] });
    const del = driver.start(1, { kind: "delete", key: "x", tombstone: "t1" });
    const put = driver.start(2, { kind: "put", key: "x", value: "v2" });
    expect(driver.finish(del).outcome).toBe("ok");
    expect(driver.finish(put).outcome).toBe("ok");
    driver.quiesce();
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: ["t1"] });
    const recorded = invokes(driver.history());
    expect(recorded.find((event) => event.op === "delete")).toMatchObject({
      tombstone: "t1",
      context: { values: ["v1"], tombstones: [] },
    });
    expect(recorded.find((event) => event.value === "v2")?.context).toEqual({ values: [], tombstones: [] });
  });

  it("a put with a context covering the tombstone re-creates the key", () => {
    const driver = new Driver({ versioning: "vector-clock" });
    driver.put(1, "x", "v1");
    driver.get(1, "x");
    driver.run(1, { kind: "delete", key: "x", tombstone: "t1" });
    expect(driver.get(1, "x").result).toEqual({ kind: "siblings", values: [], tombstones: ["t1"] });
    driver.put(1, "x", "v2");
    driver.quiesce();
    expect(driver.get(2, "x").result).toEqual({ kind: "siblings", values: ["v2"], tombstones: [] });
  });

  it("two puts without contexts are both kept", () => {
    const driver = new Driver({ versioning: "vector-clock" });
    driver.put(1, "x", "a");
    driver.put(2, "x", "b");
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["a", "b"], tombstones: [] });
  });
});

describe("sessions", () => {
  it("refuse a second open op for one process", () => {
    const driver = new Driver();
    driver.start(0, { kind: "get", key: "x" });
    expect(() => driver.start(0, { kind: "get", key: "x" })).toThrow();
  });
});

describe("pruned causal pasts (vectorClockPruneDots)", () => {
  it("without pruning, a rejoining replica's superseded value stays superseded", () => {
    expect(prunedPastScenario(0, "put").finalGet.result).toEqual({ kind: "siblings", values: ["v4"], tombstones: [] });
    expect(prunedPastScenario(0, "delete").finalGet.result).toEqual({ kind: "siblings", values: [], tombstones: ["t1"] });
  });

  it("at 2 dots, the superseded value comes back beside the write and the tombstone that had seen it", () => {
    const put = prunedPastScenario(2, "put");
    expect(put.finalGet.result).toEqual({ kind: "siblings", values: ["v1", "v4"], tombstones: [] });
    const del = prunedPastScenario(2, "delete");
    expect(del.finalGet.result).toEqual({ kind: "siblings", values: ["v1"], tombstones: ["t1"] });
    // The store kept its bound: no stored past holds more than 2 dots.
    for (const node of del.driver.cluster.nodes) {
      for (const sibling of node.stateOf("x") ?? []) {
        if (sibling.stamp.kind === "dot") expect(sibling.stamp.past.size).toBeLessThanOrEqual(2);
      }
    }
  });

  it("a context pruned below the siblings a get saw leaves one beside the next write; the record names both", () => {
    const driver = new Driver({ versioning: "vector-clock", vectorClockPruneDots: 1 });
    driver.put(1, "x", "a");
    driver.put(2, "x", "b");
    expect(driver.get(3, "x").result).toEqual({ kind: "siblings", values: ["a", "b"], tombstones: [] });
    driver.put(3, "x", "c");
    const put = invokes(driver.history()).find((event) => event.value === "c");
    expect(put?.context).toEqual({ values: ["a", "b"], tombstones: [] });
    driver.quiesce();
    // The forgotten one of a and b (whichever pruning dropped) survives beside c.
    const result = driver.get(4, "x").result;
    expect([
      { kind: "siblings", values: ["a", "c"], tombstones: [] },
      { kind: "siblings", values: ["b", "c"], tombstones: [] },
    ]).toContainEqual(result);
  });
});
