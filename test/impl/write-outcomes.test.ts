// How puts and deletes end, and what they leave behind: a timed-out write says how many
// acknowledgements it had; a linearizable write whose read phase times out fails having
// written nothing; the naive-delete bug removes the key where it can and leaves no hint.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

/** linearizable: overlapping strict quorums (R+W>N), no anti-entropy. */
const linearizable: StoreOptionsInput = {
  linearizable: true,
  sloppyQuorum: false,
  readQuorum: 2,
  writeQuorum: 2,
  antiEntropyIntervalTicks: 0,
};

describe("write outcomes", () => {
  it("a write that times out says how many of W acknowledgements it had", () => {
    const driver = new Driver({ sloppyQuorum: false, writeQuorum: 3, antiEntropyIntervalTicks: 0 });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, a);
    driver.advance(1); // the request reached a, which sent the write out
    driver.crash(c); // c never gets it
    expect(driver.finish(handle)).toMatchObject({ outcome: "info", error: "timed out with 2 of 3 acks" });
  });

  it("a linearizable write whose read phase times out fails, having written nothing", () => {
    const driver = new Driver({ ...linearizable, network: { lossProbability: 1 } }); // only the coordinator's own replica answers
    const [a] = driver.replicasOf("x") as [NodeId];
    const put = driver.put(0, "x", "v1", a);
    expect(put).toMatchObject({ outcome: "fail", error: "read phase timed out before anything was written" });
    expect(put.version).toBeUndefined();
    for (const node of driver.cluster.nodes) expect(node.stateOf("x")).toBeUndefined();
  });

  it("a linearizable write whose read phase timed out writes nothing, even when the replies come after all", () => {
    const driver = new Driver({ ...linearizable, opTimeoutTicks: 3, network: { delayTicks: 5 } });
    const outsider = driver.cluster.nodes.map((node) => node.id).find((id) => !driver.replicasOf("x").includes(id))!;
    const put = driver.put(0, "x", "v1", outsider);
    expect(put).toMatchObject({ outcome: "fail", error: "read phase timed out before anything was written" });
    driver.advance(30); // the replies arrive, long after
    for (const node of driver.cluster.nodes) expect(node.stateOf("x")).toBeUndefined();
    expect(driver.history().events.filter((event) => event.kind === "complete")).toHaveLength(1);
  });

  it("a write whose coordinator crashed and came back while its acknowledgements were on their way ends info", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, network: { delayTicks: 3 } });
    const [a] = driver.replicasOf("x") as [NodeId];
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, a);
    driver.advance(2); // the request reached a, which wrote its own copy and sent the write out; the acks come back at +7
    driver.crash(a);
    driver.restart(a); // a new life: the acks are for an op it no longer knows
    expect(driver.finish(handle)).toMatchObject({ outcome: "info", error: "timed out with 1 of 2 acks" });
  });

  it("a write that timed out stays timed out: acknowledgements arriving later complete nothing", () => {
    const driver = new Driver({ sloppyQuorum: false, antiEntropyIntervalTicks: 0, opTimeoutTicks: 3, network: { delayTicks: 5 } });
    const [a, b] = driver.replicasOf("x") as [NodeId, NodeId];
    const handle = driver.start(0, { kind: "put", key: "x", value: "v1" }, b);
    expect(driver.finish(handle)).toMatchObject({ outcome: "info", error: "timed out with 1 of 2 acks" });
    driver.advance(20); // the other replicas' acks arrive
    expect(driver.cluster.node(a).stateOf("x")?.[0]?.value).toBe("v1");
    expect(driver.history().events.filter((event) => event.kind === "complete")).toHaveLength(1);
  });
});

describe("the naive-delete bug", () => {
  it("removes the key from the replicas it reaches and stores no hint for the others", () => {
    const driver = new Driver({ sloppyQuorum: true, antiEntropyIntervalTicks: 0, readRepair: "off", bugs: ["naive-delete"] });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(c);
    expect(driver.delete(0, "x", a).outcome).toBe("ok");
    driver.advance(5);
    expect(driver.history().events.some((event) => event.kind === "hint-stored")).toBe(false);
    expect(driver.cluster.node(a).stateOf("x")).toBeUndefined();
    expect(driver.cluster.node(b).stateOf("x")).toBeUndefined();
    expect(driver.cluster.node(c).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("fails a delete at once when fewer than W replicas are up: no fallback stands in for one", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, antiEntropyIntervalTicks: 0, bugs: ["naive-delete"] });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", a);
    driver.advance(5);
    driver.crash(b);
    driver.crash(c);
    expect(driver.delete(0, "x", a)).toMatchObject({ outcome: "fail", error: "only 1 of 2 write targets reachable" });
    expect(driver.cluster.node(a).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("still writes puts through fallbacks: only deletes skip them", () => {
    const driver = new Driver({ sloppyQuorum: true, durableHints: true, antiEntropyIntervalTicks: 0, bugs: ["naive-delete"] });
    const [a, , c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(c);
    driver.put(0, "x", "v1", a);
    driver.advance(3);
    expect(driver.history().events.filter((event) => event.kind === "hint-stored")).toHaveLength(1);
  });
});
