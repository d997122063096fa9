// What the grid dimensions set in the store's options, and that `downtime` means what it
// says: in a real run, no crash lasts longer than the downtime, and most last all of it.
import { describe, expect, it } from "vitest";
import { baseSettings, cellOptions, repairIntervalTicks } from "../../../cli/explore/index.ts";
import { resolveOptions, simulate } from "../../../impl/index.ts";

describe("cellOptions", () => {
  it("maps grace, downtime, gc, guard and bug onto the store's options, crashes being the only fault", () => {
    const options = resolveOptions(cellOptions({ ...baseSettings, graceTicks: 300, downtimeTicks: 250, gc: "repair", rejoinGuard: true, bug: "early-gc" }, 7, 900, "test"));
    expect(options.seed).toBe(7);
    expect(options.gc).toEqual({ mode: "repair", graceTicks: 300 });
    expect(options.safeguards.rejoinGuard).toBe(true);
    expect(options.bugs).toEqual(["early-gc"]);
    expect(options.faults).toMatchObject({ intervalTicks: 250, restartProbability: 1, maxDownNodes: 1, partitionProbability: 0, skewProbability: 0 });
    expect(options.workload.ops).toBe(900);
  });

  it("keeps full repairs within half the grace period unless the grid sets them", () => {
    expect(repairIntervalTicks({ ...baseSettings, graceTicks: 50 })).toBe(25);
    expect(repairIntervalTicks({ ...baseSettings, graceTicks: 400 })).toBe(80);
    expect(repairIntervalTicks({ ...baseSettings, graceTicks: 50, fullRepairIntervalTicks: 0 })).toBe(0);
  });

  it("makes each crash last the downtime, or less when a barrier restarts the node first", () => {
    const { history } = simulate(cellOptions({ ...baseSettings, downtimeTicks: 150 }, 1, 1500, "test"));
    const crashedAt = new Map<string, number>();
    const downs: number[] = [];
    for (const event of history.events) {
      if (event.kind === "crash") crashedAt.set(event.node, event.time);
      if (event.kind === "restart" && crashedAt.has(event.node)) downs.push(event.time - crashedAt.get(event.node)!);
      if (event.kind === "partition" || event.kind === "clock-skew") throw new Error(`explore's base has crashes only, found ${event.kind}`);
    }
    expect(downs.length).toBeGreaterThan(3);
    expect(Math.max(...downs)).toBe(150);
    expect(downs.filter((d) => d === 150).length).toBeGreaterThan(downs.length / 2);
  });
});
