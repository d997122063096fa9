// The explore table drawn as one self-contained SVG: the gc-read rate (solid) and the
// invalid rate (dashed) against one axis, a line per value of a second axis, a panel per
// combination of the rest. With the usual grid: rate against grace, a line per downtime,
// a panel per GC mode.
import type { GridAxis } from "./grid.ts";
import { ratesOf } from "./tally.ts";
import type { Sweep } from "./table.ts";

const panelWidth = 340;
const panelHeight = 240;
const margin = { left: 48, right: 16, top: 34, bottom: 40 };
const panelsPerRow = 3;
const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

/** PlotLayout says which axis runs along x, which draws one line per value, and which split panels. */
interface PlotLayout {
  x: number;
  series: number | undefined;
  panels: number[];
}

/**
 * layoutOf picks x (grace when swept, else the first axis with several values) and the
 * series (downtime when in the grid, else another swept axis but gc); the rest, gc among
 * them, split panels.
 */
function layoutOf(axes: readonly GridAxis[]): PlotLayout {
  const swept = (i: number) => axes[i]!.values.length > 1;
  const indices = axes.map((_, i) => i);
  const x = indices.find((i) => axes[i]!.name === "grace" && swept(i)) ?? indices.find(swept) ?? 0;
  const series = indices.find((i) => axes[i]!.name === "downtime" && i !== x) ?? indices.find((i) => i !== x && swept(i) && axes[i]!.name !== "gc");
  return { x, series, panels: indices.filter((i) => i !== x && i !== series) };
}

/** plotSvg draws a sweep; the picture depends on the table alone, so the same sweep draws the same bytes. */
export function plotSvg(sweep: Sweep): string {
  const { axes, cells } = sweep.grid;
  if (axes.length === 0) return emptySvg();
  const layout = layoutOf(axes);
  const panelKeys = [...new Set(cells.map((cell) => layout.panels.map((i) => `${axes[i]!.name}=${cell.values[i]}`).join(" ")))];
  const seriesValues = layout.series === undefined ? [""] : axes[layout.series]!.values;
  const rows = Math.ceil(panelKeys.length / panelsPerRow);
  const width = Math.max(420, Math.min(panelKeys.length, panelsPerRow) * panelWidth);
  const entries = legendEntries(axes, layout, seriesValues);
  const legendHeight = 16 + legendRowHeight * Math.ceil(entries.length / legendColumns(width));
  const height = 36 + rows * panelHeight + legendHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="12" y="22" font-size="14" font-weight="bold">${escape(`lazarus explore: share of ${sweep.seeds.length} seeds, against ${axes[layout.x]!.name}`)}</text>`,
  ];
  panelKeys.forEach((key, p) => {
    const left = (p % panelsPerRow) * panelWidth;
    const top = 36 + Math.floor(p / panelsPerRow) * panelHeight;
    parts.push(...panel(sweep, layout, key, seriesValues, left, top));
  });
  parts.push(...legend(entries, width, 36 + rows * panelHeight + 8));
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function panel(sweep: Sweep, layout: PlotLayout, key: string, seriesValues: readonly string[], left: number, top: number): string[] {
  const { axes, cells } = sweep.grid;
  const xValues = axes[layout.x]!.values;
  const plotWidth = panelWidth - margin.left - margin.right;
  const plotHeight = panelHeight - margin.top - margin.bottom;
  const x0 = left + margin.left;
  const y0 = top + margin.top;
  const px = (i: number) => x0 + (xValues.length === 1 ? plotWidth / 2 : (i * plotWidth) / (xValues.length - 1));
  const py = (rate: number) => y0 + plotHeight * (1 - rate);
  const out: string[] = [`<text x="${x0}" y="${top + 18}" font-weight="bold">${escape(key === "" ? "all cells" : key)}</text>`];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${x0}" x2="${x0 + plotWidth}" y1="${py(tick)}" y2="${py(tick)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 - 6}" y="${py(tick) + 4}" text-anchor="end">${tick * 100}%</text>`);
  }
  xValues.forEach((value, i) => out.push(`<text x="${px(i)}" y="${y0 + plotHeight + 16}" text-anchor="middle">${escape(value)}</text>`));
  out.push(`<text x="${x0 + plotWidth / 2}" y="${y0 + plotHeight + 32}" text-anchor="middle">${escape(axes[layout.x]!.name)}</text>`);
  seriesValues.forEach((seriesValue, s) => {
    const color = colors[s % colors.length]!;
    const points = xValues.map((xValue, i) => {
      const index = cells.findIndex((cell) => cell.values[layout.x] === xValue && (layout.series === undefined || cell.values[layout.series] === seriesValue) && layout.panels.map((a) => `${axes[a]!.name}=${cell.values[a]}`).join(" ") === key);
      const rates = ratesOf(sweep.tallies[index]!);
      return { x: px(i), gcRead: py(rates.gcRead), invalid: py(rates.invalid) };
    });
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => `${p.x},${p.gcRead}`).join(" ")}"/>`);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="5 4" points="${points.map((p) => `${p.x},${p.invalid}`).join(" ")}"/>`);
    for (const p of points) out.push(`<circle cx="${p.x}" cy="${p.gcRead}" r="3" fill="${color}"/>`);
  });
  return out;
}

/** legendEntries: what the line styles mean, then one colour per series value. */
function legendEntries(axes: readonly GridAxis[], layout: PlotLayout, seriesValues: readonly string[]): Array<{ label: string; color: string; dash: boolean }> {
  return [
    { label: "gc-read rate (a GC breach explains a read)", color: "#333", dash: false },
    { label: "invalid rate (a bug)", color: "#333", dash: true },
    ...(layout.series === undefined ? [] : seriesValues.map((value, s) => ({ label: `${axes[layout.series!]!.name}=${value}`, color: colors[s % colors.length]!, dash: false }))),
  ];
}

const legendColumnWidth = 260;
const legendRowHeight = 18;

function legendColumns(width: number): number {
  return Math.max(1, Math.floor((width - 12) / legendColumnWidth));
}

function legend(entries: ReturnType<typeof legendEntries>, width: number, top: number): string[] {
  const columns = legendColumns(width);
  return entries.map((entry, i) => {
    const x = 12 + (i % columns) * legendColumnWidth;
    const y = top + Math.floor(i / columns) * legendRowHeight;
    const dash = entry.dash ? ` stroke-dasharray="5 4"` : "";
    return `<line x1="${x}" x2="${x + 24}" y1="${y + 8}" y2="${y + 8}" stroke="${entry.color}" stroke-width="2"${dash}/><text x="${x + 30}" y="${y + 12}">${escape(entry.label)}</text>`;
  });
}

function emptySvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="8" y="24" font-family="sans-serif">no grid</text></svg>\n`;
}

function escape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
