// The cluster's periodic work: each task first runs one interval in and then every interval;
// scheduled anti-entropy rounds (partial) and full repairs run only when their interval is set.
import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";

type Round = Extract<HistoryEvent, { kind: "anti-entropy-round" }>;

function rounds(driver: Driver): Round[] {
  return driver.history().events.filter((event): event is Round => event.kind === "anti-entropy-round");
}

describe("background work", () => {
  it("runs scheduled partial rounds and full repairs each at its own interval, the first one interval in", () => {
    const driver = new Driver({ antiEntropyIntervalTicks: 20, fullRepairIntervalTicks: 30 });
    driver.advance(95);
    const partial = rounds(driver).filter((round) => !round.full).map((round) => round.time);
    const full = rounds(driver).filter((round) => round.full).map((round) => round.time);
    expect(partial).toEqual([20, 40, 60, 80]);
    expect(full).toEqual([30, 60, 90]);
  });

  it("runs no anti-entropy at all when both intervals are 0", () => {
    const driver = new Driver({ antiEntropyIntervalTicks: 0, fullRepairIntervalTicks: 0 });
    driver.advance(500);
    expect(rounds(driver)).toEqual([]);
  });

  it("sweeps for hints and tombstones at their intervals", () => {
    const driver = new Driver({ antiEntropyIntervalTicks: 0, gc: { mode: "timeout", graceTicks: 30 }, gcIntervalTicks: 40, hintDeliveryIntervalTicks: 15 });
    const [, , late] = driver.replicasOf("x");
    driver.crash(late!);
    driver.put(0, "x", "v1"); // a hint for the late replica
    driver.delete(0, "x");
    driver.restart(late!);
    driver.advance(100);
    const times = (kind: string) => driver.history().events.filter((event) => event.kind === kind).map((event) => event.time);
    expect(new Set(times("hint-delivered"))).toEqual(new Set([15]));
    expect(new Set(times("gc-purge"))).toEqual(new Set([40]));
  });
});
