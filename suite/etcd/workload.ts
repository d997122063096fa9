// A long run against etcd, as `lazarus run --store etcd` plays it: the suite's own steps
// (drawn by its generator from one seed, kept to the suite model's preconditions) on an
// EtcdAdapter, shaped for stale reads: the moment a member comes back (SIGCONT or
// restart) every client reads every key at once, while that member may still be behind;
// a barrier comes every 150 operations; the run ends as a suite run does (quiesce, then
// read every key). A read the spec forbids outright is noted and the run goes on: the
// checker judges the whole history at the end.
import fc from "fast-check";
import type { History, Key, ProcessId } from "../../model/vocabulary.ts";
import { offeredFaults } from "../adapter.ts";
import { defaultShape, stepArbitrary, type CommandShape } from "../arbitraries.ts";
import { readerProcess } from "../run-end.ts";
import { ForbiddenReadError, StepRunner } from "../step-runner.ts";
import type { SuiteStep, SuiteStepKind } from "../step.ts";
import { allows, apply, newSuiteModel, type SuiteModel } from "../suite-model.ts";
import type { EtcdAdapter, EtcdFaultCounts } from "./adapter.ts";

/** EtcdWorkloadOptions: how long a run is, and with what. */
export interface EtcdWorkloadOptions {
  /** ops: operations to start before the run settles (the final reads come on top). */
  ops: number;
  /** clients: client processes, each with one op open at a time. */
  clients: number;
  seed: number;
  keys?: readonly Key[];
  /** barrierEveryOps: operations between barriers (default 150). */
  barrierEveryOps?: number;
  /** weights: how often each kind of step is drawn, over the suite's defaults. */
  weights?: Partial<Record<SuiteStepKind, number>>;
  /** progress hears the number of operations started so far. */
  progress?(opsStarted: number): void;
}

/** EtcdWorkloadResult: the history, and what the run did to get it. */
export interface EtcdWorkloadResult {
  history: History;
  opsStarted: number;
  seconds: number;
  faults: EtcdFaultCounts;
  /** forbiddenReads: the reads the spec forbade outright as they returned (the checker finds them again). */
  forbiddenReads: string[];
}

/** etcdAdvanceTicks: the sleeps an advance step takes (ms); 800 outlasts an election (500 ms), so a stopped leader is replaced. */
export const etcdAdvanceTicks: readonly number[] = [5, 50, 300, 800];
const stepsPerDraw = 2000;

/** runEtcdWorkload plays a run on `adapter` and returns its history; the caller closes the adapter. */
export async function runEtcdWorkload(adapter: EtcdAdapter, options: EtcdWorkloadOptions): Promise<EtcdWorkloadResult> {
  const started = performance.now();
  const keys = options.keys ?? ["x", "y", "z"];
  const processes = Array.from({ length: options.clients }, (_, process) => process);
  const run = new WorkloadRun(new StepRunner(adapter), newSuiteModel(adapter.nodes.length, minority(adapter.nodes.length)));
  const shape: CommandShape = {
    ...defaultShape,
    processes: options.clients,
    keys,
    nodes: adapter.nodes.length,
    // Barriers come on a schedule instead of at random.
    faults: offeredFaults(adapter).filter((fault) => fault !== "quiesce"),
    advanceTicks: etcdAdvanceTicks,
    // Time passes for real here: fewer advance steps than the suite's default keep a run brisk.
    weights: { advance: 1, ...options.weights },
  };
  const barrierEveryOps = options.barrierEveryOps ?? 150;
  let nextBarrier = barrierEveryOps;
  for (let draw = 0; run.opsStarted < options.ops; draw++) {
    for (const step of fc.sample(stepArbitrary(shape), { seed: options.seed + draw, numRuns: stepsPerDraw })) {
      if (run.opsStarted >= options.ops) break;
      if (!allows(run.model, step)) continue;
      const comesBack = step.kind === "heal" || step.kind === "restart";
      // Open ops finish first (a timeout can take a while): the reads go out the moment the member is back.
      if (comesBack) await run.finishOpen();
      await run.play(step);
      if (comesBack) await run.readBack(processes, keys);
      if (run.opsStarted >= nextBarrier) {
        await run.play({ kind: "quiesce" });
        nextBarrier += barrierEveryOps;
      }
      options.progress?.(run.opsStarted);
    }
  }
  await run.settle();
  return { history: adapter.history(), opsStarted: run.opsStarted, seconds: (performance.now() - started) / 1000, faults: { ...adapter.faults }, forbiddenReads: run.forbiddenReads };
}

/** WorkloadRun plays steps on the runner and keeps the suite model in step with them. */
class WorkloadRun {
  opsStarted = 0;
  readonly forbiddenReads: string[] = [];

  constructor(
    readonly runner: StepRunner,
    readonly model: SuiteModel,
  ) {}

  async play(step: SuiteStep): Promise<void> {
    if (step.kind === "start") this.opsStarted++;
    try {
      await this.runner.run(step);
    } catch (error) {
      if (!(error instanceof ForbiddenReadError)) throw error;
      this.forbiddenReads.push(error.message);
    }
    apply(this.model, step);
  }

  /** settle ends the run as the suite's settle does (quiesce, then read every key), noting forbidden reads instead of stopping. */
  async settle(): Promise<void> {
    await this.play({ kind: "quiesce" });
    for (const key of [...this.runner.keys].sort()) {
      await this.play({ kind: "start", process: readerProcess, op: "get", key });
      await this.play({ kind: "finish", process: readerProcess });
    }
  }

  async finishOpen(): Promise<void> {
    for (const process of [...this.model.open]) await this.play({ kind: "finish", process });
  }

  /** readBack: every client reads each key, all at once (no op is open). */
  async readBack(processes: readonly ProcessId[], keys: readonly Key[]): Promise<void> {
    for (const key of keys) {
      for (const process of processes) await this.play({ kind: "start", process, op: "get", key });
      for (const process of processes) await this.play({ kind: "finish", process });
    }
  }
}

function minority(nodeCount: number): number {
  return Math.max(1, Math.floor((nodeCount - 1) / 2));
}
