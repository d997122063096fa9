// Scripted scenarios for tests and examples: a Driver owns one cluster and runs ops and
// faults step by step ("crash n3, put, delete, restart, quiesce, get"), or concurrently
// with start/await. `runScenario` does the same from a list of steps given as data.
import type { CompleteEvent, History, Key, NodeId, ProcessId, Ticks, Value } from "../model/vocabulary.ts";
import { antiEntropyRound } from "./anti-entropy.ts";
import { deliverHints } from "./hints.ts";
import { startBackground } from "./background.ts";
import type { ClientOp } from "./client.ts";
import { Clients } from "./client.ts";
import { Cluster } from "./cluster.ts";
import { headerOf } from "./header.ts";
import type { StoreOptionsInput } from "./options.ts";
import { quiesce, runUntil } from "./quiesce.ts";
import { MemoryRecorder } from "./recorder.ts";
import { checkedOptions } from "./simulate.ts";

/** OpHandle is an op started with `Driver.start`; `complete` is set once it ends. */
export interface OpHandle {
  process: ProcessId;
  complete: CompleteEvent | undefined;
}

/** Driver runs a scripted scenario against one simulated cluster. */
export class Driver {
  readonly cluster: Cluster;
  readonly clients: Clients;
  readonly recorder = new MemoryRecorder();
  private readonly openOps = new Set<OpHandle>();
  private sequence = 0;

  constructor(input: StoreOptionsInput = {}) {
    const options = checkedOptions(input);
    this.cluster = new Cluster(options, this.recorder);
    this.recorder.header(headerOf(options, this.cluster.hintTtlTicks, input));
    startBackground(this.cluster);
    this.clients = new Clients(this.cluster);
  }

  /** now is the current simulated time. */
  get now(): Ticks {
    return this.cluster.now;
  }

  /** start invokes an op without waiting for it. */
  start(process: ProcessId, op: ClientOp, coordinator?: NodeId): OpHandle {
    const handle: OpHandle = { process, complete: undefined };
    this.openOps.add(handle);
    this.clients.submit(
      process,
      op,
      (event) => {
        handle.complete = event;
        this.openOps.delete(handle);
      },
      coordinator,
    );
    return handle;
  }

  /** finish runs the simulation until an op has completed and returns its complete event. */
  finish(handle: OpHandle): CompleteEvent {
    runUntil(this.cluster, () => handle.complete !== undefined, `process ${handle.process}'s op`);
    return handle.complete as CompleteEvent;
  }

  /** run invokes an op and waits for it. */
  run(process: ProcessId, op: ClientOp, coordinator?: NodeId): CompleteEvent {
    return this.finish(this.start(process, op, coordinator));
  }

  /** put writes a value (a unique one is made up when omitted). */
  put(process: ProcessId, key: Key, value?: Value, coordinator?: NodeId): CompleteEvent {
    return this.run(process, { kind: "put", key, value: value ?? `p${process}-${++this.sequence}` }, coordinator);
  }

  /** delete deletes a key with a fresh tombstone id. */
  delete(process: ProcessId, key: Key, coordinator?: NodeId): CompleteEvent {
    return this.run(process, { kind: "delete", key, tombstone: `d${process}-${++this.sequence}` }, coordinator);
  }

  /** get reads a key. */
  get(process: ProcessId, key: Key, coordinator?: NodeId): CompleteEvent {
    return this.run(process, { kind: "get", key }, coordinator);
  }

  /** advance lets simulated time pass (background work runs). */
  advance(ticks: Ticks): void {
    this.cluster.queue.runUntil(this.cluster.now + ticks);
  }

  /** crash stops a node now (durable storage survives). */
  crash(node: NodeId): void {
    this.cluster.crash(node);
  }

  /** restart brings a crashed node back now. */
  restart(node: NodeId): void {
    this.cluster.restart(node);
  }

  /** partition splits the nodes into groups now. */
  partition(groups: NodeId[][]): void {
    this.cluster.partition(groups);
  }

  /** heal ends every partition now. */
  heal(): void {
    this.cluster.heal();
  }

  /** skew sets a node's clock offset now. */
  skew(node: NodeId, offsetTicks: number): void {
    this.cluster.skew(node, offsetTicks);
  }

  /** antiEntropy runs one round now (full by default). */
  antiEntropy(full = true): void {
    antiEntropyRound(this.cluster, full);
  }

  /** deliverHints hands every deliverable hint to its target now and expires the old ones. */
  deliverHints(): void {
    deliverHints(this.cluster);
  }

  /** quiesce waits for open ops, heals, restarts, drains hints, runs a full round and records a barrier. */
  quiesce(): void {
    quiesce(this.cluster, () => this.openOps.size === 0);
  }

  /** replicasOf returns a key's preference list. */
  replicasOf(key: Key): readonly NodeId[] {
    return this.cluster.ring.preferenceList(key);
  }

  /** history returns everything recorded so far. */
  history(): History {
    return this.recorder.history();
  }
}
