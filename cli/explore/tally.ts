// A cell's runs summed up: the rates and counts one row of the explore table shows.
import type { SeedOutcome } from "./run-seed.ts";

/** CellTally is one cell's row: counts over its seeds, and the seeds with a bug, to replay. */
export interface CellTally {
  seeds: number;
  /** invalidSeeds: the seeds whose history has an unexplained anomaly, with its kinds. */
  invalidSeeds: Array<{ seed: number; kinds: string[]; keptFile?: string }>;
  unknownSeeds: number;
  /** gcReadSeeds: seeds with at least one read a GC-contract breach explains. */
  gcReadSeeds: number;
  gcReads: number;
  /** breachSeeds: seeds with any gc-grace-violation finding. */
  breachSeeds: number;
  downs: { count: number; sumTicks: number; maxTicks: number };
}

/** tallyCell sums the outcomes of one cell's seeds (`seeds[i]` is the seed of `outcomes[i]`). */
export function tallyCell(seeds: readonly number[], outcomes: readonly SeedOutcome[]): CellTally {
  const tally: CellTally = { seeds: outcomes.length, invalidSeeds: [], unknownSeeds: 0, gcReadSeeds: 0, gcReads: 0, breachSeeds: 0, downs: { count: 0, sumTicks: 0, maxTicks: 0 } };
  outcomes.forEach((outcome, i) => {
    if (outcome.verdict === "invalid") {
      const kinds = [...new Set(outcome.bugKinds)];
      tally.invalidSeeds.push(outcome.keptFile === undefined ? { seed: seeds[i]!, kinds } : { seed: seeds[i]!, kinds, keptFile: outcome.keptFile });
    }
    if (outcome.verdict === "unknown") tally.unknownSeeds++;
    if (outcome.gcReads > 0) tally.gcReadSeeds++;
    tally.gcReads += outcome.gcReads;
    if (outcome.breaches > 0) tally.breachSeeds++;
    tally.downs.count += outcome.downs.count;
    tally.downs.sumTicks += outcome.downs.sumTicks;
    tally.downs.maxTicks = Math.max(tally.downs.maxTicks, outcome.downs.maxTicks);
  });
  return tally;
}

/** CellRates are a tally's rates, each a fraction of the cell's seeds (0..1). */
export interface CellRates {
  invalid: number;
  unknown: number;
  gcRead: number;
  breach: number;
  gcReadsPerSeed: number;
  meanDownTicks: number;
}

/** ratesOf divides a tally by its seeds; a cell with no seeds or no crash has rate 0 and mean 0. */
export function ratesOf(tally: CellTally): CellRates {
  const per = (n: number) => (tally.seeds === 0 ? 0 : n / tally.seeds);
  return {
    invalid: per(tally.invalidSeeds.length),
    unknown: per(tally.unknownSeeds),
    gcRead: per(tally.gcReadSeeds),
    breach: per(tally.breachSeeds),
    gcReadsPerSeed: per(tally.gcReads),
    meanDownTicks: tally.downs.count === 0 ? 0 : tally.downs.sumTicks / tally.downs.count,
  };
}
