// Searching lists of facts kept in history order by their event index. A long history
// has hundreds of thousands of such facts, so the rules look them up by binary search.

/**
 * firstPositionAfter: of `count` items in history order, where `indexAt(position)` is an
 * item's event index, the position of the first item recorded after event `index`.
 */
export function firstPositionAfter(count: number, indexAt: (position: number) => number, index: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (indexAt(middle) <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** firstAfter is the position in `items` (in history order) of the first item recorded after event `index`. */
export function firstAfter(items: readonly { event: number }[], index: number): number {
  return firstPositionAfter(items.length, (position) => items[position]!.event, index);
}
