// Client sessions in detail: what an invoke and a complete record, how a process's session
// carries the timestamps it has seen into its next write (so a delete after a read of a
// value from a fast clock still wins), and how a request fails when its coordinator stops
// before the request reaches it.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";

function outsiderOf(driver: Driver, key: string): NodeId {
  return driver.cluster.nodes.map((node) => node.id).find((id) => !driver.replicasOf(key).includes(id))!;
}

describe("what a session carries", () => {
  it("a delete after a get orders after the value the get saw, even from a coordinator whose clock is behind it", () => {
    const run = (readFirst: boolean) => {
      const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
      const [fast] = driver.replicasOf("x") as [NodeId];
      driver.skew(fast, 1000);
      driver.put(1, "x", "v1", fast); // stamped far ahead of true time
      if (readFirst) expect(driver.get(2, "x").result).toEqual({ kind: "value", value: "v1" });
      driver.delete(2, "x", outsiderOf(driver, "x")); // its clock has seen nothing of x
      return driver.get(3, "x").result;
    };
    expect(run(true)).toEqual({ kind: "absent", reason: "deleted" });
    // Without the read, nothing orders the delete after the put: the skew decides.
    expect(run(false)).toEqual({ kind: "value", value: "v1" });
  });

  it("a write that timed out still moves the session's clock: it may have taken effect", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 3, antiEntropyIntervalTicks: 0, network: { lossProbability: 1 } });
    const [fast] = driver.replicasOf("x") as [NodeId];
    driver.skew(fast, 1000);
    expect(driver.put(1, "x", "v1", fast).outcome).toBe("info"); // applied at `fast` itself
    const lagging = outsiderOf(driver, "x");
    const second = driver.put(1, "x", "v2", lagging);
    const stamps = driver.history().events.flatMap((event) =>
      event.kind === "complete" && event.process === 1 && event.version?.kind === "lww" ? [event.version.timestamp] : [],
    );
    expect(stamps).toHaveLength(2);
    expect(second.outcome).toBe("info");
    expect(stamps[1]!).toBeGreaterThan(stamps[0]!);
  });

  it("a write that failed before it was stamped leaves the session's clock where it was", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 3, antiEntropyIntervalTicks: 0 });
    const [fast, , third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.skew(fast, 1000);
    driver.put(1, "x", "v1", fast); // stamped far ahead of true time
    driver.crash(third);
    expect(driver.put(1, "x", "v2", fast).outcome).toBe("fail"); // never stamped
    driver.restart(third);
    driver.delete(1, "x", outsiderOf(driver, "x")); // its clock has seen nothing of x
    expect(driver.get(2, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("a get of an older version leaves the session's clock where it was", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0 });
    const [fast] = driver.replicasOf("x") as [NodeId];
    driver.put(0, "y", "old"); // stamped at true time
    driver.skew(fast, 1000);
    driver.put(1, "x", "v1", fast); // stamped far ahead of true time
    expect(driver.get(1, "y").result).toEqual({ kind: "value", value: "old" });
    driver.delete(1, "x", outsiderOf(driver, "x"));
    expect(driver.get(2, "x").result).toEqual({ kind: "absent", reason: "deleted" });
  });
});

describe("what the history records", () => {
  it("an LWW delete's invoke carries no tombstone id or context; a put's carries its value", () => {
    const driver = new Driver();
    driver.put(0, "x", "v1");
    driver.delete(0, "x");
    const [put, del] = invokes(driver.history());
    expect(put).toMatchObject({ op: "put", value: "v1" });
    expect(put?.context).toBeUndefined();
    expect(del).toMatchObject({ op: "delete" });
    expect(del?.tombstone).toBeUndefined();
    expect(del?.context).toBeUndefined();
    expect(del?.value).toBeUndefined();
  });

  it("a write's complete carries its version; only a failed op carries an error", () => {
    const driver = new Driver({ sloppyQuorum: false });
    const put = driver.put(0, "x", "v1");
    expect(put.version).toMatchObject({ kind: "lww" });
    expect(put.error).toBeUndefined();
    expect(put.result).toBeUndefined();
    for (const id of driver.replicasOf("x")) driver.crash(id);
    const failed = driver.put(0, "x", "v2");
    expect(failed).toMatchObject({ outcome: "fail", error: "only 0 of 2 write targets reachable" });
    expect(failed.version).toBeUndefined();
  });

  it("a get's complete carries its result only when ok", () => {
    const driver = new Driver({ sloppyQuorum: false });
    for (const id of driver.replicasOf("x")) driver.crash(id);
    const get = driver.get(0, "x");
    expect(get.outcome).toBe("fail");
    expect(get.result).toBeUndefined();
  });

  it("the counters agree with the recorded outcomes", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 3, network: { lossProbability: 0.5 } });
    for (let i = 0; i < 20; i++) driver.put(0, `k${i % 4}`);
    driver.crash("n1");
    driver.crash("n2");
    driver.crash("n3");
    for (let i = 0; i < 10; i++) driver.get(1, `k${i % 4}`);
    const completes = driver.history().events.filter((event) => event.kind === "complete");
    const count = (outcome: string) => completes.filter((event) => event.kind === "complete" && event.outcome === outcome).length;
    const stats = driver.cluster.stats;
    expect(stats.opsInvoked).toBe(30);
    expect([stats.opsOk, stats.opsFail, stats.opsInfo]).toEqual([count("ok"), count("fail"), count("info")]);
    expect(stats.opsOk).toBeGreaterThan(0);
    expect(stats.opsFail).toBeGreaterThan(0);
    expect(stats.opsInfo).toBeGreaterThan(0);
  });
});

describe("choosing a coordinator", () => {
  it("fails at once when no node is serving", () => {
    const driver = new Driver();
    for (const node of driver.cluster.nodes) driver.crash(node.id);
    expect(driver.get(0, "x")).toMatchObject({ outcome: "fail", error: "no node is serving" });
  });

  it("fails when the coordinator asked for is not serving", () => {
    const driver = new Driver();
    driver.crash("n2");
    expect(driver.get(0, "x", "n2")).toMatchObject({ outcome: "fail", error: "coordinator n2 is not serving" });
  });

  it("fails a request whose coordinator crashed and came back before it arrived: that node never saw it", () => {
    const driver = new Driver();
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, "n1");
    driver.crash("n1");
    driver.restart("n1");
    expect(driver.finish(handle)).toMatchObject({ outcome: "fail", error: "coordinator n1 stopped before the request arrived" });
    expect(driver.get(1, "x").result).toEqual({ kind: "absent", reason: "never-written" });
  });

  it("fails a request whose coordinator the rejoin guard held back before it arrived", () => {
    const driver = new Driver({ gc: { mode: "timeout", graceTicks: 100 }, sloppyQuorum: false });
    driver.partition([["n1"], ["n2", "n3", "n4", "n5"]]);
    driver.advance(150);
    const handle = driver.start(0, { kind: "get", key: "x" }, "n1"); // n1 is up, cut off
    driver.heal(); // n1 was cut off past the grace period: held back from now
    expect(driver.finish(handle)).toMatchObject({ outcome: "fail", error: "coordinator n1 stopped before the request arrived" });
  });
});
