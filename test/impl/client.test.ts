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

  it("records the context a write carries in sorted order, whatever order the siblings are stored in", () => {
    const driver = new Driver({ versioning: "vector-clock", sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
    // Stored by dot ("n1:1" before "n2:1"), these values and tombstone ids sort the other way.
    driver.put(1, "x", "zz", "n1");
    driver.put(2, "x", "aa", "n2");
    driver.run(3, { kind: "delete", key: "y", tombstone: "t-z" }, "n1");
    driver.run(4, { kind: "delete", key: "y", tombstone: "t-a" }, "n2");
    driver.get(5, "x");
    driver.get(5, "y");
    driver.put(5, "x", "next");
    driver.put(5, "y", "next");
    const writes = invokes(driver.history()).filter((event) => event.process === 5 && event.op === "put");
    expect(writes.map((event) => event.context)).toEqual([
      { values: ["aa", "zz"], tombstones: [] },
      { values: [], tombstones: ["t-a", "t-z"] },
    ]);
  });
});

describe("sessions", () => {
  it("refuse a second open op for one process", () => {
    const driver = new Driver();
    driver.start(0, { kind: "get", key: "x" });
    expect(() => driver.start(0, { kind: "get", key: "x" })).toThrow("Clients.submit: process 0 already has an open operation");
  });

  it("say a process is open from its op's invocation to its completion", () => {
    const driver = new Driver();
    expect(driver.clients.isOpen(0)).toBe(false); // never seen
    const handle = driver.start(0, { kind: "get", key: "x" });
    expect(driver.clients.isOpen(0)).toBe(true);
    driver.finish(handle);
    expect(driver.clients.isOpen(0)).toBe(false);
  });

  it("stamp a delete with the time it was issued, and a put with none", () => {
    const driver = new Driver({ versioning: "vector-clock", sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
    const [a] = driver.replicasOf("x");
    driver.put(0, "x", "v1", a);
    driver.get(0, "x", a); // so the delete covers v1
    driver.advance(10);
    const deletedAt = driver.now + 1; // the request's hop to its coordinator
    driver.delete(0, "x", a);
    driver.put(1, "x", "v2", a); // no context: a sibling beside the tombstone
    const stored = driver.cluster.node(a!).stateOf("x")!;
    expect(stored.map((sibling) => [sibling.tombstone, sibling.deletedAt])).toEqual([
      [true, deletedAt],
      [false, -1],
    ]);
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
