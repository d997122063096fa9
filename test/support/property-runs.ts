// Settings shared by the spec's property tests: one seed (printed in each test's title,
// so a failure replays), a modest number of runs that `npm run test:deep` raises, and
// `prop`, a property test on plain fast-check (importing @fast-check/vitest costs about
// two seconds per test file, which thirty files cannot afford).
import fc from "fast-check";
import { it } from "vitest";

/** seed is the fast-check seed of the spec's property tests. */
export const seed = 20261124;

/** deep says whether the deep run was asked for (LAZARUS_DEEP=1). */
export const deep = process.env["LAZARUS_DEEP"] === "1";

/** numRuns is `base` runs normally, fifty times as many in the deep run. */
export function numRuns(base = 200): number {
  return deep ? base * 50 : base;
}

/** chance draws true with probability `p` (fast-check's boolean has no bias of its own). */
export function chance(p: number): fc.Arbitrary<boolean> {
  return fc.integer({ min: 0, max: 999 }).map((n) => n < p * 1000);
}

/**
 * prop declares a property test, as @fast-check/vitest's `test.prop` does: `prop([a, b],
 * { seed, numRuns })(title, (x, y) => { ... })` checks the predicate on values drawn
 * from the arbitraries, and fails with the counterexample and the seed to replay it.
 */
export function prop<Ts extends unknown[]>(arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, parameters: fc.Parameters<[Ts]>) {
  return (title: string, predicate: (...values: Ts) => void): void => {
    it(title, () => {
      fc.assert(
        fc.property(fc.tuple<Ts>(...arbitraries), (values) => predicate(...values)),
        parameters,
      );
    });
  };
}
