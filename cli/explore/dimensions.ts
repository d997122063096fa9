// What each grid dimension of `lazarus explore` sets in the store's options, and the base
// scenario the dimensions change. The base is `lazarus run`'s default scenario with one
// change of purpose: its random fault schedule is replaced by crashes of a set length, so
// that a node's absence lasts as long as `downtime` says and nothing else cuts a node off.
import { bugNames, defaultScenario, type BugName, type StoreOptionsInput } from "../../impl/index.ts";
import type { GcMode } from "../../model/vocabulary.ts";

/** DimensionName names one dimension a grid may sweep. */
export type DimensionName = "grace" | "downtime" | "gc" | "guard" | "repair" | "bug";

/** CellSettings is one cell's value of every dimension, the base's where the grid leaves one out. */
export interface CellSettings {
  graceTicks: number;
  downtimeTicks: number;
  gc: GcMode;
  rejoinGuard: boolean;
  /** fullRepairIntervalTicks: undefined follows the grace period (see `repairIntervalTicks`). */
  fullRepairIntervalTicks: number | undefined;
  bug: BugName | undefined;
}

/** Dimension is one sweepable setting: what it means, and how a value is read into a cell. */
export interface Dimension {
  name: DimensionName;
  /** meaning: one line for --help and the docs, saying which options it sets. */
  meaning: string;
  /** set applies the value `text` to `cell`, or returns why the value is wrong. */
  set: (cell: CellSettings, text: string) => string | undefined;
}

const gcModes: readonly GcMode[] = ["keep", "timeout", "repair", "immediate"];

/** barrierEveryOps: a barrier restarts every node, so barriers come far apart, or they would cut downtimes short. */
export const barrierEveryOps = 600;
/** crashProbability: per fault tick with no node down, so a node is down about a third of the time whatever the downtime. */
export const crashProbability = 0.5;
/** scenarioRepairIntervalTicks: the default scenario's full repair interval, which a short grace period shortens. */
const scenarioRepairIntervalTicks = 80;

/** baseSettings are the cell settings a grid starts from. */
export const baseSettings: Readonly<CellSettings> = Object.freeze({
  graceTicks: 200,
  downtimeTicks: 100,
  gc: "timeout",
  rejoinGuard: false,
  fullRepairIntervalTicks: undefined,
  bug: undefined,
});

/** dimensions lists every dimension, in the order --help shows them. */
export const dimensions: readonly Dimension[] = [
  {
    name: "grace",
    meaning: "gc.graceTicks, the tombstone GC grace period in ticks (base 200)",
    set: (cell, text) => whole(text, 1, (n) => (cell.graceTicks = n)),
  },
  {
    name: "downtime",
    meaning: `how long each crash lasts, in ticks (base 100): faults.intervalTicks = downtime and restartProbability = 1, so a node crashed at one fault tick restarts at the next; crashProbability ${crashProbability}, at most one node down, no partitions or clock skews`,
    set: (cell, text) => whole(text, 1, (n) => (cell.downtimeTicks = n)),
  },
  {
    name: "gc",
    meaning: `gc.mode: ${gcModes.join(", ")} (base timeout)`,
    set: (cell, text) => ((gcModes as readonly string[]).includes(text) ? void (cell.gc = text as GcMode) : `takes one of ${gcModes.join(", ")}`),
  },
  {
    name: "guard",
    meaning: "safeguards.rejoinGuard, on or off (base off: the guard, which acts under timeout GC only, rebuilds a node out longer than the grace period and so hides what this sweep measures)",
    set: (cell, text) => (text === "on" || text === "off" ? void (cell.rejoinGuard = text === "on") : "takes on or off"),
  },
  {
    name: "repair",
    meaning: `fullRepairIntervalTicks, 0 for none (base: ${scenarioRepairIntervalTicks}, or half the grace period when that is shorter, so the operator keeps the repair side of the GC contract)`,
    set: (cell, text) => whole(text, 0, (n) => (cell.fullRepairIntervalTicks = n)),
  },
  {
    name: "bug",
    meaning: `a known bug switched on, or none (base none): ${bugNames.join(", ")}`,
    set: (cell, text) => (text === "none" ? void (cell.bug = undefined) : (bugNames as readonly string[]).includes(text) ? void (cell.bug = text as BugName) : `takes none or one of ${bugNames.join(", ")}`),
  },
];

function whole(text: string, min: number, set: (n: number) => void): string | undefined {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) return `takes a whole number of ticks${min > 0 ? " above 0" : ""}`;
  set(Number(text));
  return undefined;
}

/** repairIntervalTicks is a cell's full repair interval: the grid's, or the base's rule. */
export function repairIntervalTicks(cell: CellSettings): number {
  return cell.fullRepairIntervalTicks ?? Math.min(scenarioRepairIntervalTicks, Math.floor(cell.graceTicks / 2));
}

/** cellOptions are the store options of one cell's run with `seed` and `ops` client operations. */
export function cellOptions(cell: CellSettings, seed: number, ops: number, description: string): StoreOptionsInput {
  const scenario = defaultScenario();
  return {
    ...scenario,
    seed,
    description: `lazarus explore cell ${description}`,
    gc: { mode: cell.gc, graceTicks: cell.graceTicks },
    fullRepairIntervalTicks: repairIntervalTicks(cell),
    safeguards: { rejoinGuard: cell.rejoinGuard },
    bugs: cell.bug === undefined ? [] : [cell.bug],
    faults: {
      intervalTicks: cell.downtimeTicks,
      crashProbability,
      restartProbability: 1,
      partitionProbability: 0,
      healProbability: 0,
      skewProbability: 0,
      maxSkewTicks: 0,
      maxDownNodes: 1,
    },
    workload: { ...scenario.workload, ops, quiesceEveryOps: barrierEveryOps },
  };
}
