// The scale targets of `lazarus run` and `lazarus check`, as a user meets them: the default
// scenario recorded by the whole `lazarus run --ops N --out FILE` process (10^6 operations;
// LAZARUS_BENCH_SCALE_OPS sets another size, e.g. 10000000), then the file checked by the
// whole `lazarus check` process, each with wall time, CPU time, peak RSS and its verdict.
// Targets: 10^6 operations checked in under 5 s and 1 GiB; 10^7 in under 2 GiB; run of 10^7
// in bounded memory (past --memory, by default 70% of Node's heap limit and at most 1 GiB,
// its check and lazarus check read the file again a group of keys at a time). The history
// is recorded afresh each time, so the figures belong to the store and checker of this tree.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, usageMethod, type ProcessMeasurement } from "./measure-process.ts";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));

/** figures is one measured process as the table prints it. */
function figures(measured: ProcessMeasurement): string {
  return `${measured.medianSeconds.toFixed(2)} s wall, ${measured.medianCpuSeconds.toFixed(2)} s CPU, peak RSS ${Math.round(measured.medianPeakRssMiB)} MiB, exit ${measured.exitCodes.join("/")}`;
}

/** verdictLine is what a measured `lazarus check` said of `file`: its first line, any unknown line, and whether it read the file again in groups of keys. */
function verdictLine(measured: ProcessMeasurement, file: string): string {
  const lines = measured.stdout.split("\n");
  return [lines[0], ...lines.filter((line) => line.startsWith("  unknown:") || line.startsWith("  read again:"))].join(" / ").replace(file, "FILE");
}

/** benchCheckScale records a long history with `lazarus run --out` and times `lazarus check` on it. */
export async function benchCheckScale(): Promise<string[]> {
  const ops = Number(process.env["LAZARUS_BENCH_SCALE_OPS"] ?? 1_000_000);
  const folder = mkdtempSync(join(tmpdir(), "lazarus-bench-scale-"));
  const file = join(folder, `recorded-${ops}.jsonl`);
  try {
    const recorded = measureProcess(["cli/bin.js", "run", "--seed", "1", "--ops", String(ops), "--out", file], 1, projectRoot, { LAZARUS_FROM: "dist" });
    if (!recorded.exitCodes.every((code) => code === 0 || code === 1 || code === 3)) return [`recording ${ops.toLocaleString("en")} operations failed: ${recorded.stderr}`];
    const bytes = statSync(file).size;
    // A check of 10^7 operations takes many minutes: measured once.
    const runs = ops > 1_000_000 ? 1 : 3;
    const measured = measureProcess(["cli/bin.js", "check", file], runs, projectRoot, { LAZARUS_FROM: "dist" });
    return [
      `lazarus run --seed 1 --ops ${ops} --out FILE, whole process (${usageMethod()}): ${figures(recorded)}; FILE is ${(bytes / 2 ** 20).toFixed(0)} MiB`,
      `lazarus check FILE, whole process, ${runs === 1 ? "one run" : `median of ${runs}`}: ${figures(measured)}` + (measured.stderr === "" ? "" : `; stderr: ${measured.stderr}`),
      `  it says: ${verdictLine(measured, file)}`,
      `targets: 10^6 operations checked under 5 s and 1024 MiB; 10^7 under 2048 MiB; run --ops 10^7 --out in bounded memory`,
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
