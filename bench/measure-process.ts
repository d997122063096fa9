// Runs one command as a whole process, several times, and reports its median wall time, CPU
// time and peak resident set: GNU time's figures when /usr/bin/time exists, else the
// process's own resource usage at exit, written by a one-line --import hook. CPU time
// stretches far less than wall time when other work shares the cores.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const gnuTime = "/usr/bin/time";

/** usageHook writes what GNU time's "%M %U %S" would (peak RSS in KiB, user and system CPU seconds) to $LAZARUS_BENCH_USAGE_FILE as the process exits. */
const usageHook =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{const u=process.resourceUsage();writeFileSync(process.env.LAZARUS_BENCH_USAGE_FILE,`${u.maxRSS} ${u.userCPUTime/1e6} ${u.systemCPUTime/1e6}`)})';

/** ProcessMeasurement is the median of several runs of one command. */
export interface ProcessMeasurement {
  medianSeconds: number;
  /** medianCpuSeconds is user plus system CPU time. */
  medianCpuSeconds: number;
  medianPeakRssMiB: number;
  /** exitCodes are the distinct exit codes the runs ended with. */
  exitCodes: Array<number | null>;
  /** stderr is the first line a run wrote to standard error, if any ("" when none did). */
  stderr: string;
  /** stdout is what the first run wrote to standard output. */
  stdout: string;
}

/** usageMethod names how CPU time and peak memory are measured on this machine, for the benchmark's header. */
export function usageMethod(): string {
  return existsSync(gnuTime) ? `${gnuTime} -f "%M %U %S"` : "the process's own resource usage at exit (no /usr/bin/time)";
}

/** measureProcess runs `node NODE_ARGS…` `runs` times, one after another, from `cwd`, with `env` added to the environment. */
export function measureProcess(nodeArgs: readonly string[], runs: number, cwd: string, env: Record<string, string> = {}): ProcessMeasurement {
  const directory = mkdtempSync(join(tmpdir(), "lazarus-bench-usage-"));
  const usageFile = join(directory, "usage");
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  const peaksKiB: number[] = [];
  const exitCodes = new Set<number | null>();
  let stderr = "";
  let stdout: string | undefined;
  try {
    for (let run = 0; run < runs; run++) {
      const [command, args] = existsSync(gnuTime) ? [gnuTime, ["-f", "%M %U %S", "-o", usageFile, process.execPath, ...nodeArgs]] : [process.execPath, ["--import", usageHook, ...nodeArgs]];
      const startedMs = performance.now();
      const child = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ...env, LAZARUS_BENCH_USAGE_FILE: usageFile } });
      seconds.push((performance.now() - startedMs) / 1000);
      exitCodes.add(child.status);
      if (stderr === "" && child.stderr !== "") stderr = child.stderr.split("\n")[0]!;
      stdout ??= child.stdout;
      // GNU time puts "Command exited with non-zero status N" before the figures.
      const [peakKiB, user, system] = readFileSync(usageFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
      peaksKiB.push(peakKiB!);
      cpuSeconds.push(user! + system!);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return { medianSeconds: median(seconds), medianCpuSeconds: median(cpuSeconds), medianPeakRssMiB: median(peaksKiB) / 1024, exitCodes: [...exitCodes], stderr, stdout: stdout ?? "" };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
