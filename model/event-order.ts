// Searching lists of facts kept in history order by their event index. A long history
// has hundreds of thousands of such facts, so the rules look them up by binary search.

/**
 * firstPositionAfter: of `count` items in history order, where `indexAt(position)` is an
 * item's event index, the position of the first item recorded after event `index`.
 */
export function firstPositionAfter(count: number, indexAt: (position: number) => number, index: number): number {
  return firstPositionWhere(count, (position) => indexAt(position) > index);
}

/**
 * firstPositionWhere: of `count` items in history order, where `holds` is false for some
 * first items and true for all the rest (as "recorded after an event", or "at or after a
 * tick", is), the position of the first for which it holds.
 */
export function firstPositionWhere(count: number, holds: (position: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** firstAfter is the position in `items` (in history order) of the first item recorded after event `index`. */
export function firstAfter(items: readonly { event: number }[], index: number): number {
  return firstPositionAfter(items.length, (position) => items[position]!.event, index);
}
