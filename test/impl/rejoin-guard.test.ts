// The rejoin guard and the GC grace contract: a replica out longer than the grace period,
// while the tombstone it missed is purged, would resurrect the value on return. The guard
// holds it back and rebuilds it from its peers (node-repaired); without the guard the value
// comes back, which is the breach the checker reports as gc-grace-violation.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import { okGetsAfter, returnsValue } from "./helpers.ts";

function longOutage(rejoinGuard: boolean) {
  const driver = new Driver({
    gc: { mode: "timeout", graceTicks: 200 },
    safeguards: { rejoinGuard },
    sloppyQuorum: false,
    antiEntropyIntervalTicks: 0,
    readQuorum: 1,
  });
  const [first, , late] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(0, "x", "v1", first);
  driver.advance(5);
  driver.crash(late);
  const deleted = driver.delete(0, "x", first);
  driver.advance(400); // tombstones purged at deletedAt + 200 while `late` is still down
  driver.restart(late);
  const duringGuard = driver.get(1, "x", late);
  driver.quiesce();
  driver.get(2, "x");
  return { history: driver.history(), deletedAt: deleted.time, duringGuard, late };
}

describe("rejoin guard", () => {
  it("holds a node back until rebuilt, so the value stays deleted", () => {
    const { history, deletedAt, duringGuard, late } = longOutage(true);
    expect(duringGuard.outcome).toBe("fail");
    expect(history.events.some((event) => event.kind === "node-repaired" && event.node === late)).toBe(true);
    for (const get of okGetsAfter(history, deletedAt)) expect(returnsValue(get, "v1")).toBe(false);
  });

  it("without it, the long-absent replica brings the value back (a grace-contract breach)", () => {
    const { history, deletedAt } = longOutage(false);
    expect(history.events.some((event) => event.kind === "node-repaired")).toBe(false);
    expect(okGetsAfter(history, deletedAt).some((get) => returnsValue(get, "v1"))).toBe(true);
  });
});
