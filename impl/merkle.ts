// Merkle trees over key ranges, kept incrementally. Each token range has a fixed number
// of leaves; a leaf's hash is the XOR of its keys' state digests, so a write updates one
// leaf in O(1). Internal nodes are hashed on demand when two replicas compare a range,
// descending only into subtrees that differ.
import type { Key } from "../model/vocabulary.ts";

/** MerkleIndex is one node's leaf hashes and the keys under each leaf. */
export class MerkleIndex {
  private readonly leafHashes: Uint32Array;
  private readonly leafKeys = new Map<number, Set<Key>>();

  constructor(
    rangeCount: number,
    readonly leavesPerRange: number,
  ) {
    this.leafHashes = new Uint32Array(rangeCount * leavesPerRange);
  }

  /** update replaces a key's digest under its leaf (0 means "no state"). */
  update(leaf: number, key: Key, oldDigest: number, newDigest: number): void {
    this.leafHashes[leaf] = ((this.leafHashes[leaf] as number) ^ oldDigest ^ newDigest) >>> 0;
    let keys = this.leafKeys.get(leaf);
    if (newDigest === 0) {
      keys?.delete(key);
      return;
    }
    if (keys === undefined) {
      keys = new Set();
      this.leafKeys.set(leaf, keys);
    }
    keys.add(key);
  }

  /** keysOf returns the keys stored under a leaf. */
  keysOf(leaf: number): ReadonlySet<Key> {
    return this.leafKeys.get(leaf) ?? emptyKeys;
  }

  /** keysOfRange returns every key stored in a token range. */
  keysOfRange(range: number): Key[] {
    const keys: Key[] = [];
    const first = range * this.leavesPerRange;
    for (let leaf = first; leaf < first + this.leavesPerRange; leaf++) keys.push(...this.keysOf(leaf));
    return keys;
  }

  /** hashOf returns the hash of the subtree over leaves [low, high) of this index. */
  hashOf(low: number, high: number): number {
    if (high - low === 1) return this.leafHashes[low] as number;
    const middle = (low + high) >> 1;
    return combine(this.hashOf(low, middle), this.hashOf(middle, high));
  }
}

const emptyKeys: ReadonlySet<Key> = new Set();

/** differingLeaves compares two indexes over one range and returns the leaves whose hashes differ. */
export function differingLeaves(a: MerkleIndex, b: MerkleIndex, range: number): number[] {
  const low = range * a.leavesPerRange;
  const result: number[] = [];
  descend(a, b, low, low + a.leavesPerRange, result);
  return result;
}

function descend(a: MerkleIndex, b: MerkleIndex, low: number, high: number, out: number[]): void {
  if (a.hashOf(low, high) === b.hashOf(low, high)) return;
  if (high - low === 1) {
    out.push(low);
    return;
  }
  const middle = (low + high) >> 1;
  descend(a, b, low, middle, out);
  descend(a, b, middle, high, out);
}

function combine(left: number, right: number): number {
  let hash = Math.imul(left ^ 0x9e3779b9, 0x85ebca6b) ^ right;
  hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35);
  return (hash ^ (hash >>> 13)) >>> 0;
}
