// Tombstone garbage collection, one sweep over every up node at a time. What may be purged
// depends on the mode: never (`keep`), after the grace period (`timeout`), after a full
// repair put the tombstone on every replica (`repair`), or after every replica acknowledged
// the delete (`immediate`). The last two also wait for hints and in-flight messages to settle.
import type { Key } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import type { StoreNode } from "./node.ts";
import type { Sibling } from "./versions.ts";
import { assertNever, hasTombstone, versionOf } from "./versions.ts";

/** gcSweep purges every tombstone the GC mode allows, one gc-purge event per tombstone. */
export function gcSweep(cluster: Cluster): void {
  // Stryker disable next-line StringLiteral: a shortcut; under keep without early-gc mayPurge refuses every tombstone anyway
  if (cluster.options.gc.mode === "keep" && !cluster.bugs.earlyGc) return;
  for (const node of cluster.nodes) {
    if (!node.up || node.tombstoneKeys.size === 0) continue;
    for (const key of [...node.tombstoneKeys]) purgeKey(cluster, node, key);
  }
}

function purgeKey(cluster: Cluster, node: StoreNode, key: Key): void {
  const state = node.stateOf(key);
  if (state === undefined) return;
  const kept: Sibling[] = [];
  for (const sibling of state) {
    if (!sibling.tombstone || !mayPurge(cluster, node, key, sibling)) {
      kept.push(sibling);
      continue;
    }
    cluster.stats.gcPurges++;
    cluster.emit({
      kind: "gc-purge",
      time: cluster.now,
      node: node.id,
      key,
      deletedAt: sibling.deletedAt,
      version: versionOf(sibling),
      replicas: [...cluster.ring.preferenceList(key)].sort(),
    });
  }
  if (kept.length === state.length) return;
  node.setState(key, cluster.leafOf(key), kept.length > 0 ? kept : undefined);
  if (!hasTombstone(kept)) node.purgeMarks.delete(key);
}

function mayPurge(cluster: Cluster, node: StoreNode, key: Key, tombstone: Sibling): boolean {
  // Bug: every tombstone goes at the next sweep, whatever the mode's condition.
  if (cluster.bugs.earlyGc) return true;
  const gc = cluster.options.gc;
  switch (gc.mode) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable, gcSweep returns early under keep unless early-gc, which returned above
    case "keep":
      // Stryker disable next-line BooleanLiteral: unreachable (see above)
      return false;
    case "timeout":
      return cluster.now - tombstone.deletedAt >= gc.graceTicks;
    case "repair":
    case "immediate": {
      const mark = node.purgeMarks.get(key);
      if (mark === undefined || !mark.siblingIds.includes(tombstone.id)) return false;
      // A hint or a delayed message may still carry an older value for this key.
      return cluster.now - mark.markedAt >= cluster.options.gcSettleTicks && !cluster.pendingHints.has(key);
    }
    // Stryker disable next-line ConditionalExpression: unreachable, the type admits only the four modes above
    default:
      return assertNever(gc.mode);
  }
}
