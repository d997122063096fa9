// The bug zoo: for every known bug switch, the suite must find a counterexample from the
// zoo's fixed seed within a fixed number of runs, the checker must convict it (a bug kind,
// not an explanation), and fast-check must shrink it to at most 12 commands.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { zoo, zooRuns, zooSeed, zooSuite } from "../../suite/bug-zoo.ts";
import { checkSuite, describeFailure } from "../../suite/run-suite.ts";

describe("the bug zoo", () => {
  for (const entry of zoo) {
    it(`finds, convicts and shrinks ${entry.bug}`, async () => {
      const outcome = await checkSuite(zooSuite(entry, { numRuns: zooRuns, seed: zooSeed }));
      expect(outcome.passed, `no counterexample for ${entry.bug} in ${zooRuns} runs`).toBe(false);
      const example = outcome.counterexample!;
      const check = checkHistory(example.history);
      const kinds = check.anomalies.map((anomaly) => anomaly.kind);
      expect(kinds.some((kind) => entry.convictedAs.includes(kind)), `${describeFailure(outcome)}\nkinds: ${kinds.join(", ")}`).toBe(true);
      expect(example.commands, describeFailure(outcome)).toBeLessThanOrEqual(12);
      // The timeline names each command and what the ops returned.
      expect(describeFailure(outcome)).toMatch(/ 1\. /);
    }, 120_000);
  }
});
