// The simulated cluster: the shared context every mechanism works on (time, randomness,
// ring, nodes, network, recorder, statistics) and the cluster-level faults: crash,
// restart, partition, heal and clock skew, with the outage bookkeeping the rejoin guard needs.
import type { HistoryEvent, Key, NodeId, Ticks } from "../model/vocabulary.ts";
import type { BugSet } from "./bugs.ts";
import { bugSetOf } from "./bugs.ts";
import { EventQueue } from "./event-queue.ts";
import { hashString } from "./hash.ts";
import { dropVolatileHints } from "./hints.ts";
import { Network } from "./network.ts";
import { StoreNode } from "./node.ts";
import type { StoreOptions } from "./options.ts";
import { Random } from "./random.ts";
import type { Recorder } from "./recorder.ts";
import { scheduleRebuild } from "./rejoin-guard.ts";
import { Ring } from "./ring.ts";
import type { Stats } from "./stats.ts";
import { createStats } from "./stats.ts";

/** Cluster is one simulated store: build it with `new Cluster(options, recorder)`. */
export class Cluster {
  readonly queue = new EventQueue();
  readonly random: Random;
  readonly ring: Ring;
  readonly nodes: StoreNode[];
  readonly network: Network;
  readonly stats: Stats = createStats();
  readonly bugs: BugSet;
  /** pendingHints counts stored, undelivered hints per key (GC and quiescence consult it). */
  readonly pendingHints = new Map<Key, number>();
  /** hintTtlTicks is the effective hint lifetime (capped by the grace period when that safeguard is on). */
  readonly hintTtlTicks: Ticks;
  /** hintLifetimeTicks is how long a hint waits for its target: the TTL, or for durable hints the grace period at most. */
  readonly hintLifetimeTicks: Ticks;
  /**
   * rangeSyncedAt[range] is when anti-entropy last synced every replica of the range (-1:
   * never). Scheduled rounds take the ranges synced longest ago, so a range whose sync
   * failed (a replica down or cut off) is retried next round instead of a full cycle later:
   * under timeout GC a tombstone must reach every replica within the grace period.
   */
  rangeSyncedAt: number[] = [];
  private readonly nodeById = new Map<NodeId, StoreNode>();
  private readonly leafByKey = new Map<Key, number>();
  private groupOf: Map<NodeId, number> | undefined = undefined;
  private lastEventTime: Ticks = 0;

  constructor(
    readonly options: StoreOptions,
    readonly recorder: Recorder,
  ) {
    this.random = new Random(options.seed);
    this.bugs = bugSetOf(options.bugs);
    const ids = Array.from({ length: options.nodeCount }, (_, index) => `n${index + 1}`);
    this.ring = new Ring(ids, options.vnodesPerNode, options.replicationFactor);
    this.nodes = ids.map((id) => new StoreNode(id, this.ring.rangeCount, options.merkleLeavesPerRange));
    for (const node of this.nodes) this.nodeById.set(node.id, node);
    this.network = new Network(this.queue, this.random, options.network, this.stats, (from, to) =>
      this.canDeliver(from, to),
    );
    const capped = options.gc.mode === "timeout" && options.safeguards.hintsWithinGrace;
    this.hintTtlTicks = capped ? Math.min(options.hintTtlTicks, options.gc.graceTicks) : options.hintTtlTicks;
    // A durable hint may be an acknowledged write's only copy: it outlives the TTL, but not
    // the grace period (an older one could bring back what GC purged since; its write is
    // then lost only where a node was out longer than the grace period, a breach).
    this.hintLifetimeTicks = !options.durableHints ? this.hintTtlTicks : capped ? options.gc.graceTicks : Infinity;
  }

  /** now is the current simulated time. */
  get now(): Ticks {
    return this.queue.now;
  }

  /** node returns a node by id; throws on an unknown id (a bug in the caller). */
  node(id: NodeId): StoreNode {
    const node = this.nodeById.get(id);
    if (node === undefined) throw new Error(`Cluster.node: unknown node '${id}'`);
    return node;
  }

  /** emit records an event; events must come in non-decreasing time order. */
  emit(event: HistoryEvent): void {
    // Stryker disable next-line StringLiteral: an invariant the event queue keeps (it runs actions in time order)
    if (event.time < this.lastEventTime) throw new Error(`Cluster.emit: event at ${event.time} after ${this.lastEventTime}`);
    this.lastEventTime = event.time;
    this.recorder.event(event);
  }

  /** leafOf returns the Merkle leaf (global index) a key belongs to. */
  leafOf(key: Key): number {
    let leaf = this.leafByKey.get(key);
    if (leaf === undefined) {
      const leaves = this.options.merkleLeavesPerRange;
      leaf = this.ring.rangeOf(key) * leaves + (hashString(`leaf:${key}`) % leaves);
      this.leafByKey.set(key, leaf);
    }
    return leaf;
  }

  /** connected says whether two nodes are on the same side of every partition. */
  connected(a: NodeId, b: NodeId): boolean {
    if (this.groupOf === undefined || a === b) return true;
    return this.groupOf.get(a) === this.groupOf.get(b);
  }

  /** reachable: `to` is up and `from` can talk to it. */
  reachable(from: NodeId, to: NodeId): boolean {
    return this.node(to).up && this.connected(from, to);
  }

  /** serving: `to` is reachable from `from` and not held back by the rejoin guard. */
  serving(from: NodeId, to: NodeId): boolean {
    const node = this.node(to);
    return node.up && !node.needsRepair && this.connected(from, to);
  }

  /** wallClock is a node's skewed physical clock. */
  wallClock(node: StoreNode): Ticks {
    return this.queue.now + node.skewTicks;
  }

  /** partitioned says whether a partition is in force. */
  get partitioned(): boolean {
    return this.groupOf !== undefined;
  }

  /** crash stops a node: storage survives; volatile hints are lost. */
  crash(id: NodeId): void {
    const node = this.node(id);
    if (!node.up) return;
    node.up = false;
    node.epoch++;
    this.emit({ kind: "crash", time: this.now, node: id });
    if (!this.options.durableHints) dropVolatileHints(this, node);
    this.updateOutages();
  }

  /** restart brings a crashed node back with its durable storage. */
  restart(id: NodeId): void {
    const node = this.node(id);
    if (node.up) return;
    node.up = true;
    this.emit({ kind: "restart", time: this.now, node: id });
    this.updateOutages();
  }

  /** partition splits the nodes into groups; a node in no group is alone. */
  partition(groups: NodeId[][]): void {
    const groupOf = new Map<NodeId, number>();
    groups.forEach((group, index) => group.forEach((id) => groupOf.set(id, index)));
    let next = groups.length;
    for (const node of this.nodes) if (!groupOf.has(node.id)) groupOf.set(node.id, next++);
    this.groupOf = groupOf;
    this.emit({ kind: "partition", time: this.now, groups: groups.map((group) => [...group]) });
    this.updateOutages();
  }

  /** heal ends every partition. */
  heal(): void {
    if (this.groupOf === undefined) return;
    this.groupOf = undefined;
    this.emit({ kind: "heal", time: this.now });
    this.updateOutages();
  }

  /** skew sets a node's clock offset from true time. */
  skew(id: NodeId, offsetTicks: number): void {
    this.node(id).skewTicks = offsetTicks;
    this.emit({ kind: "clock-skew", time: this.now, node: id, offsetTicks });
  }

  private canDeliver(from: NodeId, to: NodeId): boolean {
    return this.node(to).up && this.connected(from, to);
  }

  /**
   * updateOutages tracks when each node went out (down, or cut off from a majority) and,
   * when it comes back after longer than the grace period, lets the rejoin guard hold it.
   */
  private updateOutages(): void {
    const majority = Math.floor(this.nodes.length / 2) + 1;
    for (const node of this.nodes) {
      const peers = node.up ? this.nodes.filter((other) => other.up && this.connected(node.id, other.id)).length : 0;
      const out = peers < majority;
      if (out && node.outSince === undefined) node.outSince = this.now;
      if (!out && node.outSince !== undefined) {
        const outTicks = this.now - node.outSince;
        node.outSince = undefined;
        const guarded = this.options.safeguards.rejoinGuard && this.options.gc.mode === "timeout";
        if (guarded && outTicks > this.options.gc.graceTicks && !node.needsRepair) {
          node.needsRepair = true;
          scheduleRebuild(this, node);
        }
      }
    }
  }
}
