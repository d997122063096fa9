// Scripted store scenarios behind issue 2, shared by the store's own tests (which read
// get results) and the integration tests (which check the whole history with the checker).
import { expect } from "vitest";
import { Driver } from "../../impl/index.ts";
import type { BugName, StoreOptionsInput } from "../../impl/index.ts";
import type { GcMode, NodeId } from "../../model/vocabulary.ts";

/** Mechanism is the path that could carry a deleted value back. */
export type Mechanism = "read-repair" | "anti-entropy" | "hint-delivery";
/** gcModes lists every GC mode. */
export const gcModes: GcMode[] = ["keep", "timeout", "repair", "immediate"];
/** mechanisms lists the paths under test. */
export const mechanisms: Mechanism[] = ["read-repair", "anti-entropy", "hint-delivery"];

/** optionsFor isolates one mechanism: the others are off. */
export function optionsFor(mechanism: Mechanism, gc: GcMode, bugs: BugName[]): StoreOptionsInput {
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
export function isolatedGet(driver: Driver, replicas: readonly NodeId[], only: NodeId): void {
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
export function downDuringDelete(mechanism: Mechanism, gc: GcMode, bugs: BugName[] = []) {
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

/**
 * lateValueHint: the third replica misses the put (a fallback keeps it as a hint), comes
 * back, then x is deleted everywhere; the old value's hint arrives after the delete.
 */
export function lateValueHint(bugs: BugName[]) {
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

/** recreatedAfterDelete is SPEC example 6: a late tombstone hint must not swallow a re-created value. */
export function recreatedAfterDelete(bugs: BugName[]) {
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

/** skewedPutThenDelete: one process puts through a node skewed ahead, then deletes through another. */
export function skewedPutThenDelete(bugs: BugName[]) {
  const driver = new Driver({ ...optionsFor("anti-entropy", "keep", bugs), readQuorum: 2 });
  const [first, second] = driver.replicasOf("x") as [NodeId, NodeId];
  driver.skew(first, 50);
  driver.put(1, "x", "v1", first);
  const deleted = driver.delete(1, "x", second);
  driver.quiesce();
  driver.get(1, "x");
  return { history: driver.history(), deletedAt: deleted.time };
}

/** resurrectingBugs pairs each bug that resurrects a deleted value with the path it takes. */
export const resurrectingBugs: Array<[Mechanism, BugName]> = [
  ["read-repair", "naive-delete"],
  ["anti-entropy", "naive-delete"],
  ["hint-delivery", "naive-delete"],
  ["read-repair", "tombstone-blind-read-repair"],
  ["anti-entropy", "anti-entropy-resurrects"],
  ["anti-entropy", "early-gc"],
];
