// Gets at the edges of the read quorum, and what read repair may and may not write: a get
// with exactly R serving replicas succeeds, one whose replies are lost ends info; a late
// reply newer than the result is repaired back to the replicas that answered before it;
// fallbacks that stood in for a replica are never repaired (they are not replicas).
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";
import { eventsOf, putWhileDown } from "./helpers.ts";

function readRepairs(driver: Driver) {
  return eventsOf(driver, "repair-write").filter((event) => event.source === "read-repair");
}

const strict: StoreOptionsInput = { sloppyQuorum: false, antiEntropyIntervalTicks: 0 };

describe("the read quorum", () => {
  it("a get fails at once, saying how many targets it had, when fewer than R are serving", () => {
    const driver = new Driver({ ...strict, readQuorum: 3 });
    driver.crash(driver.replicasOf("x")[1]!);
    expect(driver.get(1, "x")).toMatchObject({ outcome: "fail", error: "only 2 of 3 read targets reachable" });
  });

  it("a get succeeds with exactly R serving replicas", () => {
    const driver = new Driver({ ...strict, readQuorum: 2 });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1");
    driver.advance(5);
    driver.crash(c);
    expect(driver.get(1, "x", a)).toMatchObject({ outcome: "ok", result: { kind: "value", value: "v1" } });
  });

  it("a get whose replies are lost ends info, after the op timeout", () => {
    const driver = new Driver({ ...strict, readQuorum: 2, opTimeoutTicks: 20, network: { lossProbability: 1 } });
    const outsider = driver.cluster.nodes.map((node) => node.id).find((id) => !driver.replicasOf("x").includes(id))!;
    const invokedAt = driver.now;
    const get = driver.get(1, "x", outsider);
    expect(get).toMatchObject({ outcome: "info", error: "timed out" });
    expect(get.time).toBe(invokedAt + 1 + 20); // the client's hop, then the timeout
  });
});

/**
 * staleCoordinator: x=v1 everywhere, then x=v2 while the first replica is down; that
 * replica coordinates a get with R=1, so its own stale copy answers first and decides the
 * result; the other replicas' replies arrive after it.
 */
function staleCoordinator(readRepair: "sync" | "async" | "off") {
  const driver = new Driver({ ...strict, readQuorum: 1, readRepair });
  const [a, b] = driver.replicasOf("x") as [NodeId, NodeId];
  driver.put(0, "x", "v1", b);
  driver.advance(5);
  putWhileDown(driver, [a], "x", "v2", b);
  const sentBefore = driver.cluster.stats.messagesSent;
  const get = driver.get(1, "x", a);
  driver.advance(10);
  return { driver, a, get, messages: driver.cluster.stats.messagesSent - sentBefore };
}

describe("late replies", () => {
  for (const mode of ["sync", "async"] as const) {
    it(`${mode}: a late reply newer than the result is repaired back to the replica that answered first`, () => {
      const { driver, a, get } = staleCoordinator(mode);
      expect(get.result).toEqual({ kind: "value", value: "v1" }); // R=1: the stale copy decided
      const repairs = readRepairs(driver);
      expect(repairs).toEqual([expect.objectContaining({ node: a, value: "v2", tombstone: false })]);
      expect(repairs[0]!.time).toBeGreaterThan(get.time);
      expect(driver.cluster.node(a).stateOf("x")?.[0]?.value).toBe("v2");
    });

    it(`${mode}: the stale replica is repaired once, however many replies come after the one that showed it stale`, () => {
      // Three queries and three replies, then one repair and its acknowledgement.
      expect(staleCoordinator(mode).messages).toBe(3 + 3 + 2);
    });
  }

  it("off: nothing is repaired, late replies or not", () => {
    const { driver, a } = staleCoordinator("off");
    expect(readRepairs(driver)).toEqual([]);
    expect(driver.cluster.node(a).stateOf("x")?.[0]?.value).toBe("v1");
    expect(staleCoordinator("off").messages).toBe(3 + 3);
  });
});

describe("read repair with compareVersionsOnApply off", () => {
  it("still brings a stale replica up to date", () => {
    const driver = new Driver({ ...strict, readRepair: "sync", readQuorum: 3, safeguards: { compareVersionsOnApply: false } });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(c);
    driver.put(0, "x", "v2", a);
    driver.restart(c);
    expect(driver.get(1, "x", a).result).toEqual({ kind: "value", value: "v2" });
    expect(driver.cluster.node(c).stateOf("x")?.[0]?.value).toBe("v2");
  });
});

describe("sloppy reads", () => {
  it("never repair a fallback that stood in for a replica: it is not one", () => {
    const driver = new Driver({ sloppyQuorum: true, antiEntropyIntervalTicks: 0, readQuorum: 2, readRepair: "sync" });
    const replicas = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const [a, b, c] = replicas;
    driver.put(0, "x", "v1");
    driver.advance(5);
    driver.crash(b);
    driver.crash(c);
    const get = driver.get(1, "x", a); // a and a fallback (which holds no hint of x) answer
    expect(get).toMatchObject({ outcome: "ok", result: { kind: "value", value: "v1" } });
    driver.advance(10);
    expect(readRepairs(driver).filter((repair) => !replicas.includes(repair.node))).toEqual([]);
    for (const node of driver.cluster.nodes) {
      if (!replicas.includes(node.id)) expect(node.stateOf("x")).toBeUndefined();
    }
  });
});

/** Three replicas, each holding a different version of x: first v1, second v2, third v3. */
function threeVersions(options: StoreOptionsInput) {
  const driver = new Driver({ ...strict, readRepair: "off", writeQuorum: 1, ...options });
  const [first, second, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(0, "x", "v1", first);
  driver.advance(5);
  putWhileDown(driver, [first], "x", "v2", second);
  putWhileDown(driver, [first, second], "x", "v3", third);
  return { driver, first, second, third };
}

describe("sync read repair", () => {
  it("costs nothing when the replies agree: the get completes when an async one would", () => {
    const latency = (readRepair: "sync" | "async") => {
      const driver = new Driver({ ...strict, readRepair, readQuorum: 2 });
      const [a] = driver.replicasOf("x") as [NodeId];
      driver.put(0, "x", "v1", a);
      driver.advance(5);
      const invokedAt = driver.now;
      return driver.get(1, "x", a).time - invokedAt;
    };
    expect(latency("sync")).toBe(latency("async"));
  });

  it("returns the reconciliation of the first R replies: a reply arriving while it repairs does not change it", () => {
    // The coordinator's own reply comes first, the second replica's next; the third's
    // arrives in the same tick, after the result was decided.
    const { driver, first } = threeVersions({ readRepair: "sync", readQuorum: 2 });
    expect(driver.get(1, "x", first).result).toEqual({ kind: "value", value: "v2" });
  });

  it("waits only for the repairs its first R replies call for: a later reply does not delay it", () => {
    const latency = (thirdAnswers: boolean) => {
      const { driver, first, third } = threeVersions({ readRepair: "sync", readQuorum: 2 });
      if (!thirdAnswers) driver.crash(third);
      const invokedAt = driver.now;
      return driver.get(1, "x", first).time - invokedAt;
    };
    expect(latency(true)).toBe(latency(false));
  });

  it("a repair acknowledged to a coordinator that crashed and came back meanwhile finishes nothing", () => {
    const { driver, third } = threeVersions({ readRepair: "sync", readQuorum: 2, network: { delayTicks: 3 } });
    const handle = driver.start(1, { kind: "get", key: "x" }, third);
    // The request reaches the third replica at +1; its own reply and the first replica's
    // (stale) decide at +7; the repair of the first is acknowledged at +13.
    driver.advance(8);
    driver.crash(third);
    driver.restart(third);
    expect(driver.finish(handle)).toMatchObject({ outcome: "info", error: "timed out" });
  });
});

describe("linearizable gets", () => {
  const linearizable: StoreOptionsInput = { ...strict, linearizable: true, readRepair: "off" };

  it("return at once for a key never written: there is nothing to write back", () => {
    const driver = new Driver({ ...linearizable, readQuorum: 1, writeQuorum: 3 });
    const [a] = driver.replicasOf("x") as [NodeId];
    const invokedAt = driver.now;
    const get = driver.get(1, "x", a);
    expect(get).toMatchObject({ outcome: "ok", result: { kind: "absent", reason: "never-written" } });
    expect(get.time).toBeLessThan(invokedAt + 20);
  });

  it("write the result back to replicas that have not answered, so a write quorum holds it without them", () => {
    // The coordinator (current) and the second replica (stale) decide; the third's answer
    // is lost, and the second is cut off before its repair arrives. Only the write-back to
    // the third, which never answered, can make the write quorum.
    const driver = new Driver({ ...linearizable, readQuorum: 2, writeQuorum: 2 });
    const [first, second, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const allBut = (id: NodeId) => driver.cluster.nodes.map((node) => node.id).filter((other) => other !== id);
    driver.crash(second);
    driver.put(0, "x", "v1", first);
    driver.advance(5);
    driver.restart(second);
    const handle = driver.start(1, { kind: "get", key: "x" }, first);
    driver.advance(2); // the queries have arrived; the replies are on their way
    driver.partition([[third], allBut(third)]); // the third's reply is lost
    driver.advance(1); // the second's reply decides; the repair and the write-back leave
    driver.partition([[second], allBut(second)]); // the repair of the second is lost
    expect(driver.finish(handle)).toMatchObject({ outcome: "ok", result: { kind: "value", value: "v1" } });
    expect(driver.cluster.node(third).stateOf("x")?.[0]?.value).toBe("v1");
    expect(driver.cluster.node(second).stateOf("x")).toBeUndefined();
  });
});
