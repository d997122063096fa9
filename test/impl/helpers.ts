// Shared helpers for the impl tests: a cluster where nothing repairs behind the test's
// back, scripted writes while replicas are down, and reading events and get results out
// of a recorded history.
import type { CompleteEvent, History, HistoryEvent, InvokeEvent, Key, NodeId, Value } from "../../model/vocabulary.ts";
import type { Driver, StoreOptionsInput } from "../../impl/index.ts";

/**
 * quiet: strict quorums and no background repair (no anti-entropy, no read repair), so a
 * replica holds only what the test wrote to it or repaired explicitly.
 */
export const quiet: StoreOptionsInput = { sloppyQuorum: false, antiEntropyIntervalTicks: 0, readRepair: "off" };

/** eventsOf lists the events of one kind a driver has recorded so far. */
export function eventsOf<K extends HistoryEvent["kind"]>(driver: Driver, kind: K): Array<Extract<HistoryEvent, { kind: K }>> {
  return driver.history().events.filter((event): event is Extract<HistoryEvent, { kind: K }> => event.kind === kind);
}

/**
 * putWhileDown writes `value` through `coordinator` while the `down` nodes are crashed,
 * lets the write reach every replica that is up, then restarts them: they miss it.
 */
export function putWhileDown(driver: Driver, down: readonly NodeId[], key: Key, value: Value, coordinator: NodeId): void {
  for (const node of down) driver.crash(node);
  driver.put(0, key, value, coordinator);
  driver.advance(5);
  for (const node of down) driver.restart(node);
}

/** okGetsAfter returns the ok get completions invoked strictly after `time`. */
export function okGetsAfter(history: History, time: number): CompleteEvent[] {
  const invokedAt = new Map<number, number>();
  const gets: CompleteEvent[] = [];
  for (const event of history.events) {
    if (event.kind === "invoke") invokedAt.set(event.process, event.time);
    if (event.kind === "complete" && event.op === "get" && event.outcome === "ok") {
      if ((invokedAt.get(event.process) ?? -1) > time) gets.push(event);
    }
  }
  return gets;
}

/** returnsValue says whether a get's result contains `value` (single value or among siblings). */
export function returnsValue(get: CompleteEvent, value: Value): boolean {
  const result = get.result;
  if (result === undefined) return false;
  if (result.kind === "value") return result.value === value;
  if (result.kind === "siblings") return result.values.includes(value);
  return false;
}

/** invokes lists the invoke events of a history. */
export function invokes(history: History): InvokeEvent[] {
  return history.events.filter((event): event is InvokeEvent => event.kind === "invoke");
}
