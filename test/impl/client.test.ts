// Client sessions and causal (vector-clock) operation: contexts recorded on invokes, a
// delete removes only what its context covers, a concurrent put survives as a sibling.
import { describe, expect, it } from "vitest";
import { Driver } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";

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
