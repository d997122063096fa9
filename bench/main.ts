// `npm run bench`: every benchmark of the project in one run, printed as it goes:
// the simulated store's throughput, the linearizability engine on Porcupine's histories
// and on generated ones, `lazarus check` as a whole process beside Porcupine's figures,
// the whole checker on recorded histories, and history reading.
import { benchHistoryRead } from "./history-read.ts";
import { benchLinearizability } from "./linearizability.ts";
import { benchCheckScale } from "./check-scale.ts";
import { benchSpecChecker } from "./spec-checker.ts";
import { benchStoreThroughput } from "./store-throughput.ts";
import { benchWholeProcess } from "./whole-process.ts";

const benchmarks: Array<[string, () => Promise<string[]>]> = [
  ["store throughput", benchStoreThroughput],
  ["linearizability engine", benchLinearizability],
  ["whole process: lazarus check", benchWholeProcess],
  ["checker on recorded histories", benchSpecChecker],
  ["scale: lazarus run and lazarus check of a 10^6-operation history (LAZARUS_BENCH_SCALE_OPS)", benchCheckScale],
  ["history reading", benchHistoryRead],
];

const only = process.argv.slice(2);
console.log(`lazarus bench: node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of benchmarks) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
