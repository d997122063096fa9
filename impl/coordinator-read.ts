// The coordinator side of get: ask the serving replicas, reconcile the first R replies
// (tombstones take part like values), repair stale replicas (sync: before returning;
// async: after; off: never; late replies are repaired too), and in linearizable mode
// write the reconciled state back to a write quorum before returning.
import type { Key, NodeId } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import { recordRepair } from "./anti-entropy.ts";
import type { StoreNode } from "./node.ts";
import { queryReplicas } from "./quorum.ts";
import type { ApplyMode } from "./replica.ts";
import { applyToReplica, sameState } from "./replica.ts";
import type { Target } from "./targets.ts";
import { readTargets } from "./targets.ts";
import type { KeyState } from "./versions.ts";
import { dropTombstones, mergeStates } from "./versions.ts";

/** ReadDone reports a get's outcome and, when ok, the reconciled state (undefined: nothing stored). */
export type ReadDone = (outcome: "ok" | "fail" | "info", error: string | undefined, state: KeyState | undefined) => void;

/** coordinateRead runs one get from `coordinator`. */
export function coordinateRead(cluster: Cluster, coordinator: StoreNode, key: Key, done: ReadDone): void {
  const targets = readTargets(cluster, coordinator.id, key);
  const quorum = cluster.options.readQuorum;
  if (targets.length < quorum) {
    done("fail", `only ${targets.length} of ${quorum} read targets reachable`, undefined);
    return;
  }
  const read = new ReadOperation(cluster, coordinator, key, targets, done);
  queryReplicas(cluster, coordinator, key, targets, (target, state) => read.onReply(target, state));
  cluster.queue.after(cluster.options.opTimeoutTicks, () => read.finish("info", "timed out"));
}

class ReadOperation {
  private readonly replies = new Map<NodeId, KeyState | undefined>();
  private merged: KeyState | undefined = undefined;
  private resolved = false;
  private finished = false;
  /** upToDate: replicas known to hold the merged state (replies that matched, repairs acked). */
  private readonly upToDate = new Set<NodeId>();
  private readonly awaitingRepair = new Set<NodeId>();
  private readonly blind: boolean;

  constructor(
    private readonly cluster: Cluster,
    private readonly coordinator: StoreNode,
    private readonly key: Key,
    private readonly targets: Target[],
    private readonly done: ReadDone,
  ) {
    // Bug: read repair reconciles as if tombstones were missing keys.
    this.blind = cluster.bugs.tombstoneBlindReadRepair;
  }

  onReply(target: Target, state: KeyState | undefined): void {
    this.replies.set(target.node, state);
    if (this.resolved) {
      this.onLateReply(target, state);
      return;
    }
    if (this.replies.size < this.cluster.options.readQuorum) return;
    this.resolved = true;
    for (const reply of this.replies.values()) {
      const seen = this.blind ? dropTombstones(reply) : reply;
      if (seen !== undefined) this.merged = mergeStates(this.merged, seen);
    }
    const options = this.cluster.options;
    const wait = options.linearizable || options.readRepair === "sync";
    for (const t of this.targets) if (this.replies.has(t.node)) this.compare(t, this.replies.get(t.node), wait);
    if (options.linearizable) {
      // Write back to every replica not known current, until a write quorum holds the result.
      for (const t of this.targets) if (!this.replies.has(t.node) && t.standsInFor === undefined) this.repair(t.node, true);
    }
    this.maybeFinish();
  }

  /**
   * onLateReply reconciles a reply that came after the quorum (the result is already
   * decided): if it is newer, every replica that replied is re-compared against it.
   */
  private onLateReply(target: Target, state: KeyState | undefined): void {
    const options = this.cluster.options;
    // Stryker disable next-line StringLiteral,BooleanLiteral: a shortcut; compare() refuses to repair under the same condition
    if (options.readRepair === "off" && !options.linearizable) return;
    if (!this.finished) {
      // The result is being made durable (sync or linearizable): keep it fixed until returned.
      this.compare(target, state, false);
      return;
    }
    const seen = this.blind ? dropTombstones(state) : state;
    const before = this.merged;
    if (seen !== undefined) this.merged = mergeStates(this.merged, seen);
    if (this.merged === before) {
      // Stryker disable next-line BooleanLiteral: the get has finished, so nothing waits on this repair
      this.compare(target, state, false);
      return;
    }
    this.upToDate.clear();
    // Stryker disable next-line BooleanLiteral: the get has finished, so nothing waits on these repairs
    for (const t of this.targets) if (this.replies.has(t.node)) this.compare(t, this.replies.get(t.node), false);
  }

  finish(outcome: "ok" | "info", error: string | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.done(outcome, error, outcome === "ok" ? this.merged : undefined);
  }

  private compare(target: Target, state: KeyState | undefined, wait: boolean): void {
    if (target.standsInFor !== undefined) return; // a fallback's hints are not a replica to repair
    if (sameState(state, this.merged)) {
      this.upToDate.add(target.node);
      return;
    }
    const options = this.cluster.options;
    if (options.readRepair === "off" && !options.linearizable) return;
    this.repair(target.node, wait);
  }

  private repair(node: NodeId, wait: boolean): void {
    const merged = this.merged;
    if (merged === undefined) return;
    if (wait) this.awaitingRepair.add(node);
    const cluster = this.cluster;
    const mode: ApplyMode = this.blind
      ? "tombstones-missing"
      : cluster.options.safeguards.compareVersionsOnApply
        ? "merge"
        : "overwrite";
    const epoch = this.coordinator.epoch;
    cluster.network.send(this.coordinator.id, node, () => {
      const replica = cluster.node(node);
      for (const sibling of applyToReplica(cluster, replica, this.key, merged, mode)) {
        recordRepair(cluster, replica, this.key, sibling, "read-repair");
      }
      cluster.network.send(node, this.coordinator.id, () => {
        if (this.coordinator.epoch !== epoch) return;
        this.awaitingRepair.delete(node);
        this.upToDate.add(node);
        this.maybeFinish();
      });
    });
  }

  private maybeFinish(): void {
    // Stryker disable next-line LogicalOperator: called only once the first R replies resolved the get, so `!resolved` never holds here
    if (!this.resolved || this.finished) return;
    if (this.cluster.options.linearizable) {
      if (this.merged === undefined || this.upToDate.size >= this.cluster.options.writeQuorum) this.finish("ok", undefined);
      return;
    }
    if (this.cluster.options.readRepair !== "sync" || this.awaitingRepair.size === 0) this.finish("ok", undefined);
  }
}
