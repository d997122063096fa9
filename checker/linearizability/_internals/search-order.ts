// The order partitions are checked in: cheapest first, so that a bug in a small key is
// found before a large key's search takes the time budget, and a check stopping at the
// first invalid partition stops soon. The verdict lists partitions in history order
// whatever this order is (check.ts), so it changes how soon, never what is reported.

import type { PartitionInput } from "./search.ts";

/**
 * estimatedSearchCost is a cheap guess at how hard a partition's search is: its
 * operations times the most of them in flight at one moment. The search's work grows with
 * both (the concurrent operations are the orders it may have to try), and an operation
 * of unknown outcome stays in flight to the end, as it does for the search.
 */
export function estimatedSearchCost<Input, Output>(partition: PartitionInput<Input, Output>): number {
  const calls = Float64Array.from(partition.callTimes).sort();
  const returns = Float64Array.from(partition.returnTimes).sort();
  let inFlight = 0;
  let mostInFlight = 0;
  let returned = 0;
  for (const call of calls) {
    // An operation returning exactly when another is called overlaps it, as in the search's entry list.
    while (returns[returned]! < call) {
      returned++;
      inFlight--;
    }
    inFlight++;
    if (inFlight > mostInFlight) mostInFlight = inFlight;
  }
  return calls.length * mostInFlight;
}

/** cheapestFirst lists the partitions' indices by estimated search cost, ties in history order. */
export function cheapestFirst<Input, Output>(partitions: ReadonlyArray<PartitionInput<Input, Output>>): number[] {
  const costs = partitions.map(estimatedSearchCost);
  return partitions.map((_, index) => index).sort((a, b) => costs[a]! - costs[b]! || a - b);
}
