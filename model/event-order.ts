// Searching lists of facts kept in history order by their event index. A long history
// has hundreds of thousands of such facts, so the rules look them up by binary search.

/** firstAfter is the position in `items` (sorted by `event`) of the first item recorded after event `index`. */
export function firstAfter(items: readonly { event: number }[], index: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]!.event <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}
