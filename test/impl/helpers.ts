// Shared helpers for the impl tests: reading get results out of a recorded history.
import type { CompleteEvent, History, InvokeEvent, Value } from "../../model/vocabulary.ts";

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
