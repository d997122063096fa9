// The in-process store, on its deterministic simulated cluster, as the suite's first
// adapter. Every hook maps to the Driver; time passes only when an op is awaited or the
// suite advances it, so a run is a pure function of its configuration and commands.
import { Driver, type OpHandle, type StoreOptionsInput } from "../impl/index.ts";
import type { CompleteEvent, History, NodeId, ProcessId, Ticks } from "../model/vocabulary.ts";
import type { AdapterOp, StoreAdapter } from "./adapter.ts";

/** SimulatorAdapter drives one simulated cluster. */
export class SimulatorAdapter implements StoreAdapter {
  readonly store = "simulator";
  readonly driver: Driver;
  readonly nodes: readonly NodeId[];
  private readonly open = new Map<ProcessId, OpHandle>();

  constructor(options: StoreOptionsInput) {
    this.driver = new Driver(options);
    this.nodes = this.driver.cluster.nodes.map((node) => node.id);
  }

  start(process: ProcessId, op: AdapterOp): void {
    this.open.set(process, this.driver.start(process, op));
  }

  finish(process: ProcessId): CompleteEvent {
    const handle = this.open.get(process);
    if (handle === undefined) throw new Error(`SimulatorAdapter.finish: process ${process} has no open operation`);
    this.open.delete(process);
    return this.driver.finish(handle);
  }

  crash(node: NodeId): void {
    this.driver.crash(node);
  }

  restart(node: NodeId): void {
    this.driver.restart(node);
  }

  partition(groups: NodeId[][]): void {
    this.driver.partition(groups);
  }

  heal(): void {
    this.driver.heal();
  }

  skew(node: NodeId, offsetTicks: Ticks): void {
    this.driver.skew(node, offsetTicks);
  }

  advance(ticks: Ticks): void {
    this.driver.advance(ticks);
  }

  antiEntropy(full: boolean): void {
    this.driver.antiEntropy(full);
  }

  deliverHints(): void {
    this.driver.deliverHints();
  }

  quiesce(): void {
    this.driver.quiesce();
    // Quiesce completed every open op; their handles are done.
    this.open.clear();
  }

  history(): History {
    return this.driver.history();
  }
}
