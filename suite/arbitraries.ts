// The generators of a run's commands, aimed at deletes: few keys, so that deletes and
// reads meet; deletes as likely as puts; crashes and partitions that span deletes; and
// time that passes in short steps or beyond a grace period, so that GC runs after a
// delete. Only the faults the adapter offers are generated.
import fc from "fast-check";
import type { Key } from "../model/vocabulary.ts";
import type { FaultName } from "./adapter.ts";
import { StepCommand } from "./step-command.ts";
import type { StepRunner } from "./step-runner.ts";
import type { SuiteModel } from "./suite-model.ts";
import type { SuiteStep, SuiteStepKind } from "./step.ts";

/** CommandShape: what the generated commands range over. */
export interface CommandShape {
  /** processes: the client processes (ids 0..processes-1). */
  processes: number;
  /** keys: the keys ops touch; the first is the most frequent. */
  keys: readonly Key[];
  /** nodes: the most nodes a command may name (indices are taken modulo the cluster's size). */
  nodes: number;
  /** faults: the hooks the adapter offers. */
  faults: readonly FaultName[];
  /** advanceTicks: the time steps `advance` takes; include some longer than the grace periods. */
  advanceTicks: readonly number[];
  maxCommands: number;
  /** weights: how often each kind of step is drawn, over the defaults (a bug that needs skews draws more of them). */
  weights?: Partial<Record<SuiteStepKind, number>>;
}

/** defaultShape: 3 processes, 2 keys, up to 60 commands. */
export const defaultShape: CommandShape = {
  processes: 3,
  keys: ["x", "y"],
  nodes: 5,
  faults: [],
  advanceTicks: [5, 30, 120, 500],
  maxCommands: 60,
};

/** stepArbitrary draws one step, weighted towards ops on the same few keys. */
export function stepArbitrary(shape: CommandShape): fc.Arbitrary<SuiteStep> {
  const process = fc.integer({ min: 0, max: shape.processes - 1 });
  const key = fc.constantFrom(...shape.keys);
  const node = fc.integer({ min: 0, max: shape.nodes - 1 });
  const offered = new Set(shape.faults);
  const weight = (kind: SuiteStepKind, otherwise: number) => shape.weights?.[kind] ?? otherwise;
  const weighted: Array<fc.WeightedArbitrary<SuiteStep>> = [
    { weight: weight("start", 8), arbitrary: fc.record({ kind: fc.constant("start" as const), process, op: fc.constantFrom("put" as const, "delete" as const, "get" as const), key }) },
    { weight: weight("finish", 8), arbitrary: fc.record({ kind: fc.constant("finish" as const), process }) },
  ];
  const fault = (name: FaultName, kind: SuiteStepKind, otherwise: number, arbitrary: fc.Arbitrary<SuiteStep>) => {
    if (offered.has(name) && weight(kind, otherwise) > 0) weighted.push({ weight: weight(kind, otherwise), arbitrary });
  };
  fault("crash", "crash", 2, node.map((n) => ({ kind: "crash", node: n })));
  fault("restart", "restart", 2, node.map((n) => ({ kind: "restart", node: n })));
  fault("partition", "isolate", 1, node.map((n) => ({ kind: "isolate", node: n })));
  fault("heal", "heal", 1, fc.constant({ kind: "heal" }));
  fault("skew", "skew", 1, fc.record({ kind: fc.constant("skew" as const), node, offsetTicks: fc.constantFrom(0, -5, 5, -20) }));
  fault("advance", "advance", 2, fc.constantFrom(...shape.advanceTicks).map((ticks) => ({ kind: "advance", ticks })));
  fault("antiEntropy", "anti-entropy", 1, fc.boolean().map((full) => ({ kind: "anti-entropy", full: !full })));
  fault("deliverHints", "hints", 1, fc.constant({ kind: "hints" }));
  fault("quiesce", "quiesce", 1, fc.constant({ kind: "quiesce" }));
  return fc.oneof(...weighted);
}

/** commandsArbitrary draws a run's command list for fc.asyncModelRun. */
export function commandsArbitrary(shape: CommandShape, replayPath?: string): fc.Arbitrary<Iterable<fc.AsyncCommand<SuiteModel, StepRunner>>> {
  const command = stepArbitrary(shape).map((step) => new StepCommand(step));
  return fc.commands([command], { maxCommands: shape.maxCommands, size: "max", replayPath });
}
