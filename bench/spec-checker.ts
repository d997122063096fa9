// Benchmark of the whole checker (the spec's rules, and the linearizability search at
// the linearizable level) on histories the store records: 10 clients, 100 or 1,000 keys,
// deletes, faults on. Each size runs in a child process so that its peak memory is its
// own. Run directly: `npx tsx bench/spec-checker.ts`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { checkHistory } from "../checker/check-history.ts";
import { defaultScenario, simulate, type StoreOptionsInput } from "../impl/index.ts";

const sizes: Array<[operations: number, keys: number, level: "quorum" | "linearizable"]> = [
  [1e4, 100, "quorum"],
  [1e5, 100, "quorum"],
  [1e5, 1000, "quorum"],
  [1e6, 100, "quorum"],
  [1e6, 1000, "quorum"],
  [1e5, 100, "linearizable"],
  [1e6, 1000, "linearizable"],
];

/** Measurement is what one child process reports. */
interface Measurement {
  operations: number;
  keys: number;
  level: string;
  events: number;
  simulateSeconds: number;
  checkSeconds: number;
  verdict: string;
  peakRssMebibytes: number;
}

function optionsFor(operations: number, keys: number, level: string): StoreOptionsInput {
  const scenario = defaultScenario();
  return {
    ...scenario,
    seed: 7,
    // Within the GC contract at every size: the default's 200-tick grace breaches it
    // thousands of times in long runs, and the benchmark measures checking, not explaining.
    gc: { mode: "timeout", graceTicks: 1000 },
    fullRepairIntervalTicks: 400,
    sloppyQuorum: false,
    linearizable: level === "linearizable",
    workload: { ...scenario.workload, processes: 10, keys, ops: operations, quiesceEveryOps: operations / 10 },
  };
}

/** measureOne simulates one history and checks it, in this process. */
function measureOne(operations: number, keys: number, level: string): Measurement {
  const simulateStart = performance.now();
  const { history } = simulate(optionsFor(operations, keys, level));
  const simulateSeconds = (performance.now() - simulateStart) / 1000;
  const checkStart = performance.now();
  const check = checkHistory(history);
  const checkSeconds = (performance.now() - checkStart) / 1000;
  const peakRssMebibytes = process.resourceUsage().maxRSS / 1024;
  return { operations, keys, level, events: history.events.length, simulateSeconds, checkSeconds, verdict: check.verdict, peakRssMebibytes };
}

/** benchSpecChecker runs every size in a child process and returns the lines it prints. */
export async function benchSpecChecker(): Promise<string[]> {
  const self = fileURLToPath(import.meta.url);
  const lines: string[] = [];
  for (const [operations, keys, level] of sizes) {
    const child = spawnSync(process.execPath, ["--import", "tsx", self, "--one", String(operations), String(keys), level], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      lines.push(`checker ${operations} ops / ${keys} keys (${level}): failed: ${child.stderr.trim().split("\n").slice(-3).join(" ")}`);
      continue;
    }
    const m = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measurement;
    lines.push(
      `checker: ${m.operations.toLocaleString("en")} ops, ${m.keys} keys, ${m.level}: check ${m.checkSeconds.toFixed(2)} s ` +
        `(${Math.round(m.operations / m.checkSeconds).toLocaleString("en")} ops/s, ${m.events.toLocaleString("en")} events, ${m.verdict}); ` +
        `simulate ${m.simulateSeconds.toFixed(2)} s; peak RSS ${Math.round(m.peakRssMebibytes)} MiB (history included)`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [flag, operations, keys, level] = process.argv.slice(2);
  if (flag === "--one") {
    process.stdout.write(`${JSON.stringify(measureOne(Number(operations), Number(keys), level ?? "quorum"))}\n`);
  } else {
    for (const line of await benchSpecChecker()) console.log(line);
  }
}
