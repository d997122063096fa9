// A finished explore sweep to format and draw, made by hand: the table and plot tests share it.
import { parseGrid, tallyCell, type Grid, type SeedOutcome, type Sweep } from "../../../cli/explore/index.ts";

/** outcome is one run's outcome: valid, with two crashes of 100 and 200 ticks, unless `over` says otherwise. */
const outcome = (over: Partial<SeedOutcome> = {}): SeedOutcome => ({ verdict: "valid", bugKinds: [], gcReads: 0, breaches: 0, downs: { count: 2, sumTicks: 300, maxTicks: 200 }, ...over });

/** sweep is a finished 4-cell sweep of 2 seeds: one cell with an explained read and a bug, the rest clean. */
export function sweep(): Sweep {
  const grid = parseGrid(["grace=50,400", "downtime=300", "gc=timeout,repair"]) as Grid;
  const seeds = [1, 2];
  const tallies = grid.cells.map((cell) =>
    tallyCell(seeds, cell.settings.gc === "timeout" && cell.settings.graceTicks === 50 ? [outcome({ gcReads: 3, breaches: 4 }), outcome({ verdict: "invalid", bugKinds: ["lost-write", "lost-write"] })] : [outcome(), outcome()]),
  );
  return { grid, seeds, ops: 600, tallies };
}

