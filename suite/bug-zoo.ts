// The bug zoo: for each known bug switch, the configurations that let it show and the
// anomaly kinds the checker must convict it with. A zoo entry's property is expected to
// fail: fast-check must find a counterexample from a fixed seed within a fixed number of
// runs and shrink it to a handful of commands.
import type { BugName } from "../impl/index.ts";
import type { AnomalyKind } from "../model/anomaly.ts";
import type { CommandShape } from "./arbitraries.ts";
import type { SuiteOptions } from "./run-suite.ts";
import type { ConfigurationBias, SimulatorConfig } from "./simulator-configurations.ts";
import { simulatorSuite } from "./simulator-suite.ts";

/** zooSeed and zooRuns: where the zoo's properties look, and for how long at most. */
export const zooSeed = 20261124;
export const zooRuns = 2000;

/** ZooEntry: one bug, where to look for it, and what it must be convicted of. */
export interface ZooEntry {
  bug: BugName;
  bias: ConfigurationBias;
  /** shape: how the commands lean for this bug, over the suite's defaults. */
  shape?: Partial<CommandShape>;
  /** convictedAs: the anomaly kinds (bugs, not explanations) that name this bug in a history. */
  convictedAs: AnomalyKind[];
}

/** zoo lists every bug switch. */
export const zoo: readonly ZooEntry[] = [
  // Under vector clocks a forgotten delete also shows as its tombstone missing from the siblings.
  { bug: "naive-delete", bias: {}, convictedAs: ["resurrection", "sibling-lost", "lost-write", "stale-read", "not-linearizable"] },
  // Only read repair can show it.
  { bug: "tombstone-blind-read-repair", bias: { readRepairs: ["sync", "async"] }, convictedAs: ["resurrection", "sibling-lost", "lost-write", "stale-read", "not-linearizable"] },
  { bug: "anti-entropy-resurrects", bias: {}, convictedAs: ["resurrection", "sibling-lost", "sibling-spurious", "lost-write", "divergence", "not-linearizable"] },
  { bug: "early-gc", bias: {}, convictedAs: ["early-purge", "resurrection"] },
  // Only last-write-wins timestamps can be skewed, and only skews show it: draw more of them.
  { bug: "lww-skew", bias: { versionings: ["lww"] }, shape: { weights: { skew: 6 } }, convictedAs: ["lost-write", "stale-read", "resurrection", "not-linearizable"] },
  { bug: "doomstone", bias: {}, convictedAs: ["lost-write", "resurrection", "sibling-lost", "sibling-spurious", "divergence", "not-linearizable"] },
];

/** zooSuite is the suite's options for one zoo entry: its bug on, its configurations and command shape. */
export function zooSuite(entry: ZooEntry, rest: Partial<SuiteOptions<SimulatorConfig>> = {}): SuiteOptions<SimulatorConfig> {
  return simulatorSuite({ ...entry.bias, bugs: [entry.bug] }, { ...(entry.shape === undefined ? {} : { shape: entry.shape }), ...rest });
}
