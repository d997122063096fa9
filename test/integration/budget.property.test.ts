// A verdict does not depend on the search budget, except by turning into `unknown`: on
// store histories generated with concurrency, info and failed ops, crashes, partitions,
// clock skew, purges and GC breaches (short grace), checked at the linearizable level,
// every small budget gives the default budget's verdict or `unknown`, never another.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { defaultScenario, simulate, type BugName } from "../../impl/index.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const seed = 20261124;

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  keys: fc.integer({ min: 1, max: 2 }),
  ops: fc.integer({ min: 60, max: 200 }),
  graceTicks: fc.constantFrom(30, 60, 200),
  // Without scheduled full repairs, every purge breaches the contract: fallbacks to try.
  repairs: fc.boolean(),
  bug: fc.constantFrom<BugName | undefined>(undefined, undefined, "naive-delete", "early-gc", "doomstone"),
});

describe("the budget only ever turns a verdict into unknown", () => {
  it(`at the linearizable level (seed ${seed})`, () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const base = defaultScenario();
        const { history } = simulate({
          ...base,
          seed: s.seed,
          linearizable: true,
          sloppyQuorum: false,
          gc: { mode: "timeout", graceTicks: s.graceTicks },
          fullRepairIntervalTicks: s.repairs ? s.graceTicks * 2 : 0,
          faults: { ...base.faults, intervalTicks: 20 },
          bugs: s.bug === undefined ? [] : [s.bug],
          workload: { ...base.workload, keys: s.keys, ops: s.ops, quiesceEveryOps: 40 },
        });
        const reference = checkHistory(history).verdict;
        for (const budget of [1, 10, 100, 1000]) {
          const verdict = checkHistory(history, { maxStepsPerPartition: budget }).verdict;
          expect([reference, "unknown"], `budget ${budget}`).toContain(verdict);
        }
      }),
      { seed, numRuns: deep ? 1_000 : 100 },
    );
  });
});
