// The coordinator side of put and delete: pick targets (failing before anything is sent
// when fewer than W are reachable), in linearizable mode read a quorum first to pick a
// higher version, stamp the write, send it (a hint for each stand-in), and complete ok on
// W acks or info on timeout. Under `immediate` GC, all N replica acks of a tombstone
// mark it for purging.
import type { Key, NodeId, Version } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import { nextTimestamp, wallClockTimestamp } from "./hlc.ts";
import { storeHint } from "./hints.ts";
import type { StoreNode } from "./node.ts";
import { queryQuorum } from "./quorum.ts";
import { applyToReplica, removeFromReplica } from "./replica.ts";
import type { Target } from "./targets.ts";
import { readTargets, writeTargets } from "./targets.ts";
import type { DotSet } from "./vector-clock.ts";
import { pruneDots } from "./vector-clock.ts";
import type { KeyState, Sibling, SiblingContent } from "./versions.ts";
import { dottedSibling, lwwSibling, mergeStates, versionOf } from "./versions.ts";

/** WriteRequest is a put or delete as the coordinator receives it. */
export interface WriteRequest {
  key: Key;
  content: SiblingContent;
  /** context: the causal context (vector clocks) the client's last get returned. */
  context: DotSet;
  /** floorTimestamp: the client's last timestamp; its next write must be later (LWW). */
  floorTimestamp: number;
}

/**
 * WriteDone reports a write's outcome, the timestamp it used (0 under vector clocks, or when
 * it failed before stamping) and its version (undefined when it failed before stamping).
 */
export type WriteDone = (outcome: "ok" | "fail" | "info", error: string | undefined, timestamp: number, version?: Version) => void;

/** coordinateWrite runs one put or delete from `coordinator`. */
export function coordinateWrite(cluster: Cluster, coordinator: StoreNode, request: WriteRequest, done: WriteDone): void {
  const naive = cluster.bugs.naiveDelete && request.content.tombstone;
  const targets = writeTargets(cluster, coordinator.id, request.key, !naive);
  const quorum = cluster.options.writeQuorum;
  if (targets.length < quorum) {
    done("fail", `only ${targets.length} of ${quorum} write targets reachable`, 0);
    return;
  }
  if (!cluster.options.linearizable) {
    sendWrite(cluster, coordinator, request, targets, request.floorTimestamp, done);
    return;
  }
  // Linearizable: learn the highest version a read quorum holds, then write above it.
  const sources = readTargets(cluster, coordinator.id, request.key);
  queryQuorum(cluster, coordinator, request.key, sources, cluster.options.readQuorum, (states) => {
    if (states === undefined) {
      done("fail", "read phase timed out before anything was written", 0);
      return;
    }
    let merged: KeyState | undefined;
    for (const state of states.values()) if (state !== undefined) merged = mergeStates(merged, state);
    const stamp = merged?.[0]?.stamp;
    const floor = stamp?.kind === "lww" ? Math.max(stamp.timestamp, request.floorTimestamp) : request.floorTimestamp;
    // Stryker disable next-line BooleanLiteral: linearizable mode requires sloppyQuorum off, so there are never fallbacks to allow
    sendWrite(cluster, coordinator, request, writeTargets(cluster, coordinator.id, request.key, false), floor, done);
  });
}

function sendWrite(
  cluster: Cluster,
  coordinator: StoreNode,
  request: WriteRequest,
  targets: Target[],
  floorTimestamp: number,
  done: WriteDone,
): void {
  const sibling = stampWrite(cluster, coordinator, request, floorTimestamp);
  const timestamp = sibling.stamp.kind === "lww" ? sibling.stamp.timestamp : 0;
  const version = versionOf(sibling);
  const state: KeyState = [sibling];
  const epoch = coordinator.epoch;
  const quorum = cluster.options.writeQuorum;
  const acked = new Set<NodeId>();
  const replicaAcks = new Set<NodeId>();
  let finished = false;
  const onAck = (target: Target): void => {
    if (coordinator.epoch !== epoch || acked.has(target.node)) return;
    acked.add(target.node);
    if (target.standsInFor === undefined) replicaAcks.add(target.node);
    // A stand-in's hint counts towards W only if it is durable: a volatile hint dies with
    // its holder's crash, and the write would be acknowledged with fewer than W copies
    // that survive one (as Cassandra, which never counts a hint towards the consistency level).
    else if (!cluster.options.durableHints) acked.delete(target.node);
    if (sibling.tombstone && replicaAcks.size === cluster.options.replicationFactor) markAcked(cluster, coordinator, request.key, sibling);
    if (!finished && acked.size >= quorum) {
      finished = true;
      done("ok", undefined, timestamp, version);
    }
  };
  for (const target of targets) {
    cluster.network.send(coordinator.id, target.node, () => {
      applyWrite(cluster, target, request.key, state);
      cluster.network.send(target.node, coordinator.id, () => onAck(target));
    });
  }
  cluster.queue.after(cluster.options.opTimeoutTicks, () => {
    if (finished) return;
    finished = true;
    done("info", `timed out with ${acked.size} of ${quorum} acks`, timestamp, version);
  });
}

function applyWrite(cluster: Cluster, target: Target, key: Key, state: KeyState): void {
  const node = cluster.node(target.node);
  const sibling = state[0] as Sibling;
  if (cluster.bugs.naiveDelete && sibling.tombstone) removeFromReplica(cluster, node, key);
  else if (target.standsInFor !== undefined) storeHint(cluster, node, target.standsInFor, key, state);
  else applyToReplica(cluster, node, key, state, "merge");
}

/**
 * stampWrite gives a write its version: an HLC timestamp above every floor, or a fresh dot
 * whose past is the client's context, pruned to `vectorClockPruneDots` (as Riak's vnode
 * prunes a clock when it stores an object; merges never grow a past, so this is the one
 * place a sibling's past is made).
 */
function stampWrite(cluster: Cluster, coordinator: StoreNode, request: WriteRequest, floorTimestamp: number): Sibling {
  if (cluster.options.versioning === "vector-clock") {
    const past = pruneDots(request.context, cluster.options.vectorClockPruneDots);
    return dottedSibling(request.content, coordinator.id, ++coordinator.dotCounter, past);
  }
  const wall = cluster.wallClock(coordinator);
  const timestamp = cluster.bugs.lwwSkew
    ? wallClockTimestamp(wall, coordinator.lastTimestamp) // bug: the wall clock alone decides
    : nextTimestamp(wall, coordinator.lastTimestamp, floorTimestamp);
  coordinator.lastTimestamp = timestamp;
  return lwwSibling(request.content, timestamp, coordinator.id);
}

/** markAcked: under `immediate` GC, every replica acknowledged this tombstone; tell them it may go. */
function markAcked(cluster: Cluster, coordinator: StoreNode, key: Key, tombstone: Sibling): void {
  if (cluster.options.gc.mode !== "immediate") return;
  for (const replica of cluster.ring.preferenceList(key)) {
    cluster.network.send(coordinator.id, replica, () => {
      const node = cluster.node(replica);
      if (node.stateOf(key)?.some((sibling) => sibling.id === tombstone.id)) {
        node.purgeMarks.set(key, { siblingIds: [tombstone.id], markedAt: cluster.now });
      }
    });
  }
}
