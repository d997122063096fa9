// The explore table: rates shown so a few seeds never read as 0% or 100%, a cell's seeds
// tallied, rows aligned under their header, and the CSV with the same rows.
import { describe, expect, it } from "vitest";
import { formatCsv, formatTable, percent, ratesOf } from "../../../cli/explore/index.ts";
import { sweep } from "./sweep-fixture.ts";

describe("percent", () => {
  it("rounds to whole percents, but never a few seeds to 0% or all but one to 100%", () => {
    expect([0, 0.5, 1, 0.001, 0.999, 0.126].map(percent)).toEqual(["0%", "50%", "100%", "<1%", ">99%", "13%"]);
  });
});

describe("tallyCell", () => {
  it("counts seeds with a bug (with their kinds once each), with explained reads and with breaches", () => {
    const tally = sweep().tallies[0]!;
    expect(tally.invalidSeeds).toEqual([{ seed: 2, kinds: ["lost-write"] }]);
    expect(ratesOf(tally)).toEqual({ invalid: 0.5, unknown: 0, gcRead: 0.5, breach: 0.5, gcReadsPerSeed: 1.5, meanDownTicks: 150 });
  });
});

describe("formatTable and formatCsv", () => {
  it("prints a row per cell under its header, and the seeds with a bug below", () => {
    const text = formatTable(sweep());
    const lines = text.split("\n");
    expect(lines[0]).toBe("lazarus explore: 4 cells x 2 seeds (seeds 1-2), 600 ops per run, 8 runs");
    expect(lines.slice(3, 8)).toEqual([
      "grace  downtime  gc       seeds  invalid  gc-read  reads/seed  breach  down mean/max",
      "   50       300  timeout      2      50%      50%        1.50     50%        150/200",
      "   50       300  repair       2       0%       0%        0.00      0%        150/200",
      "  400       300  timeout      2       0%       0%        0.00      0%        150/200",
      "  400       300  repair       2       0%       0%        0.00      0%        150/200",
    ]);
    expect(text).toContain("seeds with a bug (--keep DIR writes their histories, for lazarus report and replay):\n  grace=50 downtime=300 gc=timeout: seed 2 (lost-write)\n");
  });

  it("writes the same rows as CSV, rates as fractions", () => {
    expect(formatCsv(sweep()).split("\n").slice(0, 3)).toEqual([
      "grace,downtime,gc,seeds,invalid_rate,gc_read_rate,gc_reads_per_seed,breach_rate,unknown_rate,mean_down_ticks,max_down_ticks,invalid_seeds",
      "50,300,timeout,2,0.5000,0.5000,1.5000,0.5000,0.0000,150.0,200,2",
      "50,300,repair,2,0.0000,0.0000,0.0000,0.0000,0.0000,150.0,200,",
    ]);
  });
});
