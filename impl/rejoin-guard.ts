// The rejoin guard (Cassandra's check_data_resurrection): a node that was out longer than
// the GC grace period may hold values whose tombstones are already purged elsewhere, so it
// refuses to serve until it is rebuilt from its peers. A rebuild takes the peers' merged
// state for each of its ranges and discards its own (the node's data is suspect), then
// records `node-repaired`.
import type { Key } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import type { StoreNode } from "./node.ts";
import { recordRepair } from "./anti-entropy.ts";
import { sameState } from "./replica.ts";
import type { KeyState } from "./versions.ts";
import { mergeStates } from "./versions.ts";

/** scheduleRebuild tries to rebuild a guarded node after the configured delay, retrying until it can. */
export function scheduleRebuild(cluster: Cluster, node: StoreNode): void {
  cluster.queue.after(cluster.options.rejoinRepairDelayTicks, () => {
    if (node.needsRepair && !rebuild(cluster, node)) scheduleRebuild(cluster, node);
  });
}

/** rebuild replaces a guarded node's data with its peers'; false when some range has no reachable peer. */
export function rebuild(cluster: Cluster, node: StoreNode): boolean {
  if (!node.up) return false;
  const plan: Array<{ range: number; peers: StoreNode[] }> = [];
  for (let range = 0; range < cluster.ring.rangeCount; range++) {
    const replicas = cluster.ring.replicasOfRange(range);
    if (!replicas.includes(node.id)) continue;
    const peers = replicas
      .filter((id) => id !== node.id && cluster.serving(node.id, id))
      .map((id) => cluster.node(id));
    if (peers.length === 0) return false;
    plan.push({ range, peers });
  }
  for (const { range, peers } of plan) {
    const keys = new Set<Key>(node.merkle.keysOfRange(range));
    for (const peer of peers) for (const key of peer.merkle.keysOfRange(range)) keys.add(key);
    for (const key of keys) {
      let merged: KeyState | undefined;
      for (const peer of peers) {
        const state = peer.stateOf(key);
        if (state !== undefined) merged = mergeStates(merged, state);
      }
      const own = node.stateOf(key);
      if (sameState(own, merged)) continue;
      node.setState(key, cluster.leafOf(key), merged);
      const had = new Set((own ?? []).map((sibling) => sibling.id));
      for (const sibling of merged ?? []) if (!had.has(sibling.id)) recordRepair(cluster, node, key, sibling, "anti-entropy");
    }
  }
  node.needsRepair = false;
  cluster.stats.nodesRepaired++;
  cluster.emit({ kind: "node-repaired", time: cluster.now, node: node.id });
  return true;
}
