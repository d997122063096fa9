// Anti-entropy: pairs of replicas compare Merkle trees per token range and exchange the
// keys under differing leaves, tombstones included, merging by version. Scheduled rounds
// cover a rotating slice of ranges; a full round (on demand) covers all of them, first
// flushes hints, and under `repair` GC marks the tombstones it has put on every replica.
import type { ClusterEvent, Key } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import { deliverHints } from "./hints.ts";
import { differingLeaves } from "./merkle.ts";
import type { StoreNode } from "./node.ts";
import type { ApplyMode } from "./replica.ts";
import { applyToReplica, sameState } from "./replica.ts";
import type { KeyState, Sibling } from "./versions.ts";
import { dropTombstones, replicaWriteOf } from "./versions.ts";

/** antiEntropyRound runs one round among the serving nodes; `full` covers every range. */
export function antiEntropyRound(cluster: Cluster, full: boolean): void {
  if (full) deliverHints(cluster);
  const participants = cluster.nodes.filter((node) => node.up && !node.needsRepair);
  const rangeCount = cluster.ring.rangeCount;
  let allSynced = true;
  // The replica sets of the ranges that synced completely, so the contract is judged per range.
  const syncedSets = new Map<string, string[]>();
  const count = full ? rangeCount : Math.min(rangeCount, cluster.options.antiEntropyRangesPerRound);
  // Stryker disable next-line ArrayDeclaration: a full round never reads the order
  const order = full ? [] : stalestRanges(cluster, count);
  for (let step = 0; step < count; step++) {
    const range = full ? step : (order[step] as number);
    const replicas = cluster.ring
      .replicasOfRange(range)
      .map((id) => cluster.node(id))
      .filter((node) => participants.includes(node));
    let complete = replicas.length === cluster.options.replicationFactor;
    for (let i = 0; i < replicas.length; i++) {
      for (let j = i + 1; j < replicas.length; j++) {
        const a = replicas[i] as StoreNode;
        const b = replicas[j] as StoreNode;
        if (cluster.connected(a.id, b.id)) syncPair(cluster, a, b, range);
        else complete = false;
      }
    }
    if (complete) {
      cluster.rangeSyncedAt[range] = cluster.now;
      const set = replicas.map((node) => node.id).sort();
      // Stryker disable next-line StringLiteral: the key only deduplicates; ids all start with "n", so joined without a separator they still split one way
      syncedSets.set(set.join(","), set);
    } else allSynced = false;
    if (full && complete && cluster.options.gc.mode === "repair") markRepaired(cluster, replicas, range);
  }
  cluster.stats.antiEntropyRounds++;
  const nodes = participants.map((node) => node.id);
  const round: ClusterEvent = { kind: "anti-entropy-round", time: cluster.now, full, complete: allSynced, nodes, startedAt: cluster.now };
  if (!allSynced) round.syncedReplicaSets = [...syncedSets.values()].sort();
  cluster.emit(round);
}

/** stalestRanges picks the `count` ranges synced longest ago (never-synced first, then by range). */
function stalestRanges(cluster: Cluster, count: number): number[] {
  const syncedAt = (range: number) => cluster.rangeSyncedAt[range] ?? -1;
  const ranges = Array.from({ length: cluster.ring.rangeCount }, (_, range) => range);
  return ranges.sort((a, b) => syncedAt(a) - syncedAt(b) || a - b).slice(0, count);
}

/** syncPair makes two replicas agree on one range, touching only keys under differing leaves. */
export function syncPair(cluster: Cluster, a: StoreNode, b: StoreNode, range: number): void {
  for (const leaf of differingLeaves(a.merkle, b.merkle, range)) {
    const keys = new Set<Key>(a.merkle.keysOf(leaf));
    for (const key of b.merkle.keysOf(leaf)) keys.add(key);
    for (const key of keys) {
      const stateA = a.stateOf(key);
      const stateB = b.stateOf(key);
      if (sameState(stateA, stateB)) continue;
      if (!cluster.options.safeguards.compareVersionsOnApply) {
        // Safeguard off: the first replica's state overwrites the second's, versions unseen.
        if (stateA !== undefined) exchange(cluster, b, key, stateA, "overwrite");
        continue;
      }
      exchange(cluster, a, key, stateB, "merge");
      exchange(cluster, b, key, stateA, "merge");
    }
  }
}

function exchange(cluster: Cluster, target: StoreNode, key: Key, incoming: KeyState | undefined, mode: ApplyMode): void {
  if (cluster.bugs.antiEntropyResurrects) {
    // Bug: tombstones are ignored on both sides, so a live value replaces a tombstone.
    incoming = dropTombstones(incoming);
    mode = "tombstones-missing";
  }
  if (incoming === undefined) return;
  for (const sibling of applyToReplica(cluster, target, key, incoming, mode)) {
    recordRepair(cluster, target, key, sibling, "anti-entropy");
  }
}

/** recordRepair emits a repair-write and counts it as a value or a tombstone repair. */
export function recordRepair(
  cluster: Cluster,
  target: StoreNode,
  key: Key,
  sibling: Sibling,
  source: "read-repair" | "anti-entropy",
): void {
  const stats = cluster.stats;
  if (source === "read-repair") {
    if (sibling.tombstone) stats.readRepairTombstoneWrites++;
    else stats.readRepairValueWrites++;
  } else if (sibling.tombstone) stats.antiEntropyTombstoneWrites++;
  else stats.antiEntropyValueWrites++;
  cluster.emit({ kind: "repair-write", time: cluster.now, node: target.id, source, ...replicaWriteOf(key, sibling) });
}

/** markRepaired records, on each replica of a fully repaired range, which tombstones it may purge. */
function markRepaired(cluster: Cluster, replicas: StoreNode[], range: number): void {
  for (const node of replicas) {
    for (const key of node.merkle.keysOfRange(range)) {
      const state = node.stateOf(key);
      // Stryker disable next-line OptionalChaining,ArrayDeclaration: a key the Merkle index lists always has a state
      const tombstones = state?.filter((sibling) => sibling.tombstone).map((sibling) => sibling.id) ?? [];
      if (tombstones.length > 0) node.purgeMarks.set(key, { siblingIds: tombstones, markedAt: cluster.now });
    }
  }
}
