// Put and delete at the coordinator: fail before anything is sent, info after a timeout,
// sloppy quorums write through fallbacks, linearizable writes read first, and a dot's past
// is pruned to vectorClockPruneDots.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import { coordinateWrite } from "../../impl/coordinator-write.ts";

describe("coordinated writes", () => {
  it("fail, with no effect, when fewer than W replicas are reachable (strict quorum)", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 2 });
    const [a, b] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.crash(a);
    driver.crash(b);
    const done = driver.put(0, "x", "v1");
    expect(done.outcome).toBe("fail");
    expect(driver.history().events.some((event) => event.kind === "hint-stored")).toBe(false);
  });

  it("succeed through fallbacks under a sloppy quorum, when their hints are durable", () => {
    const driver = new Driver({ sloppyQuorum: true, writeQuorum: 2, durableHints: true });
    const [a, b] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.crash(a);
    driver.crash(b);
    expect(driver.put(0, "x", "v1").outcome).toBe("ok");
    expect(driver.history().events.filter((event) => event.kind === "hint-stored")).toHaveLength(2);
  });

  it("never count a volatile hint towards W: it would not survive its holder's crash", () => {
    const driver = new Driver({ sloppyQuorum: true, writeQuorum: 2, durableHints: false });
    const [a, b] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.crash(a);
    driver.crash(b);
    expect(driver.put(0, "x", "v1").outcome).toBe("info");
    expect(driver.history().events.filter((event) => event.kind === "hint-stored")).toHaveLength(2);
  });

  it("end info when acknowledgements are lost (the write may have taken effect)", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 3, network: { lossProbability: 1 } });
    const [a] = driver.replicasOf("x") as [NodeId];
    const done = driver.put(0, "x", "v1", a);
    expect(done.outcome).toBe("info");
    expect(driver.cluster.node(a).stateOf("x")?.[0]?.value).toBe("v1"); // the local replica wrote it
  });

  it("end info when the coordinator crashes mid-operation", () => {
    const driver = new Driver({ sloppyQuorum: false, network: { delayTicks: 5 } });
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, "n1");
    driver.advance(1); // the request reaches n1, which sends the write out
    driver.crash("n1");
    expect(driver.finish(handle).outcome).toBe("info");
  });

  it("fail when the coordinator crashes before the request reaches it (it never saw the op)", () => {
    const driver = new Driver({ sloppyQuorum: false, network: { delayTicks: 5 } });
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, "n1");
    driver.crash("n1");
    const complete = driver.finish(handle);
    expect(complete.outcome).toBe("fail");
    expect(driver.history().events.filter((event) => event.kind === "hint-stored" || event.kind === "repair-write")).toEqual([]);
  });

  it("in linearizable mode, read first so a coordinator with a slow clock still writes a higher version", () => {
    const run = (linearizable: boolean) => {
      const driver = new Driver({ linearizable, sloppyQuorum: false, readQuorum: 2, writeQuorum: 2 });
      const [a] = driver.replicasOf("x") as [NodeId];
      // A coordinator that is not a replica of x, so its hybrid clock has not seen the first write.
      const outsider = driver.cluster.nodes.map((node) => node.id).find((id) => !driver.replicasOf("x").includes(id))!;
      driver.skew(outsider, -1000);
      driver.put(0, "x", "first", a);
      driver.put(1, "x", "second", outsider);
      return driver.get(2, "x").result;
    };
    expect(run(true)).toEqual({ kind: "value", value: "second" });
    // Without the read phase, the skewed clock loses: allowed at eventual, explained by the skew.
    expect(run(false)).toEqual({ kind: "value", value: "first" });
  });

  it("prune a vector-clock write's past to vectorClockPruneDots, the busiest node's oldest first", () => {
    const driver = new Driver({ versioning: "vector-clock", sloppyQuorum: false, vectorClockPruneDots: 2 });
    const [a] = driver.replicasOf("x") as [NodeId];
    const content = { tombstone: false, value: "v9", tombstoneId: undefined, deletedAt: -1 };
    let outcome: string | undefined;
    const context = new Set(["n1:1", "n1:2", "n2:1"]);
    coordinateWrite(driver.cluster, driver.cluster.node(a), { key: "x", content, context, floorTimestamp: 0 }, (result) => {
      outcome = result;
    });
    driver.advance(50);
    expect(outcome).toBe("ok");
    const stamp = driver.cluster.node(a).stateOf("x")?.[0]?.stamp;
    expect(stamp?.kind === "dot" ? [...stamp.past].sort() : stamp).toEqual(["n1:2", "n2:1"]);
  });
});
