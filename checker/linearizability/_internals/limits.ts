// The two limits a search stops at without a verdict: its budget of steps, and a deadline
// the caller sets (a wall clock, say). The search looks at them only every so many steps,
// so that the deadline, a clock read, costs nothing on its hot path.

/**
 * Deadline says when searching must stop. The engine never reads a clock itself: the
 * caller decides what time means (the CLI's wall clock, a test's countdown), so a check
 * without one is deterministic.
 */
export interface Deadline {
  passed(): boolean;
}

/** SearchLimit names the limit an undecided search reached. */
export type SearchLimit = "steps" | "time";

/** deadlinePollSteps: steps between two looks at the deadline; at well under a microsecond a step, a look every ~1,000 keeps its cost out of sight and the overrun under a millisecond. */
const deadlinePollSteps = 1024;

/** firstPause is the step count at which a search first looks at its limits: at once when it has a deadline, which may have passed already. */
export function firstPause(maxSteps: number, deadline: Deadline | undefined): number {
  return deadline === undefined ? maxSteps : 0;
}

/**
 * nextPause is called when a search has taken `steps` steps and reached its pause: it
 * returns the limit reached, if any, else the step count of the next pause.
 */
export function nextPause(steps: number, maxSteps: number, deadline: Deadline | undefined): number | SearchLimit {
  if (steps >= maxSteps) return "steps";
  if (deadline?.passed() === true) return "time";
  return deadline === undefined ? maxSteps : Math.min(maxSteps, steps + deadlinePollSteps);
}
