// One storage node: its durable key-value storage (with the Merkle index and tombstone
// set derived from it), its volatile hint store, its clock and its health. Writing the
// storage only through `setState` keeps the derived indexes exact.
import type { Key, NodeId, Ticks } from "../model/vocabulary.ts";
import { hashString } from "./hash.ts";
import type { Hint } from "./hints.ts";
import { MerkleIndex } from "./merkle.ts";
import type { KeyState } from "./versions.ts";
import { assertStateInvariants, digestText, hasTombstone } from "./versions.ts";

/** PurgeMark says a tombstone met the `repair` or `immediate` purge condition, and when. */
export interface PurgeMark {
  siblingIds: readonly string[];
  markedAt: Ticks;
}

/** StoreNode is one node of the simulated cluster. */
export class StoreNode {
  up = true;
  /** epoch counts crashes, so replies addressed to a coordinator's earlier life are ignored. */
  epoch = 0;
  skewTicks = 0;
  /** lastTimestamp is the hybrid logical clock's last issued or observed timestamp (durable). */
  lastTimestamp = 0;
  /** dotCounter numbers this node's vector-clock writes (durable, never reused). */
  dotCounter = 0;
  /** outSince is when the node last went down or lost a majority, undefined while in. */
  outSince: Ticks | undefined = undefined;
  /** needsRepair: the rejoin guard keeps the node from serving until it is rebuilt. */
  needsRepair = false;
  hints: Hint[] = [];
  readonly purgeMarks = new Map<Key, PurgeMark>();
  readonly tombstoneKeys = new Set<Key>();
  readonly merkle: MerkleIndex;
  private readonly storage = new Map<Key, KeyState>();
  private readonly digests = new Map<Key, number>();

  constructor(
    readonly id: NodeId,
    rangeCount: number,
    leavesPerRange: number,
  ) {
    this.merkle = new MerkleIndex(rangeCount, leavesPerRange);
  }

  /** stateOf returns what this node stores for a key. */
  stateOf(key: Key): KeyState | undefined {
    return this.storage.get(key);
  }

  /** keyCount is the number of keys stored. */
  get keyCount(): number {
    return this.storage.size;
  }

  /** setState stores (or, with undefined, removes) a key's state and updates the indexes. */
  setState(key: Key, leaf: number, state: KeyState | undefined): void {
    const oldDigest = this.digests.get(key) ?? 0;
    if (state === undefined) {
      this.storage.delete(key);
      this.digests.delete(key);
      this.tombstoneKeys.delete(key);
      this.merkle.update(leaf, key, oldDigest, 0);
      return;
    }
    assertStateInvariants(state);
    // Low bit set: a present key never digests to 0, which means "absent" to the index.
    const newDigest = (hashString(digestText(state)) | 1) >>> 0;
    this.storage.set(key, state);
    this.digests.set(key, newDigest);
    if (hasTombstone(state)) this.tombstoneKeys.add(key);
    else this.tombstoneKeys.delete(key);
    this.merkle.update(leaf, key, oldDigest, newDigest);
  }
}
