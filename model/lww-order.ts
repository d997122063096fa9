// The last-write-wins order between two recorded versions: timestamp first, then node
// id, as the store compares them. A history proves an inverted order only through these.
import type { Version } from "./vocabulary.ts";

/**
 * lwwNewer says whether version `a` wins over `b` under last-write-wins, or undefined when
 * either is missing or not a last-write-wins version (nothing is proven then).
 */
export function lwwNewer(a: Version | undefined, b: Version | undefined): boolean | undefined {
  if (a?.kind !== "lww" || b?.kind !== "lww") return undefined;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return a.node > b.node;
}
