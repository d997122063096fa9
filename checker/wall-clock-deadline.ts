// The deadline `lazarus check --timeout` sets for a file's linearizability searches: wall
// clock time, which the engine never reads itself (it only asks whether the deadline has
// passed), so that a check without a timeout stays deterministic.
import type { Deadline } from "./linearizability/index.ts";
import { monotonicMs } from "./monotonic-clock.ts";

/**
 * wallClockDeadline passes `seconds` of wall-clock time after it is first asked, that is
 * when the first search begins: reading the file and the spec's other rules, which always
 * run to the end, do not use up the searches' time.
 */
export function wallClockDeadline(seconds: number): Deadline {
  let endsAtMs: number | undefined;
  return {
    passed() {
      const nowMs = monotonicMs();
      endsAtMs ??= nowMs + seconds * 1000;
      return nowMs >= endsAtMs;
    },
  };
}

/** deadlineAt passes at `endsAtMs` on the monotonic clock: a helper thread's share of the main thread's deadline. */
export function deadlineAt(endsAtMs: number): Deadline {
  return { passed: () => monotonicMs() >= endsAtMs };
}
