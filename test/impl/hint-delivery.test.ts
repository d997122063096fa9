// Hinted handoff in detail: a sloppy read sees only the hints of the key it reads; a
// crashed holder delivers nothing until it is back; a volatile hint lives exactly its TTL;
// every stored hint ends delivered or expired, and the counters agree with the events.
import { describe, expect, it } from "vitest";
import type { HistoryEvent, NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

type HintEvent = Extract<HistoryEvent, { kind: "hint-stored" | "hint-delivered" | "hint-expired" }>;

function hintEvents(driver: Driver, kind: HintEvent["kind"]): HintEvent[] {
  return driver.history().events.filter((event): event is HintEvent => event.kind === kind);
}

const handoff: StoreOptionsInput = { sloppyQuorum: true, antiEntropyIntervalTicks: 0, readRepair: "off", hintDeliveryIntervalTicks: 1 };

/** keyReplicatedBy finds a key whose replicas are exactly `replicas` (in any order). */
function keyReplicatedBy(driver: Driver, replicas: readonly NodeId[]): string {
  for (let i = 0; ; i++) {
    const key = `y${i}`;
    const list = driver.replicasOf(key);
    if (list.length === replicas.length && replicas.every((id) => list.includes(id))) return key;
  }
}

describe("sloppy reads through a fallback", () => {
  it("see the hints of the key read, not those of another key the fallback holds", () => {
    const driver = new Driver({ ...handoff, hintDeliveryIntervalTicks: 100_000, readQuorum: 2, writeQuorum: 1 });
    const [a, b, c] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    const y = keyReplicatedBy(driver, [a, b, c]); // same replicas, so the same fallbacks stand in
    driver.crash(b);
    driver.crash(c);
    driver.put(0, "x", "x-value", a); // hints of x, then of y, at the fallbacks
    driver.put(0, y, "y-value", a);
    driver.advance(3);
    driver.crash(a);
    expect(driver.get(1, "x")).toMatchObject({ outcome: "ok", result: { kind: "value", value: "x-value" } });
  });
});

describe("delivery", () => {
  it("a crashed holder delivers nothing until it is back", () => {
    const driver = new Driver({ ...handoff, durableHints: true });
    const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(late);
    driver.put(0, "x", "v1");
    const holder = hintEvents(driver, "hint-stored")[0]!.holder;
    driver.crash(holder);
    driver.restart(late);
    driver.advance(50);
    expect(hintEvents(driver, "hint-delivered")).toEqual([]);
    expect(driver.cluster.node(late).stateOf("x")).toBeUndefined();
    driver.restart(holder);
    driver.advance(2);
    expect(hintEvents(driver, "hint-delivered")).toHaveLength(1);
    expect(driver.cluster.node(late).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("a volatile hint is still delivered when its target returns exactly hintTtlTicks after it was stored", () => {
    const run = (downTicks: number) => {
      const driver = new Driver({ ...handoff, hintTtlTicks: 40 });
      const [, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
      driver.crash(late);
      const handle = driver.start(0, { kind: "put", key: "x", value: "v1" });
      driver.advance(3); // stored at a fallback
      const storedAt = hintEvents(driver, "hint-stored")[0]!.time;
      driver.finish(handle);
      driver.advance(storedAt + downTicks - driver.now - 1);
      driver.restart(late); // the sweep of the next tick delivers or expires it
      driver.advance(1);
      return { delivered: hintEvents(driver, "hint-delivered").length, expired: hintEvents(driver, "hint-expired").length };
    };
    expect(run(40)).toEqual({ delivered: 1, expired: 0 });
    expect(run(41)).toEqual({ delivered: 0, expired: 1 });
  });

  it("each hint ends once, delivered or expired, and the counters match the events", () => {
    const driver = new Driver({ ...handoff, hintTtlTicks: 30, writeQuorum: 1 });
    const [first, second, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(third);
    driver.put(0, "x", "v1", first); // a hint for the third replica
    driver.crash(second);
    driver.put(0, "x", "v2", first); // hints for the second and third
    driver.restart(second); // its hint is delivered
    driver.advance(100); // the third's expire
    const stats = driver.cluster.stats;
    expect(stats.hintsStored).toBe(hintEvents(driver, "hint-stored").length);
    expect(stats.hintsDelivered).toBe(hintEvents(driver, "hint-delivered").length);
    expect(stats.hintsExpired).toBe(hintEvents(driver, "hint-expired").length);
    expect(stats.hintsDelivered).toBeGreaterThan(0);
    expect(stats.hintsExpired).toBeGreaterThan(0);
    expect(stats.hintsStored).toBe(stats.hintsDelivered + stats.hintsExpired);
    expect(driver.cluster.pendingHints.size).toBe(0);
    for (const end of [...hintEvents(driver, "hint-delivered"), ...hintEvents(driver, "hint-expired")]) {
      const stored = hintEvents(driver, "hint-stored").find((event) => event.target === end.target && event.value === end.value);
      expect(end.kind !== "hint-stored" && end.storedAt).toBe(stored?.time);
    }
  });

  it("a key's hints stay pending until its last one ends", () => {
    const driver = new Driver({ ...handoff, durableHints: true, hintDeliveryIntervalTicks: 100_000, writeQuorum: 1 });
    const [first, second, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.crash(second);
    driver.crash(third);
    driver.put(0, "x", "v1", first);
    driver.advance(3); // two hints of x stored at fallbacks
    expect(driver.cluster.pendingHints.get("x")).toBe(2);
    driver.restart(second);
    driver.deliverHints();
    expect(driver.cluster.pendingHints.get("x")).toBe(1);
    driver.restart(third);
    driver.deliverHints();
    expect(driver.cluster.pendingHints.has("x")).toBe(false);
  });
});

describe("the doomstone bug under vector clocks", () => {
  it("re-stamps a late tombstone hint above what its target holds, so it hides a newer value", () => {
    const run = (bugs: ["doomstone"] | []) => {
      const driver = new Driver({ ...handoff, versioning: "vector-clock", hintDeliveryIntervalTicks: 100_000, durableHints: true, bugs });
      const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
      driver.put(0, "x", "v1", first);
      driver.get(0, "x", first);
      driver.advance(5);
      driver.crash(late);
      driver.run(0, { kind: "delete", key: "x", tombstone: "t1" }, first); // a hint for the late replica
      driver.restart(late);
      driver.get(0, "x", first);
      driver.put(0, "x", "v2", first); // re-created, having seen the tombstone
      driver.advance(5);
      driver.deliverHints();
      driver.quiesce();
      return driver.get(1, "x").result;
    };
    expect(run([])).toEqual({ kind: "siblings", values: ["v2"], tombstones: [] });
    expect(run(["doomstone"])).toEqual({ kind: "siblings", values: [], tombstones: ["t1"] });
  });

  it("the re-stamped tombstone covers what its target's versions had covered, so it hides them on the other replicas too", () => {
    // x=p everywhere; a blind delete (a hint for the third replica, which is down); the third
    // alone then stores c, which covers p (c's hints for the others expire). The hint,
    // re-stamped at the third over c, must also cover p, which the others still hold.
    const driver = new Driver({
      ...handoff,
      versioning: "vector-clock",
      readQuorum: 1,
      writeQuorum: 1,
      hintTtlTicks: 30,
      hintDeliveryIntervalTicks: 100_000,
      bugs: ["doomstone"],
    });
    const [a, b, third] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "p", a);
    driver.advance(5);
    driver.crash(third);
    driver.run(9, { kind: "delete", key: "x", tombstone: "t1" }, a); // process 9 never read x
    driver.advance(5);
    driver.restart(third);
    driver.crash(a);
    driver.crash(b);
    driver.get(1, "x", third);
    driver.put(1, "x", "c", third);
    driver.deliverHints(); // the tombstone hint reaches the third, re-stamped over c
    driver.advance(40);
    driver.deliverHints(); // c's hints for the others expire
    expect(hintEvents(driver, "hint-expired")).toHaveLength(2);
    driver.restart(a);
    driver.restart(b);
    driver.antiEntropy(true);
    expect(driver.get(2, "x", a).result).toEqual({ kind: "siblings", values: [], tombstones: ["t1", "t1"] });
  });
});

describe("the doomstone bug under last-write-wins", () => {
  it("re-stamps hints in the order it delivers them, so a later write's hint still beats an earlier one's", () => {
    const driver = new Driver({ ...handoff, hintDeliveryIntervalTicks: 100_000, durableHints: true, bugs: ["doomstone"] });
    const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
    driver.put(0, "x", "v1", first);
    driver.advance(5);
    driver.crash(late);
    driver.delete(0, "x", first); // a tombstone hint, then a value hint, at the same fallback
    driver.put(0, "x", "v2", first);
    driver.advance(5);
    driver.restart(late);
    driver.deliverHints();
    expect(hintEvents(driver, "hint-delivered").map((event) => event.tombstone)).toEqual([true, false]);
    expect(driver.cluster.node(late).stateOf("x")?.[0]?.value).toBe("v2");
  });
});

