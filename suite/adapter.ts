// The interface a store implements to be driven by the property suite. The suite invokes
// operations through it and reads back the history it recorded; fault and maintenance
// hooks are optional, and the suite only generates the commands a store offers. A store
// that does not record its own history uses `HistoryRecorder` (suite/history-recorder.ts).
import type { CompleteEvent, History, Key, NodeId, ProcessId, Ticks, TombstoneId, Value } from "../model/vocabulary.ts";

/** AdapterOp is what a process asks of the store; values and tombstone ids are unique per run. */
export type AdapterOp =
  | { kind: "put"; key: Key; value: Value }
  | { kind: "delete"; key: Key; tombstone: TombstoneId }
  | { kind: "get"; key: Key };

/** FaultHooks are the faults and maintenance a store lets the suite inject; each is optional. */
export interface FaultHooks {
  crash(node: NodeId): void | Promise<void>;
  restart(node: NodeId): void | Promise<void>;
  /** partition splits the nodes into groups that cannot reach each other. */
  partition(groups: NodeId[][]): void | Promise<void>;
  heal(): void | Promise<void>;
  /** skew sets a node's clock offset. */
  skew(node: NodeId, offsetTicks: Ticks): void | Promise<void>;
  /** advance lets time pass, so that background work (repair, GC, hints) runs. */
  advance(ticks: Ticks): void | Promise<void>;
  antiEntropy(full: boolean): void | Promise<void>;
  /** deliverHints delivers every deliverable hint now and expires the old ones. */
  deliverHints(): void | Promise<void>;
  /**
   * quiesce waits for open operations, heals, restarts every node, repairs everything and
   * records a `barrier` event: after it, every get must agree (SPEC-NOTES' convergence).
   */
  quiesce(): void | Promise<void>;
}

/** FaultName names one hook. */
export type FaultName = keyof FaultHooks;

/** faultNames lists every hook, in the order the suite documents them. */
export const faultNames: readonly FaultName[] = ["crash", "restart", "partition", "heal", "skew", "advance", "antiEntropy", "deliverHints", "quiesce"];

/** StoreAdapter is one fresh store under test, for one run of the suite. */
export interface StoreAdapter extends Partial<FaultHooks> {
  /**
   * store names the store under test, for the origin of a counterexample's history: only
   * the simulator's ("simulator") can be recorded again by `lazarus replay`. Absent, the
   * store is recorded as "unnamed".
   */
  readonly store?: string;
  /** nodes names the store's nodes, the targets of fault hooks. */
  readonly nodes: readonly NodeId[];
  /** start invokes `op` for `process`, which has no other operation open, and does not wait. */
  start(process: ProcessId, op: AdapterOp): void | Promise<void>;
  /** finish waits for the process's open operation and returns its recorded completion. */
  finish(process: ProcessId): CompleteEvent | Promise<CompleteEvent>;
  /** history returns everything recorded so far: header, invocations, completions, cluster events. */
  history(): History;
  /** close releases what the store holds (connections, processes); called once per run. */
  close?(): void | Promise<void>;
}

/** offeredFaults lists the hooks an adapter implements. */
export function offeredFaults(adapter: StoreAdapter): FaultName[] {
  return faultNames.filter((name) => typeof adapter[name] === "function");
}
