// Random runs of the store, Jepsen style: the correct store's histories are valid under
// every configuration, and each known bug is convicted by the checker within a fixed
// list of seeds. Seeds are fixed, so the test is deterministic; LAZARUS_DEEP=1
// (npm run test:deep) runs many more of them.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { bugNames, defaultScenario, simulate, type BugName, type StoreOptionsInput } from "../../impl/index.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const seeds = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

const configurations: Record<string, StoreOptionsInput> = {
  "eventual (sloppy quorum, timeout GC)": {},
  "quorum (strict)": { sloppyQuorum: false },
  linearizable: { sloppyQuorum: false, linearizable: true },
  "causal (vector clocks, sloppy)": { versioning: "vector-clock" },
  "causal (vector clocks, strict)": { versioning: "vector-clock", sloppyQuorum: false },
  "gc keep": { gc: { mode: "keep", graceTicks: 1000 } },
  "gc repair": { gc: { mode: "repair", graceTicks: 1000 } },
  "gc immediate": { gc: { mode: "immediate", graceTicks: 1000 } },
  "gc timeout, short grace": { gc: { mode: "timeout", graceTicks: 150 }, fullRepairIntervalTicks: 60 },
  "synchronous read repair": { readRepair: "sync", sloppyQuorum: false },
};

function run(configuration: StoreOptionsInput, seed: number, bugs: BugName[] = [], keys = 5) {
  const scenario = defaultScenario();
  const options = { ...scenario, ...configuration, seed, bugs, workload: { ...scenario.workload, keys, ops: 1500 } };
  return checkHistory(simulate(options).history);
}

describe("the correct store's random runs are valid", () => {
  for (const [name, configuration] of Object.entries(configurations)) {
    const count = deep ? 200 : 6;
    it(`${name}, seeds 1..${count}`, () => {
      for (const seed of seeds(count)) {
        const check = run(configuration, seed);
        expect(check.anomalies, `seed ${seed}: ${check.anomalies[0]?.message}`).toEqual([]);
      }
    });
  }
});

// What each bug looks like when it shows: the kinds the checker must report for it.
const signature: Record<BugName, AnomalyKind[]> = {
  "naive-delete": ["resurrection"],
  "tombstone-blind-read-repair": ["resurrection", "lost-write"],
  "anti-entropy-resurrects": ["resurrection", "lost-write"],
  "early-gc": ["early-purge", "resurrection", "divergence"],
  "lww-skew": ["lost-write", "resurrection", "stale-read"],
  doomstone: ["lost-write", "resurrection"],
};

// A request takes a tick to reach its coordinator, so a skew must exceed that tick and the
// write's round trip before one process's own ops invert: lww-skew runs with wider skews.
const bugConfiguration: Partial<Record<BugName, StoreOptionsInput>> = {
  "lww-skew": { faults: { ...defaultScenario().faults, maxSkewTicks: 20 } },
};

describe("every known bug is convicted in some random run", () => {
  for (const bug of bugNames) {
    const count = deep ? 200 : 40;
    it(`${bug}, seeds 1..${count}`, () => {
      const convicted = seeds(count).filter((seed) => {
        const check = run(bugConfiguration[bug] ?? {}, seed, [bug], 10);
        return check.anomalies.some((anomaly) => signature[bug].includes(anomaly.kind));
      });
      expect(convicted.length).toBeGreaterThan(0);
    });
  }
});
