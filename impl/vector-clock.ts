// Dots and causal pasts for vector-clock versioning (dotted version vectors). Each write
// gets a unique dot (coordinator node, counter from a per-node durable counter); a
// sibling's past is the exact set of dots it supersedes, so "does this context cover that
// sibling" is a set lookup and never over-approximates. The summary as a vector of
// per-node maxima is only for recorded explanation.
//
// Why exact sets rather than compact vectors: with partial (R < N) reads a vector can
// claim a dot the client never saw and silently drop a sibling. The price is memory that
// grows with the writes to one key, acceptable for a reference simulator. A store that
// cannot pay it bounds the sets with `pruneDots` (Riak's small_vclock/big_vclock), and
// pays in anomalies instead: see there.
import type { NodeId } from "../model/vocabulary.ts";

/** DotSet is a set of dot ids ("n1:7"). */
export type DotSet = ReadonlySet<string>;

/** emptyDots is the empty causal context. */
export const emptyDots: DotSet = new Set<string>();

/** dotId names one write: the coordinator and its counter. */
export function dotId(node: NodeId, counter: number): string {
  return `${node}:${counter}`;
}

/** unionDots returns a ∪ b, reusing an operand when the other adds nothing. */
export function unionDots(a: DotSet, b: DotSet): DotSet {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const result = new Set(a);
  for (const dot of b) result.add(dot);
  return result;
}

/**
 * pruneDots forgets the oldest dots of a set until at most `limitDots` remain; a limit of 0
 * never prunes. It returns `dots` itself when nothing is forgotten.
 *
 * "Oldest" is per node: take the node holding the most dots in the set (ties: the lowest
 * node id) and forget its lowest counter, then repeat. Counters of different nodes are not
 * comparable in time (a node that coordinates rarely has low counters even for its newest
 * writes, so "lowest counter overall" would forget recent writes first), but one node's
 * counters are in issue order (its durable counter). Taking from the busiest node keeps
 * every node's newest writes, which are the ones most likely still held somewhere
 * unsuperseded. Nothing but the set decides, so pruning replays with the seed.
 *
 * The risk, as in Riak: a forgotten dot is no longer covered. A later write whose context
 * had seen the forgotten write cannot supersede it, so when a replica that still holds that
 * write meets the later one (read repair, anti-entropy, a rejoin), the forgotten write
 * comes back as a sibling beside the write that had seen it (the spec's `sibling-spurious`),
 * or beside the tombstone that should hide it (`resurrection`).
 */
export function pruneDots(dots: DotSet, limitDots: number): DotSet {
  if (limitDots <= 0 || dots.size <= limitDots) return dots;
  const countersByNode = new Map<NodeId, number[]>();
  for (const dot of dots) {
    const [node, counter] = parseDot(dot);
    const counters = countersByNode.get(node);
    if (counters === undefined) countersByNode.set(node, [counter]);
    else counters.push(counter);
  }
  const nodes = [...countersByNode.keys()].sort();
  for (const node of nodes) (countersByNode.get(node) as number[]).sort((x, y) => x - y);
  const droppedByNode = new Map<NodeId, number>(nodes.map((node) => [node, 0]));
  const forgotten = new Set<string>();
  // Bounded: each pass forgets one dot, and there are exactly size - limit to forget.
  for (let excess = dots.size - limitDots; excess > 0; excess--) {
    let busiest = nodes[0] as NodeId;
    let busiestRemaining = -1;
    for (const node of nodes) {
      const remaining = (countersByNode.get(node) as number[]).length - (droppedByNode.get(node) as number);
      if (remaining > busiestRemaining) {
        busiest = node;
        busiestRemaining = remaining;
      }
    }
    const dropped = droppedByNode.get(busiest) as number;
    forgotten.add(dotId(busiest, (countersByNode.get(busiest) as number[])[dropped] as number));
    droppedByNode.set(busiest, dropped + 1);
  }
  const kept = new Set<string>();
  for (const dot of dots) if (!forgotten.has(dot)) kept.add(dot);
  // Stryker disable next-line StringLiteral: an invariant of the loop above (it forgets exactly size - limit dots)
  if (kept.size !== limitDots) throw new Error(`pruneDots: kept ${kept.size} dots, limit ${limitDots}`);
  return kept;
}

/** parseDot splits a dot id into its node and counter (node ids may contain ':'). */
function parseDot(dot: string): [NodeId, number] {
  const separator = dot.lastIndexOf(":");
  return [dot.slice(0, separator), Number(dot.slice(separator + 1))];
}

/** summariseDots returns per-node maximum counters, sorted by node: the vector view of a set of dots. */
export function summariseDots(dots: Iterable<string>): Array<[NodeId, number]> {
  const maxima = new Map<NodeId, number>();
  for (const dot of dots) {
    const [node, counter] = parseDot(dot);
    if (counter > (maxima.get(node) ?? 0)) maxima.set(node, counter);
  }
  return [...maxima.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}
