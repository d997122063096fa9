// The suite's options for the in-process store: a fresh simulated cluster per run, drawn
// configurations (optionally pinned, as a bug zoo entry pins its bug), and what a run may
// provoke: besides crashes, partitions and skews, a lossy network can keep a full repair
// from completing before a tombstone's grace period ends, which breaches timeout GC's
// contract as surely as a downtime does.
import type { AnomalyKind } from "../model/anomaly.ts";
import type { History } from "../model/vocabulary.ts";
import { provokedByFaults } from "./run-end.ts";
import type { SuiteOptions } from "./run-suite.ts";
import { SimulatorAdapter } from "./simulator-adapter.ts";
import { simulatorConfigurations, type ConfigurationBias, type SimulatorConfig } from "./simulator-configurations.ts";

/** provokedBySimulation: provokedByFaults, plus a GC breach wherever timeout GC ran on a lossy network. */
export function provokedBySimulation(history: History, config: SimulatorConfig): ReadonlySet<AnomalyKind> {
  const kinds = new Set(provokedByFaults(history, config));
  const lossy = (config.network?.lossProbability ?? 0) > 0;
  if (lossy && config.gc?.mode === "timeout") kinds.add("gc-grace-violation");
  return kinds;
}

/** simulatorSuite is runSuite's options for the in-process store. */
export function simulatorSuite(bias: ConfigurationBias = {}, rest: Partial<SuiteOptions<SimulatorConfig>> = {}): SuiteOptions<SimulatorConfig> {
  return {
    create: (config) => new SimulatorAdapter(config),
    configurations: simulatorConfigurations(bias),
    provoked: provokedBySimulation,
    ...rest,
  };
}
