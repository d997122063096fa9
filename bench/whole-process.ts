// Benchmark of `lazarus check` as a whole process, start-up included, as Porcupine's figures
// are: the compiled command (cli/bin.js, built first when dist/ is stale) on Porcupine's
// histories and on generated 50-client kv histories, median of several runs each, with peak
// memory, beside Porcupine's own fixed figures. Run directly: `npx tsx bench/whole-process.ts`.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "../cli/build.js";
import { porcupineDirectory, skipWithoutExternal } from "../test/support/external.ts";
import { porcupineKvText, type GeneratedKvShape } from "./generated-porcupine-kv.ts";
import { measureProcess, usageMethod, type ProcessMeasurement } from "./measure-process.ts";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const bin = join(projectRoot, "cli/bin.js");
const runsPerCase = 7;
const nameWidth = 60;
const figuresWidth = 30;

/**
 * checkFlags go into every `lazarus check` below. Porcupine stops at the first key that is
 * not linearizable, and `check --first` makes ours do the same, so the bad cases compare.
 */
const checkFlags: string[] = ["--first"];

/** c50Shape: Porcupine's c10 files hold ~400 operations on 10 keys; five times the clients, five times the operations. */
const c50Shape: GeneratedKvShape = { operationCount: 2000, keyCount: 10, clientCount: 50, seed: 50 };

/** ProcessCase is one measured command: `node` arguments, the exit code it must end with, Porcupine's figure if any. */
interface ProcessCase {
  name: string;
  nodeArgs: string[];
  expectedExit: number;
  porcupine: string;
}

/** benchWholeProcess measures every case and returns the table it printed. */
export async function benchWholeProcess(): Promise<string[]> {
  await buildIfStale();
  const loadBefore = loadavg()[0]!;
  const directory = mkdtempSync(join(tmpdir(), "lazarus-bench-process-"));
  const lines: string[] = [];
  try {
    const cases = [...startUpCases(), ...porcupineCases(), ...generatedCases(directory)];
    // The build just made, even if a source is edited meanwhile (cli/bin.js).
    const rows = cases.map((c) => row(c, measureProcess(c.nodeArgs, runsPerCase, projectRoot, { LAZARUS_FROM: "dist" })));
    lines.unshift(
      `whole process: median of ${runsPerCase} runs each; CPU (user + system) and peak RSS by ${usageMethod()}; ${cpus().length} cores, ` +
        `load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after (wall time stretches with load)`,
      `${"".padEnd(nameWidth)}${"lazarus: wall, CPU, peak RSS".padEnd(figuresWidth)}Porcupine (its own figure: wall / RSS)`,
      ...rows,
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return lines;
}

function startUpCases(): ProcessCase[] {
  return [
    { name: "node -e 0 (Node's own start-up)", nodeArgs: ["-e", "0"], expectedExit: 0, porcupine: "" },
    { name: "lazarus schema", nodeArgs: [bin, "schema"], expectedExit: 0, porcupine: "" },
    { name: "lazarus check histories/examples/ex2…-bad.jsonl", nodeArgs: [bin, "check", ...checkFlags, "histories/examples/ex2-resurrection-after-downtime-bad.jsonl"], expectedExit: 1, porcupine: "" },
  ];
}

/** porcupineCases are the checks of Porcupine's histories, or none, with a printed line, when they are absent. */
function porcupineCases(): ProcessCase[] {
  if (porcupineDirectory === undefined) {
    skipWithoutExternal("whole-process checks of Porcupine's histories");
    return [];
  }
  const etcd = join(porcupineDirectory, "jepsen-etcd");
  const logs = readdirSync(etcd).filter((name) => name.endsWith(".log")).sort().map((name) => join(etcd, name));
  const kv = (name: string, expectedExit: number, porcupine: string): ProcessCase => ({ name: `lazarus check kv/${name}`, nodeArgs: [bin, "check", ...checkFlags, join(porcupineDirectory!, "kv", name)], expectedExit, porcupine });
  return [
    { name: `lazarus check jepsen-etcd/*.log (${logs.length} in one process)`, nodeArgs: [bin, "check", ...checkFlags, ...logs], expectedExit: 1, porcupine: "0.374 s / 30 MiB (its 102 logs)" },
    kv("c01-ok.txt", 0, "0.003 s"),
    kv("c01-bad.txt", 1, ""),
    kv("c10-ok.txt", 0, "0.005 s"),
    kv("c10-bad.txt", 1, ""),
  ];
}

/** generatedCases write two 50-client kv histories, linearizable and with one lying get, into `directory`. */
function generatedCases(directory: string): ProcessCase[] {
  const shape = `${c50Shape.clientCount} clients, ${c50Shape.operationCount.toLocaleString("en")} ops`;
  return ([["ok", false, 0, "0.184 s (its c50-ok)"], ["bad", true, 1, "0.049 s / 22 MiB (its c50-bad)"]] as const).map(([verdict, lie, expectedExit, porcupine]) => {
    const file = join(directory, `generated-c50-${verdict}.txt`);
    writeFileSync(file, porcupineKvText(c50Shape, lie));
    return { name: `lazarus check generated kv, ${shape} (${verdict})`, nodeArgs: [bin, "check", ...checkFlags, file], expectedExit, porcupine };
  });
}

/** row is one line of the table; a wrong exit code, or anything on standard error (such as the note that dist/ is stale), is appended. */
function row(c: ProcessCase, measured: ProcessMeasurement): string {
  const figures = `${measured.medianSeconds.toFixed(3)} s  ${measured.medianCpuSeconds.toFixed(2)} s  ${measured.medianPeakRssMiB.toFixed(0).padStart(3)} MiB`;
  const exits = measured.exitCodes.length === 1 && measured.exitCodes[0] === c.expectedExit ? "" : `  (expected exit ${c.expectedExit}, got ${measured.exitCodes.join(", ")})`;
  const stderr = measured.stderr === "" ? "" : `  (stderr: ${measured.stderr})`;
  return `${c.name.padEnd(nameWidth)}${figures.padEnd(figuresWidth)}${c.porcupine}${exits}${stderr}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchWholeProcess()) console.log(line);
}
