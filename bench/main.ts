// `npm run bench`: every benchmark of the project in one run, printed as it goes:
// the simulated store's throughput, the linearizability engine on Porcupine's histories
// and on generated ones, the whole checker on recorded histories, and history reading.
import { benchHistoryRead } from "./history-read.ts";
import { benchLinearizability } from "./linearizability.ts";
import { benchSpecChecker } from "./spec-checker.ts";
import { benchStoreThroughput } from "./store-throughput.ts";

const benchmarks: Array<[string, () => Promise<string[]>]> = [
  ["store throughput", benchStoreThroughput],
  ["linearizability engine", benchLinearizability],
  ["checker on recorded histories", benchSpecChecker],
  ["history reading", benchHistoryRead],
];

const only = process.argv.slice(2);
console.log(`lazarus bench: node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
