// The explore table, as text for a person and as CSV for a plot or a spreadsheet: one row
// per cell, its axis values first, then the rates over its seeds.
import { baseSettings, barrierEveryOps } from "./dimensions.ts";
import { cellLabel, type Grid } from "./grid.ts";
import { ratesOf, type CellRates, type CellTally } from "./tally.ts";

/** Sweep is a finished sweep: its grid, seeds, run length, and one tally per cell (in grid order). */
export interface Sweep {
  grid: Grid;
  seeds: number[];
  ops: number;
  tallies: CellTally[];
}

/** legend says what each column counts; the docs and --help say the same. */
export const legend = `invalid: seeds whose history has an unexplained anomaly (a bug in the store);
gc-read: seeds where a breach of the GC contract explains a read (gc-grace-violation on a
read: with the rejoin guard off, a value a purged tombstone had hidden came back);
reads/seed: such reads per seed; breach: seeds with any gc-grace-violation finding, a read
or the breach alone; down: measured ticks from a crash to its restart, mean/max.`;

/** describeBase says what the cells start from, before the grid changes it. */
export function describeBase(): string {
  const b = baseSettings;
  return `base: lazarus run's default scenario with crashes only (no partitions or clock skews) and a barrier every ${barrierEveryOps} ops; unless the grid sets them: grace ${b.graceTicks}, downtime ${b.downtimeTicks}, gc ${b.gc}, guard ${b.rejoinGuard ? "on" : "off"}, full repair every min(80, grace/2) ticks`;
}

/**
 * Column is one column after the axis values, in both renderings: its header and value in
 * the text table, and in the CSV. Defining each once keeps the two the same table.
 */
interface Column {
  text: string;
  csv: string;
  show: (tally: CellTally, rates: CellRates) => string;
  write: (tally: CellTally, rates: CellRates) => string;
  /** optional: shown in the text only when some cell has a value other than 0. */
  optional?: (tally: CellTally) => boolean;
}

const columns: readonly Column[] = [
  { text: "seeds", csv: "seeds", show: (t) => String(t.seeds), write: (t) => String(t.seeds) },
  { text: "invalid", csv: "invalid_rate", show: (_, r) => percent(r.invalid), write: (_, r) => r.invalid.toFixed(4) },
  { text: "gc-read", csv: "gc_read_rate", show: (_, r) => percent(r.gcRead), write: (_, r) => r.gcRead.toFixed(4) },
  { text: "reads/seed", csv: "gc_reads_per_seed", show: (_, r) => r.gcReadsPerSeed.toFixed(2), write: (_, r) => r.gcReadsPerSeed.toFixed(4) },
  { text: "breach", csv: "breach_rate", show: (_, r) => percent(r.breach), write: (_, r) => r.breach.toFixed(4) },
  { text: "unknown", csv: "unknown_rate", show: (_, r) => percent(r.unknown), write: (_, r) => r.unknown.toFixed(4), optional: (t) => t.unknownSeeds > 0 },
  { text: "down mean/max", csv: "mean_down_ticks,max_down_ticks", show: (t, r) => `${Math.round(r.meanDownTicks)}/${t.downs.maxTicks}`, write: (t, r) => `${r.meanDownTicks.toFixed(1)},${t.downs.maxTicks}` },
];

/** formatTable renders a sweep as the text `lazarus explore` prints. */
export function formatTable(sweep: Sweep): string {
  const { grid, seeds, ops, tallies } = sweep;
  const shown = columns.filter((column) => column.optional === undefined || tallies.some(column.optional));
  const header = [...grid.axes.map((a) => a.name), ...shown.map((column) => column.text)];
  const rows = grid.cells.map((cell, i) => [...cell.values, ...shown.map((column) => column.show(tallies[i]!, ratesOf(tallies[i]!)))]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const axisCount = grid.axes.length;
  // Axis values that are words read best left-aligned; numbers and rates, right-aligned.
  const align = (text: string, c: number) => (c < axisCount && !/^\d+$/.test(text) ? text.padEnd(widths[c]!) : text.padStart(widths[c]!));
  const line = (cells: string[]) => cells.map(align).join("  ").trimEnd();
  const lines = [
    `lazarus explore: ${grid.cells.length} ${grid.cells.length === 1 ? "cell" : "cells"} x ${seeds.length} seeds (${seedRange(seeds)}), ${ops} ops per run, ${grid.cells.length * seeds.length} runs`,
    describeBase(),
    "",
    line(header),
    ...rows.map(line),
    "",
    legend,
  ];
  const buggy = grid.cells.flatMap((cell, i) => (tallies[i]!.invalidSeeds.length === 0 ? [] : [`  ${cellLabel(grid.axes, cell)}: ${tallies[i]!.invalidSeeds.map((s) => `seed ${s.seed} (${s.kinds.join(", ")})`).join(", ")}`]));
  if (buggy.length > 0) lines.push("", "seeds with a bug (--keep DIR writes their histories, for lazarus report and replay):", ...buggy);
  const kept = tallies.flatMap((t) => t.invalidSeeds.flatMap((s) => (s.keptFile === undefined ? [] : [`  ${s.keptFile}`])));
  if (kept.length > 0) lines.push("kept:", ...kept);
  return `${lines.join("\n")}\n`;
}

/** formatCsv renders the same rows as CSV, rates as fractions with four decimals, and the seeds with a bug. */
export function formatCsv(sweep: Sweep): string {
  const { grid, tallies } = sweep;
  const header = [...grid.axes.map((a) => a.name), ...columns.map((column) => column.csv), "invalid_seeds"];
  const rows = grid.cells.map((cell, i) => {
    const tally = tallies[i]!;
    return [...cell.values, ...columns.map((column) => column.write(tally, ratesOf(tally))), tally.invalidSeeds.map((s) => s.seed).join(" ")];
  });
  return `${[header, ...rows].map((row) => row.join(",")).join("\n")}\n`;
}

/** percent shows a rate as a whole percentage, never rounding a few seeds to 0% or all but one to 100%. */
export function percent(rate: number): string {
  const shown = Math.round(rate * 100);
  if (rate > 0 && shown === 0) return "<1%";
  if (rate < 1 && shown === 100) return ">99%";
  return `${shown}%`;
}

function seedRange(seeds: readonly number[]): string {
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  return `seeds ${seeds[0]}-${seeds.at(-1)}`;
}
