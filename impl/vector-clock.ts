// Dots and causal pasts for vector-clock versioning (dotted version vectors). Each write
// gets a unique dot (coordinator node, counter from a per-node durable counter); a
// sibling's past is the exact set of dots it supersedes, so "does this context cover that
// sibling" is a set lookup and never over-approximates. The summary as a vector of
// per-node maxima is only for recorded explanation.
//
// Why exact sets rather than compact vectors: with partial (R < N) reads a vector can
// claim a dot the client never saw and silently drop a sibling. The price is memory that
// grows with the writes to one key, acceptable for a reference simulator.
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

/** summariseDots returns per-node maximum counters, sorted by node: the vector view of a set of dots. */
export function summariseDots(dots: Iterable<string>): Array<[NodeId, number]> {
  const maxima = new Map<NodeId, number>();
  for (const dot of dots) {
    const separator = dot.lastIndexOf(":");
    const node = dot.slice(0, separator);
    const counter = Number(dot.slice(separator + 1));
    if (counter > (maxima.get(node) ?? 0)) maxima.set(node, counter);
  }
  return [...maxima.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}
