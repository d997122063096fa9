// The zone test behind the unique-writes path (Gibbons & Korach 1997; zones as in
// Golab, Li & Shah 2011): clusters of a write and its reads must be put in one order.

/**
 * Zones: one entry per cluster (a write and the reads of its value). Cluster A may
 * come before cluster B iff `latestCall[A] <= earliestReturn[B]`: no operation of B
 * returned before an operation of A was called.
 */
export interface Zones {
  earliestReturn: Float64Array;
  latestCall: Float64Array;
}

/** ZoneConflict: clusters `first` and `second` must each come before the other. */
export interface ZoneConflict {
  first: number;
  second: number;
}

/**
 * findZoneConflict returns two clusters that no order can place, or undefined when
 * an order exists. A cluster is forward when `earliestReturn < latestCall`: it then
 * occupies all of (earliestReturn, latestCall). A backward cluster fits at any point
 * of [latestCall, earliestReturn]. An order exists iff no two forward zones overlap
 * and no backward zone lies strictly inside a forward one (the "must come before"
 * relation is acyclic iff it has no 2-cycle). O(n log n).
 */
export function findZoneConflict(zones: Zones): ZoneConflict | undefined {
  const { earliestReturn, latestCall } = zones;
  const forward: number[] = [];
  const backward: number[] = [];
  for (let cluster = 0; cluster < earliestReturn.length; cluster++) {
    (earliestReturn[cluster]! < latestCall[cluster]! ? forward : backward).push(cluster);
  }
  forward.sort((a, b) => earliestReturn[a]! - earliestReturn[b]! || latestCall[a]! - latestCall[b]!);
  // Forward zones, by start: each must start at or after every earlier one ends.
  let reach = -Infinity;
  let reachCluster = -1;
  for (const cluster of forward) {
    if (earliestReturn[cluster]! < reach) return { first: reachCluster, second: cluster };
    reach = latestCall[cluster]!;
    reachCluster = cluster;
  }
  // Disjoint and sorted by start, the forward zones are sorted by end too: the only
  // one that can hold a backward zone is the last to start strictly before it.
  for (const cluster of backward) {
    const holder = lastStartingBefore(forward, earliestReturn, latestCall[cluster]!);
    if (holder !== -1 && earliestReturn[cluster]! < latestCall[holder]!) return { first: holder, second: cluster };
  }
  return undefined;
}

/** lastStartingBefore: the last of `sorted` whose start is strictly below `time`, or -1. */
function lastStartingBefore(sorted: number[], start: Float64Array, time: number): number {
  let low = 0;
  let high = sorted.length; // invariant: sorted[< low] start before `time`, sorted[>= high] do not
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (start[sorted[middle]!]! < time) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? -1 : sorted[low - 1]!;
}
