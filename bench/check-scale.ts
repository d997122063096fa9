// The scale targets of `lazarus check`, as a user meets them: a history recorded by the
// store (the default scenario, 10^6 operations; LAZARUS_BENCH_SCALE_OPS sets another size,
// e.g. 10000000), written to a file, then checked by the whole `lazarus check` process,
// with its wall time, CPU time and peak RSS. Targets: 10^6 operations in under 5 s and
// 1 GiB; 10^7 in under 2 GiB. The history is recorded afresh each run (a minute or more
// per 10^6 operations), so the figure always belongs to the store and checker of this tree.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HistoryFileSink } from "../histories/format/file-sink.ts";
import { defaultScenario, simulate } from "../impl/index.ts";
import { measureProcess, usageMethod } from "./measure-process.ts";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/** record simulates `ops` operations of the default scenario into `path`, streaming, and returns the seconds it took. */
function record(ops: number, path: string): number {
  const started = performance.now();
  const scenario = defaultScenario();
  const sink = new HistoryFileSink(path);
  simulate({ ...scenario, seed: 1, workload: { ...scenario.workload, ops } }, sink);
  sink.close();
  return (performance.now() - started) / 1000;
}

/** benchCheckScale records a long history in a child process and times `lazarus check` on it. */
export async function benchCheckScale(): Promise<string[]> {
  const ops = Number(process.env["LAZARUS_BENCH_SCALE_OPS"] ?? 1_000_000);
  const folder = mkdtempSync(join(tmpdir(), "lazarus-bench-scale-"));
  const file = join(folder, `recorded-${ops}.jsonl`);
  try {
    const recorder = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--record", String(ops), file], { cwd: projectRoot, encoding: "utf8" });
    if (recorder.status !== 0) return [`recording ${ops.toLocaleString("en")} operations failed: ${recorder.stderr.trim().split("\n").at(-1)}`];
    const bytes = statSync(file).size;
    const measured = measureProcess(["cli/bin.js", "check", file], 3, projectRoot, { LAZARUS_FROM: "dist" });
    const exits = measured.exitCodes.join("/");
    return [
      `recorded ${ops.toLocaleString("en")} operations (default scenario, seed 1) in ${recorder.stdout.trim()} s: ${(bytes / 2 ** 20).toFixed(0)} MiB`,
      `lazarus check, whole process, median of 3 (${usageMethod()}): ${measured.medianSeconds.toFixed(2)} s wall, ${measured.medianCpuSeconds.toFixed(2)} s CPU, peak RSS ${Math.round(measured.medianPeakRssMiB)} MiB, exit ${exits}` +
        (measured.stderr === "" ? "" : `; stderr: ${measured.stderr}`),
      `targets: 10^6 operations under 5 s and 1024 MiB; 10^7 under 2048 MiB`,
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--record") {
  console.log(record(Number(process.argv[3]), process.argv[4]!).toFixed(1));
}
