// The Driver's conveniences: made-up values and tombstone ids are unique, an anti-entropy
// round is full unless asked otherwise, and time advances exactly as asked.
import { describe, expect, it } from "vitest";
import { Driver } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";

describe("Driver", () => {
  it("makes up a unique value for each put and a unique tombstone id for each delete", () => {
    const driver = new Driver({ versioning: "vector-clock" });
    driver.put(1, "x");
    driver.put(1, "x");
    driver.put(2, "x");
    driver.delete(1, "x");
    driver.delete(2, "y");
    const recorded = invokes(driver.history());
    const values = recorded.flatMap((event) => (event.value === undefined ? [] : [event.value]));
    const tombstones = recorded.flatMap((event) => (event.tombstone === undefined ? [] : [event.tombstone]));
    expect(new Set(values).size).toBe(3);
    expect(new Set(tombstones).size).toBe(2);
    expect(values.every((value) => value.length > 0)).toBe(true);
    expect(new Set([...values, ...tombstones]).size).toBe(5);
  });

  it("hands back a handle naming the op's process, and names that op when it gives up waiting for it", () => {
    const driver = new Driver({
      sloppyQuorum: false,
      antiEntropyIntervalTicks: 0,
      gcIntervalTicks: 10_000_000,
      hintDeliveryIntervalTicks: 10_000_000,
      opTimeoutTicks: 2_000_000, // longer than the Driver waits
      network: { lossProbability: 1 },
    });
    const handle = driver.start(7, { kind: "put", key: "x", value: "v1" });
    expect(handle).toEqual({ process: 7, complete: undefined });
    expect(() => driver.finish(handle)).toThrow("runUntil: waited 1000000 ticks for process 7's op");
  });

  it("runs a full anti-entropy round unless told otherwise", () => {
    const driver = new Driver();
    driver.antiEntropy();
    driver.antiEntropy(false);
    const rounds = driver.history().events.flatMap((event) => (event.kind === "anti-entropy-round" ? [event.full] : []));
    expect(rounds).toEqual([true, false]);
  });

  it("advances time by exactly the ticks asked, running what falls due", () => {
    const driver = new Driver({ antiEntropyIntervalTicks: 10 });
    driver.advance(25);
    expect(driver.now).toBe(25);
    driver.advance(5);
    expect(driver.now).toBe(30);
    expect(driver.history().events.filter((event) => event.kind === "anti-entropy-round").map((event) => event.time)).toEqual([10, 20, 30]);
  });

  it("runs ops started together concurrently, each to its own completion", () => {
    const driver = new Driver({ network: { delayTicks: 3 } });
    const put = driver.start(0, { kind: "put", key: "x", value: "v1" });
    const get = driver.start(1, { kind: "get", key: "y" });
    expect(put.complete).toBeUndefined();
    const finishedGet = driver.finish(get);
    expect(finishedGet.op).toBe("get");
    expect(driver.finish(put).op).toBe("put");
    const events = driver.history().events.map((event) => event.kind);
    expect(events.slice(0, 2)).toEqual(["invoke", "invoke"]);
  });
});
