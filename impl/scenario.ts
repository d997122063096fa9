// Built-in scenarios: `defaultScenario` is what `npm start` runs and the benchmark
// measures (5 nodes, N=3, mixed put/get/delete, faults on), and `runScenario` plays a
// script of steps given as data against a fresh cluster.
import type { CompleteEvent, History, Key, NodeId, ProcessId, Ticks, TombstoneId, Value } from "../model/vocabulary.ts";
import { Driver } from "./driver.ts";
import type { StoreOptionsInput } from "./options.ts";
import type { Stats } from "./stats.ts";
import { assertNever } from "./versions.ts";

/**
 * defaultScenario returns the options of the built-in run: faults on, eventual consistency,
 * timeout GC. It is shaped so that `lazarus run --bug NAME` convicts every known bug in
 * nearly every seed: a quarter of the ops drawn are deletes and a barrier comes every 150
 * ops (the workload reads a delete back at once, and every written key after each
 * barrier); one message in 20 is lost, so a replica misses a tombstone that read repair
 * or anti-entropy may then meet; hints are handed off late enough to arrive after newer
 * writes; and skews of up to 10 ticks exceed the time between one process's two writes
 * to a key.
 */
export function defaultScenario(): StoreOptionsInput {
  return {
    seed: 42,
    description: "default scenario: 5 nodes, N=3, R=W=2, sloppy quorum, LWW, timeout GC (grace 200 ticks, full repair every 80), faults on",
    gc: { mode: "timeout", graceTicks: 200 },
    // The operator's side of the timeout-GC contract: a full repair well within the grace period.
    fullRepairIntervalTicks: 80,
    // Hints are handed off every 50 ticks, in step with the fault injector and just before
    // it acts: a node it restarts takes new writes for a whole interval before the hints
    // it missed arrive, as when handoff lags behind a restart.
    hintDeliveryIntervalTicks: 50,
    network: { delayTicks: 1, jitterTicks: 2, lossProbability: 0.05, duplicateProbability: 0.01 },
    faults: {
      intervalTicks: 50,
      crashProbability: 0.2,
      restartProbability: 0.5,
      partitionProbability: 0.05,
      healProbability: 0.5,
      skewProbability: 0.1,
      maxSkewTicks: 10,
      maxDownNodes: 1,
    },
    workload: { processes: 5, keys: 50, ops: 3000, putWeight: 0.35, getWeight: 0.4, deleteWeight: 0.25, quiesceEveryOps: 150 },
  };
}

/** ScenarioStep is one step of a scripted scenario. */
export type ScenarioStep =
  | { kind: "put"; process: ProcessId; key: Key; value: Value; coordinator?: NodeId }
  | { kind: "delete"; process: ProcessId; key: Key; tombstone: TombstoneId; coordinator?: NodeId }
  | { kind: "get"; process: ProcessId; key: Key; coordinator?: NodeId }
  | { kind: "crash"; node: NodeId }
  | { kind: "restart"; node: NodeId }
  | { kind: "partition"; groups: NodeId[][] }
  | { kind: "heal" }
  | { kind: "skew"; node: NodeId; offsetTicks: number }
  | { kind: "advance"; ticks: Ticks }
  | { kind: "anti-entropy"; full: boolean }
  | { kind: "quiesce" };

/** ScenarioResult is a scripted run's history, counters and the completions of its ops in order. */
export interface ScenarioResult {
  history: History;
  stats: Stats;
  completions: CompleteEvent[];
}

/** runScenario plays steps one after another (each op runs to completion) on a fresh cluster. */
export function runScenario(options: StoreOptionsInput, steps: readonly ScenarioStep[]): ScenarioResult {
  const driver = new Driver(options);
  const completions: CompleteEvent[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case "put":
      case "delete":
      case "get": {
        const { process, coordinator, ...op } = step;
        completions.push(driver.run(process, op, coordinator));
        break;
      }
      case "crash":
        driver.crash(step.node);
        break;
      case "restart":
        driver.restart(step.node);
        break;
      case "partition":
        driver.partition(step.groups);
        break;
      case "heal":
        driver.heal();
        break;
      case "skew":
        driver.skew(step.node, step.offsetTicks);
        break;
      case "advance":
        driver.advance(step.ticks);
        break;
      case "anti-entropy":
        driver.antiEntropy(step.full);
        break;
      case "quiesce":
        driver.quiesce();
        break;
      // Stryker disable next-line ConditionalExpression: unreachable, the type admits only the step kinds above
      default:
        assertNever(step);
    }
  }
  return { history: driver.history(), stats: driver.cluster.stats, completions };
}
