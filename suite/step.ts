// A suite step is one command of a model-based run as plain data: the fast-check command
// wraps it, the zoo stores it, `lazarus replay` plays it again. Nodes are named by index
// (taken modulo the cluster's size), so a command list stays meaningful while shrinking
// also makes the cluster smaller.
import type { Key, OperationKind, ProcessId, Ticks } from "../model/vocabulary.ts";

/** SuiteStep is one command of a run. */
export type SuiteStep =
  /** start: a process invokes an op and does not wait (ops of several processes overlap). */
  | { kind: "start"; process: ProcessId; op: OperationKind; key: Key }
  /** finish: wait for the process's open op to complete. */
  | { kind: "finish"; process: ProcessId }
  | { kind: "crash"; node: number }
  | { kind: "restart"; node: number }
  /** isolate: partition one node off from the rest. */
  | { kind: "isolate"; node: number }
  | { kind: "heal" }
  | { kind: "skew"; node: number; offsetTicks: number }
  /** advance: let time pass (background repair, GC and hint delivery run meanwhile). */
  | { kind: "advance"; ticks: Ticks }
  | { kind: "anti-entropy"; full: boolean }
  /** hints: deliver every deliverable hint now, and expire the old ones. */
  | { kind: "hints" }
  /** quiesce: finish open ops, heal, restart, repair everything and record a barrier. */
  | { kind: "quiesce" };

/** SuiteStepKind names a kind of step. */
export type SuiteStepKind = SuiteStep["kind"];

/** describeStep prints a step as one short line of a timeline, e.g. `p1 start delete(x)`. */
export function describeStep(step: SuiteStep, nodes?: readonly string[]): string {
  const node = (index: number) => (nodes === undefined ? `node#${index}` : nodes[index % nodes.length]!);
  switch (step.kind) {
    case "start":
      return `p${step.process} start ${step.op}(${step.key})`;
    case "finish":
      return `p${step.process} finish`;
    case "crash":
    case "restart":
    case "isolate":
      return `${step.kind} ${node(step.node)}`;
    case "skew":
      return `skew ${node(step.node)} by ${step.offsetTicks} ticks`;
    case "advance":
      return `advance ${step.ticks} ticks`;
    case "anti-entropy":
      return `anti-entropy ${step.full ? "full" : "partial"}`;
    case "heal":
    case "hints":
    case "quiesce":
      return step.kind;
    default: {
      const unreachable: never = step;
      return unreachable;
    }
  }
}
