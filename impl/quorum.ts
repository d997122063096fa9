// Asking replicas what they hold for a key: one request and one reply per target through
// the simulated network, replies ignored once the coordinator has crashed. Fallbacks
// answer from the hints they hold for the key.
import type { Key, NodeId } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import { hintStateFor } from "./hints.ts";
import type { StoreNode } from "./node.ts";
import type { Target } from "./targets.ts";
import type { KeyState } from "./versions.ts";

/** queryReplicas sends a read to each target; `onReply` sees each target's first reply. */
export function queryReplicas(
  cluster: Cluster,
  coordinator: StoreNode,
  key: Key,
  targets: readonly Target[],
  onReply: (target: Target, state: KeyState | undefined) => void,
): void {
  const epoch = coordinator.epoch;
  const replied = new Set<NodeId>();
  for (const target of targets) {
    cluster.network.send(coordinator.id, target.node, () => {
      const node = cluster.node(target.node);
      const state = target.standsInFor === undefined ? node.stateOf(key) : hintStateFor(node, key);
      cluster.network.send(target.node, coordinator.id, () => {
        if (coordinator.epoch !== epoch || replied.has(target.node)) return;
        replied.add(target.node);
        onReply(target, state);
      });
    });
  }
}

/** queryQuorum collects `needed` replies, or calls back with undefined at the op timeout. */
export function queryQuorum(
  cluster: Cluster,
  coordinator: StoreNode,
  key: Key,
  targets: readonly Target[],
  needed: number,
  done: (states: Map<NodeId, KeyState | undefined> | undefined) => void,
): void {
  const states = new Map<NodeId, KeyState | undefined>();
  let finished = false;
  queryReplicas(cluster, coordinator, key, targets, (target, state) => {
    if (finished) return;
    states.set(target.node, state);
    if (states.size >= needed) {
      finished = true;
      done(states);
    }
  });
  cluster.queue.after(cluster.options.opTimeoutTicks, () => {
    if (finished) return;
    finished = true;
    done(undefined);
  });
}
