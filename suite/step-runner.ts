// Plays suite steps on a store adapter: the real side of a model-based run. It makes each
// put's value and each delete's tombstone unique within the run (`v1`, `d2`, …, numbered in
// command order, so a command list always replays to the same run) and checks every get
// the moment it returns against what the spec forbids outright.
import { describeResult } from "../model/describe.ts";
import type { CompleteEvent, HistoryEvent, Key, ProcessId } from "../model/vocabulary.ts";
import type { AdapterOp, StoreAdapter } from "./adapter.ts";
import { forbiddenRead } from "./forbidden-reads.ts";
import type { SuiteStep } from "./step.ts";

/** ForbiddenReadError: a get returned what the spec forbids outright; the run fails here. */
export class ForbiddenReadError extends Error {
  constructor(
    message: string,
    readonly read: number,
  ) {
    super(message);
    this.name = "ForbiddenReadError";
  }
}

/** StepRunner applies steps to one adapter for one run. */
export class StepRunner {
  private written = 0;
  /** keys: every key a step touched, for the reads at the end of the run. */
  readonly keys = new Set<Key>();
  /** steps: the steps run so far, in order: what a counterexample or replay needs. */
  readonly steps: SuiteStep[] = [];
  /** marks: the history's event count after each step, to show which events a step made. */
  readonly marks: number[] = [];
  /** open: the processes with an op in flight. */
  readonly open = new Set<ProcessId>();

  constructor(readonly adapter: StoreAdapter) {}

  /** run applies one step; a get that returns something forbidden throws ForbiddenReadError. */
  async run(step: SuiteStep): Promise<void> {
    this.steps.push(step);
    try {
      await this.play(step);
    } finally {
      this.marks.push(this.adapter.history().events.length);
    }
  }

  private async play(step: SuiteStep): Promise<void> {
    const adapter = this.adapter;
    const node = (index: number) => adapter.nodes[index % adapter.nodes.length]!;
    switch (step.kind) {
      case "start":
        this.keys.add(step.key);
        this.open.add(step.process);
        await adapter.start(step.process, this.opOf(step));
        return;
      case "finish":
        this.open.delete(step.process);
        this.checkRead(await adapter.finish(step.process));
        return;
      case "crash":
        return adapter.crash!(node(step.node));
      case "restart":
        return adapter.restart!(node(step.node));
      case "isolate": {
        const alone = node(step.node);
        return adapter.partition!([[alone], adapter.nodes.filter((other) => other !== alone)]);
      }
      case "heal":
        return adapter.heal!();
      case "skew":
        return adapter.skew!(node(step.node), step.offsetTicks);
      case "advance":
        return adapter.advance!(step.ticks);
      case "anti-entropy":
        return adapter.antiEntropy!(step.full);
      case "hints":
        return adapter.deliverHints!();
      case "quiesce":
        this.open.clear();
        return adapter.quiesce!();
      default: {
        const unreachable: never = step;
        return unreachable;
      }
    }
  }

  private opOf(step: Extract<SuiteStep, { kind: "start" }>): AdapterOp {
    switch (step.op) {
      case "put":
        return { kind: "put", key: step.key, value: `v${++this.written}` };
      case "delete":
        return { kind: "delete", key: step.key, tombstone: `d${++this.written}` };
      case "get":
        return { kind: "get", key: step.key };
      default: {
        const unreachable: never = step.op;
        return unreachable;
      }
    }
  }

  private checkRead(complete: CompleteEvent): void {
    if (complete.op !== "get" || complete.outcome !== "ok") return;
    const history = this.adapter.history();
    const read = completionIndex(history.events, complete);
    const anomaly = forbiddenRead(history, read);
    if (anomaly === undefined) return;
    throw new ForbiddenReadError(
      `${anomaly.kind} at event ${read}: get(${complete.key}) by process ${complete.process} returned ${describeResult(complete.result)}. ` +
        `${anomaly.message} (events ${anomaly.events.join(", ")})`,
      read,
    );
  }
}


/** completionIndex finds a completion in the history: the recorded object itself, or else the process's last completion. */
function completionIndex(events: readonly HistoryEvent[], complete: CompleteEvent): number {
  const same = events.lastIndexOf(complete);
  if (same >= 0) return same;
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    if (event.kind === "complete" && event.process === complete.process) return index;
  }
  return -1;
}
