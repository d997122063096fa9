// The store's public entry: options and defaults, `simulate` for whole runs, the Driver and
// `runScenario` for scripted ones, recorders, and the pieces tests reach for. Everything
// else in impl/ is private to it.
export type { BugDescription, BugName } from "./bugs.ts";
export { bugNames, bugs } from "./bugs.ts";
export type { ClientOp } from "./client.ts";
export { Cluster } from "./cluster.ts";
export type { OpHandle } from "./driver.ts";
export { Driver } from "./driver.ts";
export { consistencyOf, headerOf } from "./header.ts";
export type {
  FaultOptions,
  NetworkOptions,
  OptionsProblem,
  Safeguards,
  StoreOptions,
  StoreOptionsInput,
  WorkloadOptions,
} from "./options.ts";
export { defaultOptions, resolveOptions, validateOptions } from "./options.ts";
export { Random } from "./random.ts";
export type { Recorder } from "./recorder.ts";
export { CountingRecorder, MemoryRecorder } from "./recorder.ts";
export { Ring } from "./ring.ts";
export type { ScenarioResult, ScenarioStep } from "./scenario.ts";
export { defaultScenario, runScenario } from "./scenario.ts";
export type { SimulationResult } from "./simulate.ts";
export { simulate } from "./simulate.ts";
export type { Stats } from "./stats.ts";
