// A monotonic clock in milliseconds, for the --timeout deadline and the progress line.
// process.hrtime, not performance.now(): the global `performance` loads perf_hooks and ten
// modules behind it on first use, a few milliseconds of a check that aims at 0.12 s.

/** monotonicMs is milliseconds since an arbitrary start; it never goes back. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
