// The command model: what fast-check consults before each command (`check`) and updates
// after it. It holds only the plain preconditions of a run: which processes have an op
// open, which nodes are down or cut off, and how many may be out at once. What the store
// may answer is the spec's business (model/, through suite/forbidden-reads.ts), not a
// second copy of its rules here.
import type { ProcessId } from "../model/vocabulary.ts";
import type { SuiteStep } from "./step.ts";

/** SuiteModel is the state the preconditions read. */
export interface SuiteModel {
  nodeCount: number;
  /** maxOut: the most nodes down or cut off at once (a quorum must stay reachable). */
  maxOut: number;
  open: Set<ProcessId>;
  down: Set<number>;
  isolated: number | undefined;
}

/** newSuiteModel is the model at the start of a run. */
export function newSuiteModel(nodeCount: number, maxOut: number): SuiteModel {
  return { nodeCount, maxOut, open: new Set(), down: new Set(), isolated: undefined };
}

function outCount(model: SuiteModel): number {
  const isolatedAndUp = model.isolated !== undefined && !model.down.has(model.isolated) ? 1 : 0;
  return model.down.size + isolatedAndUp;
}

/** allows says whether a step may run now: one open op per process, at most `maxOut` nodes out. */
export function allows(model: SuiteModel, step: SuiteStep): boolean {
  switch (step.kind) {
    case "start":
      return !model.open.has(step.process);
    case "finish":
      return model.open.has(step.process);
    case "crash": {
      const node = step.node % model.nodeCount;
      return !model.down.has(node) && (model.isolated === node || outCount(model) < model.maxOut);
    }
    case "restart":
      return model.down.has(step.node % model.nodeCount);
    case "isolate":
      return model.isolated === undefined && (model.down.has(step.node % model.nodeCount) || outCount(model) < model.maxOut);
    case "heal":
      return model.isolated !== undefined;
    default:
      return true;
  }
}

/** apply updates the model after a step ran. */
export function apply(model: SuiteModel, step: SuiteStep): void {
  switch (step.kind) {
    case "start":
      model.open.add(step.process);
      break;
    case "finish":
      model.open.delete(step.process);
      break;
    case "crash":
      model.down.add(step.node % model.nodeCount);
      break;
    case "restart":
      model.down.delete(step.node % model.nodeCount);
      break;
    case "isolate":
      model.isolated = step.node % model.nodeCount;
      break;
    case "heal":
      model.isolated = undefined;
      break;
    case "quiesce":
      model.open.clear();
      model.down.clear();
      model.isolated = undefined;
      break;
    default:
      break;
  }
}
