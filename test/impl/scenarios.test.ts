// The scenarios behind issue 2: a replica is down during a delete and comes back. Within
// each GC mode's contract, neither read repair, nor anti-entropy, nor hint delivery brings
// the deleted value back; with each relevant bug switch on, it does come back. Every
// assertion reads get results from the recorded history.
import { describe, expect, it } from "vitest";
import type { GcMode, NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { BugName, StoreOptionsInput } from "../../impl/index.ts";
import { okGetsAfter, returnsValue } from "./helpers.ts";

type Mechanism = "read-repair" | "anti-entropy" | "hint-delivery";
const gcModes: GcMode[] = ["keep", "timeout", "repair", "immediate"];
const mechanisms: Mechanism[] = ["read-repair", "anti-entropy", "hint-delivery"];

function optionsFor(mechanism: Mechanism, gc: GcMode, bugs: BugName[]): StoreOptionsInput {
  return {
    seed: 7,
    readQuorum: 1,
    writeQuorum: 2,
    sloppyQuorum: mechanism === "hint-delivery",
    readRepair: mechanism === "read-repair" ? "async" : "off",
    antiEntropyIntervalTicks: 0,
    hintDeliveryIntervalTicks: 10,
    gc: { mode: gc, graceTicks: 1000 },
    gcSettleTicks: 20,
    bugs,
  };
}

/** isolatedGet reads the key from replica `only` alone (the others crashed), then restarts them. */
function isolatedGet(driver: Driver, replicas: readonly NodeId[], only: NodeId): void {
  const others = replicas.filter((id) => id !== only);
  for (const id of others) driver.crash(id);
  driver.get(9, "x", only);
  for (const id of others) driver.restart(id);
}

/**
 * downDuringDelete: put x=v1 on all three replicas; the third crashes; delete x; it comes
 * back within the grace period; the mechanism under test runs; x is read from the returning
 * replica alone, then after a barrier. Returns the history and the delete's completion time.
 */
function downDuringDelete(mechanism: Mechanism, gc: GcMode, bugs: BugName[] = []) {
  const driver = new Driver(optionsFor(mechanism, gc, bugs));
  const replicas = driver.replicasOf("x");
  const [first, , late] = replicas as [NodeId, NodeId, NodeId];
  expect(driver.put(1, "x", "v1", first).outcome).toBe("ok");
  driver.advance(5);
  driver.crash(late);
  const deleted = driver.delete(2, "x", first);
  expect(deleted.outcome).toBe("ok");
  driver.advance(30);
  driver.restart(late);
  switch (mechanism) {
    case "read-repair":
      driver.get(3, "x", first);
      break;
    case "anti-entropy":
      driver.antiEntropy(true);
      break;
    case "hint-delivery":
      break;
  }
  driver.advance(15);
  isolatedGet(driver, replicas, late);
  driver.advance(100);
  driver.quiesce();
  driver.get(4, "x");
  driver.advance(200);
  driver.quiesce();
  driver.get(5, "x");
  return { history: driver.history(), deletedAt: deleted.time };
}

describe("a replica down during a delete comes back", () => {
  for (const mechanism of mechanisms) {
    for (const gc of gcModes) {
      it(`${mechanism} does not bring the value back under gc ${gc}`, () => {
        const { history, deletedAt } = downDuringDelete(mechanism, gc);
        const gets = okGetsAfter(history, deletedAt);
        expect(gets.length).toBe(mechanism === "read-repair" ? 4 : 3);
        // The mechanism under test really carried the tombstone to the returning replica.
        const carried = history.events.some((event) =>
          mechanism === "hint-delivery"
            ? event.kind === "hint-delivered" && event.tombstone
            : event.kind === "repair-write" && event.source === mechanism && event.tombstone,
        );
        expect(carried).toBe(true);
        for (const get of gets) {
          expect(get.result?.kind).toBe("absent");
          expect(returnsValue(get, "v1")).toBe(false);
        }
      });
    }
  }
});

describe("with a bug switch on, the value comes back", () => {
  const cases: Array<[Mechanism, BugName]> = [
    ["read-repair", "naive-delete"],
    ["anti-entropy", "naive-delete"],
    ["hint-delivery", "naive-delete"],
    ["read-repair", "tombstone-blind-read-repair"],
    ["anti-entropy", "anti-entropy-resurrects"],
    ["anti-entropy", "early-gc"],
  ];
  for (const [mechanism, bug] of cases) {
    for (const gc of gcModes) {
      it(`${bug} resurrects through ${mechanism} under gc ${gc}`, () => {
        const { history, deletedAt } = downDuringDelete(mechanism, gc, [bug]);
        const gets = okGetsAfter(history, deletedAt);
        expect(gets.some((get) => returnsValue(get, "v1"))).toBe(true);
        // After the final barrier the store has converged on the resurrected value.
        expect(returnsValue(gets[gets.length - 1]!, "v1")).toBe(true);
      });
    }
  }
});

/**
 * lateValueHint: the third replica misses the put (a fallback keeps it as a hint), comes
 * back, then x is deleted everywhere; the old value's hint arrives after the delete.
 */
function lateValueHint(bugs: BugName[]) {
  const driver = new Driver({ ...optionsFor("hint-delivery", "keep", bugs), hintDeliveryIntervalTicks: 100 });
  const replicas = driver.replicasOf("x");
  const [first, , late] = replicas as [NodeId, NodeId, NodeId];
  driver.crash(late);
  expect(driver.put(1, "x", "v1", first).outcome).toBe("ok");
  driver.advance(100 - (driver.now % 100) + 1); // just past a hint sweep
  driver.restart(late);
  const deleted = driver.delete(2, "x", first);
  expect(deleted.outcome).toBe("ok");
  driver.advance(150); // the hint sweep delivers v1 to the returning replica
  isolatedGet(driver, replicas, late);
  driver.quiesce();
  driver.get(3, "x");
  return { history: driver.history(), deletedAt: deleted.time };
}

describe("a hint older than a delete", () => {
  it("is shadowed by the tombstone when delivered", () => {
    const { history, deletedAt } = lateValueHint([]);
    const delivered = history.events.filter((event) => event.kind === "hint-delivered");
    expect(delivered.length).toBeGreaterThan(0);
    for (const get of okGetsAfter(history, deletedAt)) expect(get.result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("resurrects the value under the doomstone bug (re-stamped at delivery)", () => {
    const { history, deletedAt } = lateValueHint(["doomstone"]);
    const gets = okGetsAfter(history, deletedAt);
    expect(gets.every((get) => returnsValue(get, "v1"))).toBe(true);
  });
});

/** recreatedAfterDelete is SPEC example 6: a late tombstone hint must not swallow a re-created value. */
function recreatedAfterDelete(bugs: BugName[]) {
  const driver = new Driver({ ...optionsFor("hint-delivery", "keep", bugs), hintDeliveryIntervalTicks: 100 });
  const replicas = driver.replicasOf("x");
  const [first, , late] = replicas as [NodeId, NodeId, NodeId];
  driver.put(1, "x", "v1", first);
  driver.advance(5);
  driver.crash(late);
  driver.delete(2, "x", first);
  driver.advance(100 - (driver.now % 100) + 1);
  driver.restart(late);
  const recreated = driver.put(3, "x", "v2", first);
  expect(recreated.outcome).toBe("ok");
  driver.advance(150);
  driver.quiesce();
  driver.get(4, "x");
  return { history: driver.history(), recreatedAt: recreated.time };
}

describe("re-creating a key after its delete", () => {
  it("keeps the new value when the old tombstone's hint arrives late", () => {
    const { history, recreatedAt } = recreatedAfterDelete([]);
    for (const get of okGetsAfter(history, recreatedAt)) expect(get.result).toEqual({ kind: "value", value: "v2" });
  });

  it("loses the new value under the doomstone bug", () => {
    const { history, recreatedAt } = recreatedAfterDelete(["doomstone"]);
    const gets = okGetsAfter(history, recreatedAt);
    expect(gets.at(-1)?.result).toEqual({ kind: "absent", reason: "deleted" });
  });
});

describe("one process's own ops under clock skew", () => {
  function skewedPutThenDelete(bugs: BugName[]) {
    const driver = new Driver({ ...optionsFor("anti-entropy", "keep", bugs), readQuorum: 2 });
    const [first, second] = driver.replicasOf("x") as [NodeId, NodeId];
    driver.skew(first, 50);
    driver.put(1, "x", "v1", first);
    const deleted = driver.delete(1, "x", second);
    driver.quiesce();
    driver.get(1, "x");
    return { history: driver.history(), deletedAt: deleted.time };
  }

  it("are never inverted: the hybrid clock carries the client's last timestamp", () => {
    const { history, deletedAt } = skewedPutThenDelete([]);
    for (const get of okGetsAfter(history, deletedAt)) expect(get.result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("are inverted under the lww-skew bug (wall clocks trusted)", () => {
    const { history, deletedAt } = skewedPutThenDelete(["lww-skew"]);
    expect(okGetsAfter(history, deletedAt).every((get) => returnsValue(get, "v1"))).toBe(true);
  });
});
