// Hinted handoff: a fallback node holds a write for an unreachable replica as a hint,
// delivers it when the replica is reachable again (merging by version, like every
// other write path). A durable hint counts towards W and waits for its target past the TTL
// (under timeout GC, up to the grace period); a volatile one dies with a crash, expires
// after the hint TTL, and never counts.
import type { Key, NodeId, Ticks } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import { nextTimestamp } from "./hlc.ts";
import type { StoreNode } from "./node.ts";
import { applyToReplica } from "./replica.ts";
import { unionDots } from "./vector-clock.ts";
import type { DotSet } from "./vector-clock.ts";
import type { KeyState, Sibling } from "./versions.ts";
import { contentOf, dottedSibling, lwwSibling, mergeStates, replicaWriteOf } from "./versions.ts";

/** Hint is a write a holder keeps for an unreachable target replica. */
export interface Hint {
  target: NodeId;
  key: Key;
  state: KeyState;
  storedAt: Ticks;
}

/** storeHint keeps a write at `holder` for `target`. */
export function storeHint(cluster: Cluster, holder: StoreNode, target: NodeId, key: Key, state: KeyState): void {
  holder.hints.push({ target, key, state, storedAt: cluster.now });
  cluster.pendingHints.set(key, (cluster.pendingHints.get(key) ?? 0) + 1);
  cluster.stats.hintsStored++;
  for (const sibling of state) {
    cluster.emit({ kind: "hint-stored", time: cluster.now, holder: holder.id, target, ...replicaWriteOf(key, sibling) });
  }
}

/** hintStateFor merges what a fallback holds for a key (it answers sloppy reads from this). */
export function hintStateFor(holder: StoreNode, key: Key): KeyState | undefined {
  let merged: KeyState | undefined;
  for (const hint of holder.hints) {
    if (hint.key !== key) continue;
    merged = mergeStates(merged, hint.state);
  }
  return merged;
}

/** deliverHints hands every deliverable hint to its target and expires the old ones. */
export function deliverHints(cluster: Cluster): void {
  for (const holder of cluster.nodes) {
    if (!holder.up || holder.hints.length === 0) continue;
    const kept: Hint[] = [];
    for (const hint of holder.hints) {
      // A durable hint is a fallback replica's copy (Riak's fallback vnode): it may be the
      // only copy of an acknowledged write, so it outlives the TTL (Cluster.hintLifetimeTicks).
      const expired = cluster.now - hint.storedAt > cluster.hintLifetimeTicks;
      if (expired) finishHint(cluster, holder, hint, "hint-expired");
      else if (cluster.serving(holder.id, hint.target)) deliver(cluster, holder, hint);
      else kept.push(hint);
    }
    holder.hints = kept;
  }
}

/** dropVolatileHints loses a crashed node's hints; each is recorded as expired (it will never arrive). */
export function dropVolatileHints(cluster: Cluster, holder: StoreNode): void {
  for (const hint of holder.hints) finishHint(cluster, holder, hint, "hint-expired");
  holder.hints = [];
}

function deliver(cluster: Cluster, holder: StoreNode, hint: Hint): void {
  const target = cluster.node(hint.target);
  const state = cluster.bugs.doomstone ? restamp(cluster, holder, target, hint) : hint.state;
  const mode = cluster.options.safeguards.compareVersionsOnApply ? "merge" : "overwrite";
  applyToReplica(cluster, target, hint.key, state, mode);
  finishHint(cluster, holder, { ...hint, state }, "hint-delivered");
}

function finishHint(cluster: Cluster, holder: StoreNode, hint: Hint, kind: "hint-delivered" | "hint-expired"): void {
  const pending = (cluster.pendingHints.get(hint.key) ?? 1) - 1;
  if (pending > 0) cluster.pendingHints.set(hint.key, pending);
  else cluster.pendingHints.delete(hint.key);
  if (kind === "hint-delivered") cluster.stats.hintsDelivered++;
  else cluster.stats.hintsExpired++;
  for (const sibling of hint.state) {
    cluster.emit({
      kind,
      time: cluster.now,
      holder: holder.id,
      target: hint.target,
      storedAt: hint.storedAt,
      ...replicaWriteOf(hint.key, sibling),
    });
  }
}

/**
 * restamp is the `doomstone` bug: the hint gets a fresh version from the holder's clock at
 * delivery, so it beats whatever the target learned meanwhile, re-created values included.
 */
function restamp(cluster: Cluster, holder: StoreNode, target: StoreNode, hint: Hint): KeyState {
  return hint.state.map((sibling: Sibling) => {
    if (sibling.stamp.kind === "lww") {
      const timestamp = nextTimestamp(cluster.wallClock(holder), holder.lastTimestamp, 0);
      holder.lastTimestamp = timestamp;
      return lwwSibling(contentOf(sibling), timestamp, holder.id);
    }
    let past: DotSet = sibling.stamp.past;
    for (const current of target.stateOf(hint.key) ?? []) {
      past = unionDots(past, new Set([current.id]));
      if (current.stamp.kind === "dot") past = unionDots(past, current.stamp.past);
    }
    return dottedSibling(contentOf(sibling), holder.id, ++holder.dotCounter, past);
  });
}
