// Another store through the exported adapter interface: a three-replica map that forgets
// deletes. The suite must convict it of what it is, a naive-delete store.
import { expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { MapAdapter } from "../../suite/map-adapter.ts";
import { checkSuite, describeFailure, runSuite } from "../../suite/run-suite.ts";

it("convicts a map that forgets deletes of resurrection, in a few commands", async () => {
  const outcome = await checkSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7 });
  expect(outcome.passed).toBe(false);
  const example = outcome.counterexample!;
  expect(checkHistory(example.history).anomalies.map((anomaly) => anomaly.kind)).toContain("resurrection");
  expect(example.commands).toBeLessThanOrEqual(8);
  expect(describeFailure(outcome)).toMatch(/crash m\d/);
});

it("runSuite throws the readable counterexample", async () => {
  await expect(runSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7, saveFailureTo: false })).rejects.toThrow(/resurrection at event \d+/);
});
