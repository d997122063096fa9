// Lists grouped under keys in a Map: the spec groups purges by tombstone, breaches and
// operations by key, and each group keeps its items in the order they came.

/** appendTo adds `item` to the end of the list under `key` in `map`, starting the list if there is none. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}
