// The random fault schedule keeps to its bounds: never more nodes down than maxDownNodes
// (and never the last one up), a partition splits the cluster into two non-empty sides
// and comes only when none is in force, skews stay within ±maxSkewTicks.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { simulate } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

const nodes = ["n1", "n2", "n3", "n4", "n5"];

function faulty(faults: StoreOptionsInput["faults"]) {
  return simulate({
    seed: 3,
    sloppyQuorum: true,
    faults: { intervalTicks: 5, ...faults },
    workload: { ops: 400, quiesceEveryOps: 100 },
  }).history.events;
}

/** mostDown: the most nodes down at once, checking that only up nodes crash and down ones restart. */
function mostDown(events: ReturnType<typeof faulty>): number {
  const down = new Set<NodeId>();
  let most = 0;
  for (const event of events) {
    if (event.kind === "crash") {
      expect(down.has(event.node)).toBe(false);
      down.add(event.node);
    }
    if (event.kind === "restart") {
      expect(down.has(event.node)).toBe(true);
      down.delete(event.node);
    }
    most = Math.max(most, down.size);
  }
  return most;
}

describe("the fault schedule", () => {
  for (const maxDownNodes of [1, 2]) {
    it(`never has more than ${maxDownNodes} node(s) down at once`, () => {
      const events = faulty({ crashProbability: 0.9, restartProbability: 0.2, maxDownNodes });
      expect(mostDown(events)).toBe(maxDownNodes);
    });
  }

  it("never crashes the last node up", () => {
    const events = faulty({ crashProbability: 1, restartProbability: 0, maxDownNodes: 5 });
    expect(mostDown(events)).toBe(4);
  });

  it("splits the cluster into two non-empty sides, only when no partition is in force", () => {
    const events = faulty({ partitionProbability: 0.7, healProbability: 0.3 });
    let partitioned = false;
    let partitions = 0;
    for (const event of events) {
      if (event.kind === "partition") {
        expect(partitioned).toBe(false);
        partitioned = true;
        partitions++;
        expect(event.groups).toHaveLength(2);
        for (const group of event.groups) expect(group.length).toBeGreaterThan(0);
        expect(event.groups.flat().sort()).toEqual(nodes);
      }
      if (event.kind === "heal") partitioned = false;
    }
    expect(partitions).toBeGreaterThan(3);
  });

  it("fires from the first tick on: crashes, restarts, partitions and heals come while the first ops run", () => {
    // Up to the first barrier's last completion: the quiescing after it heals and restarts too.
    const kindsBeforeBarrier = (faults: StoreOptionsInput["faults"]) => {
      const events = faulty(faults);
      const barrier = events.findIndex((event) => event.kind === "barrier");
      let lastOp = barrier;
      while (lastOp > 0 && events[lastOp]?.kind !== "complete") lastOp--;
      return new Set(events.slice(0, lastOp).map((event) => event.kind));
    };
    const all = kindsBeforeBarrier({ crashProbability: 1, restartProbability: 1, partitionProbability: 1, healProbability: 1 });
    for (const kind of ["crash", "restart", "partition", "heal"]) expect(all.has(kind as never)).toBe(true);
    // And again after each barrier: the schedule resumes with the workload.
    const afterFirstBarrier = faulty({ crashProbability: 1 });
    const [first, second] = afterFirstBarrier.flatMap((event, index) => (event.kind === "barrier" ? [index] : []));
    expect(afterFirstBarrier.slice(first, second).some((event) => event.kind === "crash")).toBe(true);
    const neverHealed = kindsBeforeBarrier({ partitionProbability: 1, healProbability: 0 });
    expect([neverHealed.has("partition"), neverHealed.has("heal")]).toEqual([true, false]);
  });

  it("keeps skews within ±maxSkewTicks, both ways", () => {
    const events = faulty({ skewProbability: 0.8, maxSkewTicks: 7 });
    const offsets = events.flatMap((event) => (event.kind === "clock-skew" ? [event.offsetTicks] : []));
    expect(offsets.length).toBeGreaterThan(10);
    for (const offset of offsets) expect(Math.abs(offset)).toBeLessThanOrEqual(7);
    expect(offsets.some((offset) => offset < 0)).toBe(true);
    expect(offsets.some((offset) => offset > 0)).toBe(true);
  });

  it("is paused while the cluster is brought to a barrier", () => {
    // No think time: the workload pauses the moment its last op completes. Slow messages
    // and W=1 leave writes in flight then, so quiescence (which waits for the network to
    // drain) spans several fault ticks.
    const { history } = simulate({
      seed: 3,
      readQuorum: 1,
      writeQuorum: 1,
      network: { delayTicks: 12 },
      opTimeoutTicks: 40,
      faults: { intervalTicks: 5, skewProbability: 1, maxSkewTicks: 3 },
      workload: { ops: 200, quiesceEveryOps: 50, thinkTicksMax: 0 },
    });
    let lastCompleteTime = -1;
    let lateSkews = 0;
    let checked = 0;
    for (const event of history.events) {
      if (event.kind === "complete") {
        lastCompleteTime = event.time;
        lateSkews = 0;
      }
      if (event.kind === "clock-skew" && event.time > lastCompleteTime) lateSkews++;
      if (event.kind === "barrier") {
        expect(lateSkews).toBe(0);
        checked++;
      }
    }
    expect(checked).toBe(4);
  });
});
