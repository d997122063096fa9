// The explore sweep's public face for `lazarus explore`: the grid and what its dimensions
// set, the runs on worker threads, their tally, and the table, CSV and SVG made of it.
// Everything else in cli/explore is private to it.
export type { CellSettings, Dimension, DimensionName } from "./dimensions.ts";
export { barrierEveryOps, baseSettings, cellOptions, crashProbability, dimensions, repairIntervalTicks } from "./dimensions.ts";
export type { Cell, Grid, GridAxis } from "./grid.ts";
export { cellLabel, defaultGridFlags, parseGrid } from "./grid.ts";
export { plotSvg } from "./plot.ts";
export { runTasks, threadsFor } from "./pool.ts";
export type { SeedOutcome, SeedTask } from "./run-seed.ts";
export type { Sweep } from "./table.ts";
export { describeBase, formatCsv, formatTable, legend, percent } from "./table.ts";
export type { CellRates, CellTally } from "./tally.ts";
export { ratesOf, tallyCell } from "./tally.ts";
