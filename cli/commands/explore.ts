// `lazarus explore`: sweeps a grid of store configurations over many seeds, checks every
// run, and prints a table of anomaly rates per cell (CSV and SVG on request). The runs are
// spread over worker threads; the table depends only on the grid and the seeds.
// Exit 0 when no run has a bug, 1 when some run does, 2 bad input or usage.
import { commandSummaries } from "../command-summaries.ts";
import { printable, printableJson } from "../../histories/format/printable.ts";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { defaultScenario, resolveOptions, validateOptions } from "../../impl/index.ts";
import { answerEarly, countFlag, parseCommandLine, refuse, type CommandSpec, type OptionValues } from "../args/index.ts";
import { barrierEveryOps, cellLabel, cellOptions, defaultGridFlags, dimensions, formatCsv, formatTable, legend, parseGrid, plotSvg, ratesOf, runTasks, tallyCell, threadsFor, type Grid, type SeedTask, type Sweep } from "../explore/index.ts";
import { Progress } from "../progress.ts";

/** wrap breaks `text` into lines of at most 92 characters, the first indented by `first`, the rest by `rest`. */
function wrap(text: string, rest: string, first: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(" ")) {
    if (line.trim() !== "" && line.length + 1 + word.length > 92) {
      lines.push(line);
      line = rest;
    }
    line += line.trim() === "" ? word : ` ${word}`;
  }
  return [...lines, line].join("\n");
}

const defaultSeeds = 30;
const maxSeeds = 100_000;
/** maxOps: each worker holds one run's history; past 10^6 operations that stops fitting a default heap. */
const maxOps = 1_000_000;

/** exploreSpec is `lazarus explore`'s command line. */
export const exploreSpec: CommandSpec = {
  name: "explore",
  summary: commandSummaries.explore,
  operands: false,
  options: {
    grid: { type: "string", multiple: true },
    seeds: { type: "string" },
    ops: { type: "string" },
    jobs: { type: "string" },
    csv: { type: "string" },
    plot: { type: "string" },
    keep: { type: "string" },
    json: { type: "boolean" },
  },
  usage: `usage: lazarus explore [--grid NAME=V1,V2,...]... [--seeds N] [--ops N] [--jobs N]
                       [--csv FILE] [--plot FILE.svg] [--keep DIR] [--json]
  runs every cell of the grid (every combination of the values given) with seeds 1..N,
  checks each history, and prints one row per cell; exit 0 when no run has a bug, 1 when
  some run has one, 2 on bad input or usage
  --grid   a dimension and its values; give one flag per dimension (default:
           ${defaultGridFlags.map((f) => `--grid ${f}`).join(" ")})
${dimensions.map((d) => wrap(`${d.name}: ${d.meaning}`, "             ", "           ")).join("\n")}
  --seeds  seeds per cell, 1..N, the same seeds in every cell (default ${defaultSeeds})
  --ops    client operations per run (default ${defaultScenario().workload?.ops}; a barrier every ${barrierEveryOps})
  --jobs   threads to run seeds on at most (default: the machine's cores; one per 6 runs, as a
           thread takes a few runs' time to start); the table does not depend on it
  --csv    also write the table as CSV to FILE
  --plot   also draw the table as a self-contained SVG: rates against grace, a line per
           downtime, a panel per GC mode (or per the other dimensions)
  --keep   write the history of every run with a bug to DIR, for lazarus report and replay
  --json   print the sweep as JSON instead of the table
${wrap(`columns: ${legend.replaceAll("\n", " ")}`, "           ", "  ")}
  example: lazarus explore --grid grace=50,100,200,400 --grid downtime=100,300 --grid gc=timeout,repair --seeds 50
`,
};

interface ExploreArgs {
  grid: Grid;
  seeds: number[];
  ops: number;
  jobs: number;
  csv?: string;
  plot?: string;
  keep?: string;
  json: boolean;
}

/** exploreCommand runs `lazarus explore` and returns its exit code. */
export async function exploreCommand(argv: string[]): Promise<number> {
  const line = parseCommandLine(exploreSpec, argv);
  if (line.kind !== "parsed") return answerEarly(exploreSpec, line);
  const parsed = exploreArgsFrom(line.values);
  if (typeof parsed === "string") return refuse(exploreSpec, parsed);
  const unwritable = await firstUnwritable(parsed);
  if (unwritable !== undefined) {
    process.stderr.write(`lazarus explore: ${unwritable}\n  fix: name a file in a folder that exists and that you may write to\n`);
    return 2;
  }
  const tasks: SeedTask[] = parsed.grid.cells.flatMap((cell) =>
    parsed.seeds.map((seed) => ({ settings: cell.settings, label: cellLabel(parsed.grid.axes, cell), seed, ops: parsed.ops, ...(parsed.keep === undefined ? {} : { keepDirectory: parsed.keep }) })),
  );
  const threads = threadsFor(tasks.length, parsed.jobs);
  const progress = Progress.onStderr("lazarus explore", parsed.json);
  const unit = { kind: "count", name: "runs" } as const;
  let outcomes;
  try {
    outcomes = await runTasks(tasks, threads, (done) => progress.update(done, tasks.length, unit, `on ${threads} ${threads === 1 ? "thread" : "threads"}`));
  } catch (error) {
    // A run that throws is a bug in the simulator or checker, not in the grid: say which run, with the stack.
    progress.finish();
    process.stderr.write(`lazarus explore: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  progress.finish();
  const tallies = parsed.grid.cells.map((_, c) => tallyCell(parsed.seeds, outcomes.slice(c * parsed.seeds.length, (c + 1) * parsed.seeds.length)));
  const sweep: Sweep = { grid: parsed.grid, seeds: parsed.seeds, ops: parsed.ops, tallies };
  process.stdout.write(parsed.json ? `${printableJson(JSON.stringify(sweepJson(sweep), null, 2))}\n` : formatTable(sweep));
  for (const [flag, path, text] of [["--csv", parsed.csv, formatCsv], ["--plot", parsed.plot, plotSvg]] as const) {
    if (path === undefined) continue;
    const failed = await writeFile(path, text(sweep)).then(() => undefined, (error: Error) => error.message);
    process.stderr.write(`${printable(`lazarus explore: ${failed === undefined ? `${flag} written to ${path}` : `writing ${flag} ${JSON.stringify(path)} failed: ${failed}`}`)}\n`);
    if (failed !== undefined) return 2;
  }
  return tallies.some((t) => t.invalidSeeds.length > 0) ? 1 : 0;
}

function exploreArgsFrom(values: OptionValues): ExploreArgs | string {
  const grid = parseGrid((values.grid as string[] | undefined) ?? defaultGridFlags);
  if (typeof grid === "string") return grid;
  for (const cell of grid.cells) {
    const problems = validateOptions(resolveOptions(cellOptions(cell.settings, 1, 1, "")));
    if (problems.length > 0) return `the cell ${cellLabel(grid.axes, cell)} cannot run: ${problems.map((p) => p.message).join("; ")}`;
  }
  const seeds = countFlag(values.seeds, "--seeds", defaultSeeds, maxSeeds);
  if (typeof seeds === "string") return seeds;
  const ops = countFlag(values.ops, "--ops", defaultScenario().workload?.ops ?? 3000, maxOps);
  if (typeof ops === "string") return ops;
  const jobs = countFlag(values.jobs, "--jobs", availableParallelism(), 256);
  if (typeof jobs === "string") return jobs;
  const args: ExploreArgs = { grid, seeds: Array.from({ length: seeds }, (_, i) => i + 1), ops, jobs, json: values.json === true };
  for (const flag of ["csv", "plot", "keep"] as const) {
    const path = values[flag];
    if (typeof path === "string") {
      if (path === "") return `--${flag} needs a ${flag === "keep" ? "folder" : "file"} name`;
      args[flag] = path;
    }
  }
  if (args.plot !== undefined && !args.plot.endsWith(".svg")) return `--plot draws SVG; name a file ending in .svg, not ${JSON.stringify(args.plot)}`;
  return args;
}

/** firstUnwritable finds, before the sweep runs, an output it could not write (creating --keep's folder). */
async function firstUnwritable(args: ExploreArgs): Promise<string | undefined> {
  if (args.keep !== undefined) {
    const made = await mkdir(args.keep, { recursive: true }).then(() => undefined, (error: Error) => error.message);
    if (made !== undefined) return `cannot make the --keep folder ${JSON.stringify(args.keep)}: ${made}`;
  }
  for (const [flag, path] of [["--csv", args.csv], ["--plot", args.plot]] as const) {
    if (path === undefined) continue;
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory() === true) return `cannot write ${flag} ${JSON.stringify(path)}: it is a folder`;
    const folder = await stat(dirname(path)).catch(() => undefined);
    if (folder?.isDirectory() !== true) return `cannot write ${flag} ${JSON.stringify(path)}: no folder ${JSON.stringify(dirname(path))}`;
  }
  return undefined;
}

/** sweepJson is the sweep as plain data: each cell's values by dimension, counts, rates and the seeds with a bug. */
function sweepJson(sweep: Sweep): object {
  return {
    seeds: sweep.seeds,
    ops: sweep.ops,
    grid: sweep.grid.axes,
    cells: sweep.grid.cells.map((cell, i) => ({
      values: Object.fromEntries(sweep.grid.axes.map((axis, a) => [axis.name, cell.values[a]])),
      settings: cell.settings,
      ...sweep.tallies[i]!,
      rates: ratesOf(sweep.tallies[i]!),
    })),
  };
}
