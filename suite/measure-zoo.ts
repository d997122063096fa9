// How hard each bug is to find: for every zoo entry, the suite from 20 seeds, with the
// number of runs to the first failure and the shrunk command count. `npm run zoo:measure`
// prints the table (medians) that the zoo's README quotes.
import { zoo, zooSuite } from "./bug-zoo.ts";
import { checkSuite } from "./run-suite.ts";

const seeds = Array.from({ length: 20 }, (_, index) => index + 1);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const maxRuns = 10_000;
process.stdout.write(`| bug | found (of ${seeds.length} seeds) | median runs to first failure | median shrunk commands | longest shrunk |\n|---|---|---|---|---|\n`);
for (const entry of zoo) {
  const runs: number[] = [];
  const lengths: number[] = [];
  for (const seed of seeds) {
    const outcome = await checkSuite(zooSuite(entry, { numRuns: maxRuns, seed }));
    if (outcome.passed) continue;
    runs.push(outcome.runsToFailure!);
    lengths.push(outcome.counterexample!.commands);
  }
  process.stdout.write(`| ${entry.bug} | ${runs.length} | ${runs.length > 0 ? median(runs) : "-"} | ${lengths.length > 0 ? median(lengths) : "-"} | ${Math.max(...lengths)} |\n`);
}
