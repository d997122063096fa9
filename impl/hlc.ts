// Hybrid logical clock timestamps for last-write-wins. A timestamp is one number:
// physical ticks scaled by LOGICAL_SLOTS plus a logical counter, so it stays close to
// the wall clock but never goes backwards and always exceeds every timestamp seen.
import type { Ticks } from "../model/vocabulary.ts";

/** LOGICAL_SLOTS is how many logical steps fit in one physical tick before it spills over (harmless). */
export const LOGICAL_SLOTS = 1000;

/** nextTimestamp returns an HLC timestamp above `last` and every `seen` timestamp, near the wall clock. */
export function nextTimestamp(wallTicks: Ticks, last: number, seen: number): number {
  const physical = wallTicks * LOGICAL_SLOTS;
  const floor = last > seen ? last : seen;
  return physical > floor ? physical : floor + 1;
}

/** wallClockTimestamp is what the `lww-skew` bug uses: the local wall clock, monotonic per node only. */
export function wallClockTimestamp(wallTicks: Ticks, lastLocal: number): number {
  const physical = wallTicks * LOGICAL_SLOTS;
  return physical > lastLocal ? physical : lastLocal + 1;
}
