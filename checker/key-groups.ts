// How a history too long to fold at once is cut up: its keys, in the history's key order
// (the order of their first invokes), into groups whose operations fit in memory together.
// The spec judges each key from its own operations and the cluster log, so a check can fold
// and judge one group at a time and put the findings together in key order.
import type { Operation } from "../model/operations.ts";
import type { Key } from "../model/vocabulary.ts";

/** KeyCensus counts the operations of each key, the keys in the history's key order. */
export class KeyCensus {
  private readonly counts = new Map<Key, number>();

  /** of counts operations already paired, in invocation order. */
  static of(operations: readonly Operation[]): KeyCensus {
    const census = new KeyCensus();
    for (const op of operations) census.add(op.key);
    return census;
  }

  /** add counts one more operation (an invoke) on `key`. */
  add(key: Key): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** has says whether `key` has operations. */
  has(key: Key): boolean {
    return this.counts.has(key);
  }

  /** keys is how many keys have operations. */
  get keys(): number {
    return this.counts.size;
  }

  /** operations is how many operations were counted. */
  get operations(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /**
   * groups cuts the keys, in order, into groups of at most `opsPerGroup` operations; a key
   * with more is a group alone. Consecutive groups keep the key order, so their findings
   * put end to end are in key order too.
   */
  groups(opsPerGroup: number): Key[][] {
    const groups: Key[][] = [];
    let group: Key[] = [];
    let ops = 0;
    for (const [key, count] of this.counts) {
      if (group.length > 0 && ops + count > opsPerGroup) {
        groups.push(group);
        group = [];
        ops = 0;
      }
      group.push(key);
      ops += count;
    }
    if (group.length > 0) groups.push(group);
    return groups;
  }
}
