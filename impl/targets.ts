// Which nodes a coordinator talks to for a key: the serving replicas of its preference
// list and, under a sloppy quorum, the next serving nodes of the ring walk standing in for
// the missing ones (writes leave a hint there; reads ask what hints they hold).
import type { Key, NodeId } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";

/** Target is a node an operation contacts; `standsInFor` is set for a sloppy-quorum fallback. */
export interface Target {
  node: NodeId;
  standsInFor: NodeId | undefined;
}

/** writeTargets picks a write's destinations; hints only when `allowFallbacks`. */
export function writeTargets(cluster: Cluster, from: NodeId, key: Key, allowFallbacks: boolean): Target[] {
  const range = cluster.ring.rangeOf(key);
  const replicas = cluster.ring.replicasOfRange(range);
  const targets: Target[] = [];
  const missing: NodeId[] = [];
  for (const replica of replicas) {
    if (cluster.serving(from, replica)) targets.push({ node: replica, standsInFor: undefined });
    else missing.push(replica);
  }
  if (missing.length > 0 && allowFallbacks && cluster.options.sloppyQuorum) {
    addFallbacks(cluster, from, range, missing, targets);
  }
  return targets;
}

/** readTargets picks a read's sources: serving replicas, plus fallbacks if sloppy and short of R. */
export function readTargets(cluster: Cluster, from: NodeId, key: Key): Target[] {
  const range = cluster.ring.rangeOf(key);
  const targets: Target[] = [];
  const missing: NodeId[] = [];
  for (const replica of cluster.ring.replicasOfRange(range)) {
    if (cluster.serving(from, replica)) targets.push({ node: replica, standsInFor: undefined });
    else missing.push(replica);
  }
  if (targets.length < cluster.options.readQuorum && cluster.options.sloppyQuorum) {
    addFallbacks(cluster, from, range, missing, targets);
  }
  return targets;
}

function addFallbacks(cluster: Cluster, from: NodeId, range: number, missing: NodeId[], targets: Target[]): void {
  const walk = cluster.ring.walkOf(range);
  let next = 0;
  for (let index = cluster.options.replicationFactor; index < walk.length && next < missing.length; index++) {
    const fallback = walk[index] as NodeId;
    if (cluster.serving(from, fallback)) targets.push({ node: fallback, standsInFor: missing[next++] });
  }
}
