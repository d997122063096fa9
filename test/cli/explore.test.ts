// `lazarus explore` end to end: a small sweep prints one row per cell, the CSV and SVG say
// the same, the table does not depend on how many threads ran it, timeout GC resurrects
// once downtime passes the grace period while repair GC never does, and bad grids are
// refused before any run.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { exploreCommand } from "../../cli/commands/explore.ts";
import { inProcess as inProcessOf, lazarusAsync } from "./run-lazarus.ts";

/** inProcess runs `lazarus explore ARGS` here: for refusals, which come before any run. */
const inProcess = (...args: string[]) => inProcessOf(exploreCommand, ...args);

afterEach(() => vi.restoreAllMocks());

// One folder for the file, removed at the end; each sweep writes into its own folder inside it.
const folder = mkdtempSync(join(tmpdir(), "lazarus-explore-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const grid = ["--grid", "grace=50,400", "--grid", "downtime=300", "--grid", "gc=timeout,repair", "--seeds", "3"];

describe("lazarus explore", () => {
  const dir = mkdtempSync(join(folder, "sweep-"));
  const csv = join(dir, "table.csv");
  const svg = join(dir, "plot.svg");
  const sweeps = Promise.all([
    lazarusAsync("explore", ...grid, "--jobs", "2", "--csv", csv, "--plot", svg),
    lazarusAsync("explore", ...grid, "--jobs", "1"),
  ]);

  it("prints a row per cell, the same on one thread as on two, and says where CSV and SVG went", async () => {
    const [two, one] = await sweeps;
    expect([0, 1]).toContain(two.code);
    expect(one.stdout).toBe(two.stdout);
    const lines = two.stdout.split("\n");
    expect(lines[0]).toBe("lazarus explore: 4 cells x 3 seeds (seeds 1-3), 3000 ops per run, 12 runs");
    const header = lines.findIndex((l) => l.startsWith("grace  downtime  gc"));
    expect(lines[header]).toMatch(/seeds +invalid +gc-read +reads\/seed +breach +down mean\/max$/);
    expect(lines.slice(header + 1, header + 5).map((l) => l.trim().split(/ +/).slice(0, 4).join(" "))).toEqual(["50 300 timeout 3", "50 300 repair 3", "400 300 timeout 3", "400 300 repair 3"]);
    expect(two.stderr).toContain(`--csv written to ${csv}`);
    expect(two.stderr).toContain(`--plot written to ${svg}`);
  });

  it("writes the same rows as CSV, and a self-contained SVG", async () => {
    await sweeps;
    const rows = readFileSync(csv, "utf8").trim().split("\n");
    expect(rows[0]).toBe("grace,downtime,gc,seeds,invalid_rate,gc_read_rate,gc_reads_per_seed,breach_rate,unknown_rate,mean_down_ticks,max_down_ticks,invalid_seeds");
    expect(rows.slice(1).map((r) => r.split(",").slice(0, 4).join(","))).toEqual(["50,300,timeout,3", "50,300,repair,3", "400,300,timeout,3", "400,300,repair,3"]);
    const picture = readFileSync(svg, "utf8");
    expect(picture).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(picture.trim()).toMatch(/<\/svg>$/);
    expect(picture).toContain("gc=timeout");
    expect(picture).toContain("gc=repair");
    expect(picture).not.toMatch(/href=|<script|@import|url\(/);
  });

  it("timeout GC resurrects when the downtime passes the grace period; repair GC never does", async () => {
    await sweeps;
    const [, ...rows] = readFileSync(csv, "utf8").trim().split("\n").map((row) => row.split(","));
    const cell = (grace: string, gc: string) => {
      const row = rows.find((r) => r[0] === grace && r[2] === gc)!;
      return { invalid: Number(row[4]), gcRead: Number(row[5]), breach: Number(row[7]) };
    };
    expect(cell("50", "timeout").gcRead).toBeGreaterThan(0);
    expect(cell("400", "timeout").gcRead).toBe(0);
    for (const grace of ["50", "400"]) expect(cell(grace, "repair")).toEqual({ invalid: 0, gcRead: 0, breach: 0 });
  });

  it("prints the sweep as JSON with --json: each cell's values, counts and rates", async () => {
    const run = await lazarusAsync("explore", "--grid", "gc=repair", "--grid", "grace=100", "--seeds", "1", "--ops", "200", "--json");
    expect(run.code).toBe(0);
    const sweep = JSON.parse(run.stdout);
    expect(sweep).toMatchObject({ seeds: [1], ops: 200, grid: [{ name: "gc", values: ["repair"] }, { name: "grace", values: ["100"] }] });
    expect(sweep.cells[0]).toMatchObject({ values: { gc: "repair", grace: "100" }, seeds: 1, invalidSeeds: [], rates: { invalid: 0, gcRead: 0 } });
    expect(run.stderr).toBe("");
  });
});

describe("lazarus explore --keep", () => {
  it("keeps the history of a run with a bug, which lazarus replay records again byte for byte; exit 1", async () => {
    const dir = mkdtempSync(join(folder, "keep-"));
    const run = await lazarusAsync("explore", "--grid", "bug=naive-delete", "--seeds", "1", "--ops", "1500", "--keep", dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("bug=naive-delete: seed 1 (resurrection");
    const kept = join(dir, "bug-naive-delete_seed-1.jsonl");
    expect(run.stdout).toContain(`kept:\n  ${kept}\n`);
    const replay = await lazarusAsync("replay", kept);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain("the same history byte for byte");
  });
});

describe("lazarus explore refuses a bad grid or output before it runs anything, exit 2", () => {
  const cases: Array<[string[], string]> = [
    [["--grid", "grace=0"], "--grid grace takes a whole number of ticks above 0, not \"0\""],
    [["--grid", "gc=lazy"], "--grid gc takes one of keep, timeout, repair, immediate, not \"lazy\""],
    [["--grid", "grace=100", "--grid", "grace=200"], "--grid grace is given twice"],
    [["--grid", "grace"], "--grid takes NAME=V1,V2,..., e.g. --grid grace=100,400"],
    [["--grid", "weather=sunny"], "--grid has no dimension 'weather'; the dimensions are grace, downtime, gc, guard, repair, bug"],
    [["--seeds", "0"], "--seeds takes a whole number above 0"],
    [["--plot", "out.png"], "--plot draws SVG"],
    [["--csv", "/no/such/folder/t.csv"], "cannot write --csv \"/no/such/folder/t.csv\": no folder"],
  ];
  it.each(cases.map(([argv, message]) => ({ args: argv.join(" "), argv, message })))("explore $args", async ({ argv, message }) => {
    const run = await inProcess(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toContain(message);
    expect(run.stdout).toBe("");
  });
});
