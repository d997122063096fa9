// The tombstones GC purged, each tied to the delete that wrote it, and the full repairs
// that may have synced a purged tombstone's range: the facts on which both the operator's
// GC contract and the store's own purge rules are judged. Order between a repair and a
// delete comes from event positions, not from ticks alone.
import type { ClusterLog } from "./cluster-log.ts";
import { firstAfter, firstPositionWhere } from "./event-order.ts";
import { appendTo } from "./grouped-lists.ts";
import type { KeyHistory } from "./key-history.ts";
import { lwwNewer } from "./lww-order.ts";
import type { Operation } from "./operations.ts";
import type { GcConfig, Key, NodeId, Ticks, Version } from "./vocabulary.ts";

/** PurgedTombstone is one gc-purge event, with the delete that wrote the tombstone. */
export interface PurgedTombstone {
  key: Key;
  node: NodeId;
  time: Ticks;
  /** deletedAt: when the purged tombstone's delete was invoked, in ticks. */
  deletedAt: Ticks;
  /** event: the gc-purge event's index. */
  event: number;
  /** replicaSet: the key's replicas, sorted and joined by commas, when the history records them. */
  replicaSet?: string;
  /**
   * deletes: the deletes that may have written the tombstone: the one whose recorded
   * version is the purged one, or else those of the key invoked at `deletedAt`. Empty when
   * the history shows none.
   */
  deletes: readonly Operation[];
}

/** RepairRound is one full anti-entropy round (a repair, as `nodetool repair` runs one). */
export interface RepairRound {
  event: number;
  startedAt: Ticks;
  time: Ticks;
  complete: boolean;
  /** synced: for an incomplete round, the replica sets of the ranges it did sync completely. */
  synced: ReadonlySet<string>;
}

/** purgedTombstones lists every gc-purge event of a history, tied to its delete. */
export function purgedTombstones(log: ClusterLog, keys: ReadonlyMap<Key, KeyHistory>): PurgedTombstone[] {
  const purges: PurgedTombstone[] = [];
  const deleteIndexes = new Map<Key, DeleteIndex>();
  for (const { index, event } of log.entries) {
    if (event.kind !== "gc-purge") continue;
    let deletes = deleteIndexes.get(event.key);
    if (deletes === undefined) deleteIndexes.set(event.key, (deletes = new DeleteIndex(keys.get(event.key))));
    const purge: PurgedTombstone = {
      key: event.key,
      node: event.node,
      time: event.time,
      deletedAt: event.deletedAt,
      event: index,
      deletes: deletes.of(event.deletedAt, event.version),
    };
    if (event.replicas !== undefined) purge.replicaSet = replicaSetName(event.replicas);
    purges.push(purge);
  }
  return purges;
}

/**
 * DeleteIndex finds the deletes of one key that may have written a purged tombstone: those
 * with the purged version, or else those invoked when the tombstone says it was deleted.
 * It is an index because a long history purges hundreds of thousands of tombstones.
 */
class DeleteIndex {
  private readonly byVersion = new Map<string, Operation[]>();
  private readonly byCallTime = new Map<Ticks, Operation[]>();

  constructor(history: KeyHistory | undefined) {
    for (const op of history?.deletes ?? []) {
      if (op.version !== undefined) appendTo(this.byVersion, versionName(op.version), op);
      appendTo(this.byCallTime, op.callTime, op);
    }
  }

  /** of lists the deletes; the list is the index's own, shared by the purges of one tombstone, and never changed. */
  of(deletedAt: Ticks, version: Version | undefined): readonly Operation[] {
    const byVersion = version === undefined ? undefined : this.byVersion.get(versionName(version));
    return byVersion ?? this.byCallTime.get(deletedAt) ?? none;
  }
}

/**
 * purgesOfKey lists the purges of `key`'s tombstones among `purges`, in history order. A
 * rule asks it for many reads of a long history, which purges hundreds of thousands of
 * tombstones, so each list of purges is grouped by key once, on first use, and the groups
 * are kept as long as the list lives (a list of purges is never changed once made).
 */
export function purgesOfKey(purges: readonly PurgedTombstone[], key: Key): readonly PurgedTombstone[] {
  let byKey = purgesByKey.get(purges);
  if (byKey === undefined) {
    byKey = new Map();
    for (const purge of purges) appendTo(byKey, purge.key, purge);
    purgesByKey.set(purges, byKey);
  }
  return byKey.get(key) ?? [];
}

const purgesByKey = new WeakMap<readonly PurgedTombstone[], Map<Key, PurgedTombstone[]>>();

const none: readonly Operation[] = [];

/**
 * versionName: two versions are the same when their fields are. (A last-write-wins version
 * is named by hand rather than by its JSON: a long history names hundreds of thousands.)
 */
function versionName(version: Version): string {
  return version.kind === "lww" ? `lww ${version.timestamp} ${version.node}` : JSON.stringify(version.entries);
}

/**
 * tombstoneName names the tombstone a purge removed, the same on every node that purged it:
 * its key and delete time. (Written by hand rather than as JSON: a long history names
 * hundreds of thousands; the time comes first, so no two pairs share a name.)
 */
export function tombstoneName(purge: PurgedTombstone): string {
  return `${purge.deletedAt} ${purge.key}`;
}

/** replicaSetName names a replica set independently of its order. */
export function replicaSetName(replicas: readonly NodeId[]): string {
  return [...replicas].sort().join(",");
}

/** repairRounds lists the full anti-entropy rounds of a history. */
export function repairRounds(log: ClusterLog): RepairRound[] {
  const rounds: RepairRound[] = [];
  for (const { index, event } of log.entries) {
    if (event.kind !== "anti-entropy-round" || !event.full) continue;
    const synced = new Set((event.syncedReplicaSets ?? []).map(replicaSetName));
    rounds.push({ event: index, startedAt: event.startedAt, time: event.time, complete: event.complete, synced });
  }
  return rounds;
}

/** syncedRange says whether a round synced every replica of the purged key's range. */
export function syncedRange(round: RepairRound, purge: PurgedTombstone): boolean {
  return round.complete || (purge.replicaSet !== undefined && round.synced.has(purge.replicaSet));
}

/**
 * startedAfter says whether a round certainly started after event `index` at tick `time`.
 * A round recorded with no duration (startedAt = time) ran atomically where its event
 * stands, so event order decides; a longer one started after only if its start tick is later.
 */
export function startedAfter(round: RepairRound, index: number, time: Ticks): boolean {
  return round.startedAt === round.time ? round.event > index : round.startedAt > time;
}

/**
 * repairedBefore says whether a round that synced the purged key's range certainly came
 * between the tombstone's delete completing and the purge: then every replica held the
 * tombstone when it was purged. With the delete unknown, the round must start after the
 * tick of the delete.
 */
export function repairedBefore(rounds: readonly RepairRound[], purge: PurgedTombstone): boolean {
  return roundsAfterDeleteBefore(rounds, purge).some((round) => syncedRange(round, purge) && afterDelete(round, purge, "completed"));
}

/**
 * mayHaveRepairedBefore says whether a round that synced the purged key's range may have
 * carried the tombstone to every replica before the purge: it started after the delete
 * was invoked.
 */
export function mayHaveRepairedBefore(rounds: readonly RepairRound[], purge: PurgedTombstone): boolean {
  return roundsAfterDeleteBefore(rounds, purge).some((round) => syncedRange(round, purge) && afterDelete(round, purge, "invoked"));
}

/**
 * roundsAfterDeleteBefore narrows `rounds` (in history order) to those recorded before the
 * purge and after the invoke of its first delete: no other round can have started after
 * the delete, since events are recorded in time order. With the delete unknown, to those
 * recorded at or after the tick of the delete: a round recorded earlier started earlier.
 * A long history has tens of thousands of rounds and hundreds of thousands of purges, so
 * this is a binary search.
 */
function roundsAfterDeleteBefore(rounds: readonly RepairRound[], purge: PurgedTombstone): readonly RepairRound[] {
  const from =
    purge.deletes.length === 0
      ? firstPositionWhere(rounds.length, (position) => rounds[position]!.time >= purge.deletedAt)
      : firstAfter(rounds, Math.min(...purge.deletes.map((op) => op.invokeIndex)));
  return rounds.slice(from, firstAfter(rounds, purge.event - 1));
}

function afterDelete(round: RepairRound, purge: PurgedTombstone, moment: "invoked" | "completed"): boolean {
  if (purge.deletes.length === 0) {
    return moment === "invoked" ? round.startedAt >= purge.deletedAt : round.startedAt > purge.deletedAt;
  }
  // Every delete that may have written the tombstone must be covered.
  return purge.deletes.every((op) => {
    if (moment === "invoked") return startedAfter(round, op.invokeIndex, op.callTime);
    // An info delete may still write its tombstone after any round: none certainly covers it.
    return op.outcome === "ok" && startedAfter(round, op.returnAt, op.returnTime);
  });
}

/** TombstoneHides says whether a purged tombstone may hide a put: how a level reads "hide". */
export type TombstoneHides = (purge: PurgedTombstone, put: Operation) => boolean;

/**
 * hidesPut is the last-write-wins reading: whether the purged tombstone may hide `put`. With both versions recorded,
 * the last-write-wins order decides. Otherwise the put must have been invoked before the
 * delete completed (a put invoked later is ordered after the delete); with the delete
 * unknown, its tick decides.
 */
export const hidesPut: TombstoneHides = (purge, put) => {
  if (purge.deletes.length === 0) return purge.deletedAt >= put.callTime;
  return purge.deletes.some((op) => lwwNewer(op.version, put.version) ?? put.callAt < op.returnAt);
};

/**
 * isEarlyPurge says whether the store purged a tombstone before its own GC mode allowed:
 * any purge under `keep`; under `timeout`, one before the grace period ran out since the
 * delete; under `repair`, one that no repair of the key's range can have preceded. Under
 * `immediate` the replicas' acknowledgements are not recorded, so no purge is judged early.
 */
export function isEarlyPurge(gc: GcConfig, purge: PurgedTombstone, rounds: readonly RepairRound[]): boolean {
  switch (gc.mode) {
    case "keep":
      return true;
    case "timeout":
      return gc.graceTicks !== undefined && purge.time - purge.deletedAt < gc.graceTicks;
    case "repair":
      return !mayHaveRepairedBefore(rounds, purge);
    case "immediate":
      return false;
    default: {
      const unreachable: never = gc.mode;
      return unreachable;
    }
  }
}
