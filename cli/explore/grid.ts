// A grid of configurations: `--grid NAME=V1,V2,...` flags read into dimensions, and the
// cells they span (every combination, the first dimension varying slowest).
import { didYouMean } from "../args/index.ts";
import { baseSettings, dimensions, type CellSettings, type DimensionName } from "./dimensions.ts";

/** GridAxis is one swept dimension and its values as given. */
export interface GridAxis {
  name: DimensionName;
  values: string[];
}

/** Cell is one combination: its value on each axis (in axis order) and the settings they make. */
export interface Cell {
  values: string[];
  settings: CellSettings;
}

/** Grid is the swept axes, in the order given, and their cells. */
export interface Grid {
  axes: GridAxis[];
  cells: Cell[];
}

/** defaultGridFlags: the grid when none is given, small enough to sweep in about a minute on two cores. */
export const defaultGridFlags: readonly string[] = ["grace=50,100,200,400", "downtime=100,300", "gc=timeout,repair"];

/** parseGrid reads `--grid` flags into a grid, or says which flag is wrong and how. */
export function parseGrid(flags: readonly string[]): Grid | string {
  const axes: GridAxis[] = [];
  for (const flag of flags) {
    const axis = parseAxis(flag);
    if (typeof axis === "string") return axis;
    if (axes.some((a) => a.name === axis.name)) return `--grid ${axis.name} is given twice; list all its values in one flag: --grid ${axis.name}=A,B`;
    axes.push(axis);
  }
  const cells: Cell[] = [];
  for (const values of combinations(axes.map((a) => a.values))) {
    const settings: CellSettings = { ...baseSettings };
    values.forEach((value, i) => dimensions.find((d) => d.name === axes[i]!.name)!.set(settings, value));
    cells.push({ values, settings });
  }
  return { axes, cells };
}

function parseAxis(flag: string): GridAxis | string {
  const match = /^([a-z-]+)=(.+)$/.exec(flag);
  if (match === null) return `--grid takes NAME=V1,V2,..., e.g. --grid grace=100,400, not ${JSON.stringify(flag)}`;
  const [, name, list] = match as unknown as [string, string, string];
  const dimension = dimensions.find((d) => d.name === name);
  const names = dimensions.map((d) => d.name);
  if (dimension === undefined) return `--grid has no dimension '${name}'${didYouMean(name, names) || `; the dimensions are ${names.join(", ")}`}`;
  const values = list.split(",").map((v) => v.trim());
  for (const value of values) {
    if (value === "") return `--grid ${name}=${list} has an empty value; separate values with single commas`;
    const problem = dimension.set({ ...baseSettings }, value);
    if (problem !== undefined) return `--grid ${name} ${problem}, not ${JSON.stringify(value)}`;
  }
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) return `--grid ${name} lists ${twice} twice; list each value once`;
  return { name: dimension.name, values };
}

/** combinations lists every way of taking one value from each list, the first list varying slowest. */
function combinations(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((done, list) => done.flatMap((prefix) => list.map((value) => [...prefix, value])), [[]]);
}

/** cellLabel names a cell by its axis values, e.g. "gc=timeout grace=100 downtime=300". */
export function cellLabel(axes: readonly GridAxis[], cell: Cell): string {
  return axes.map((axis, i) => `${axis.name}=${cell.values[i]}`).join(" ");
}
