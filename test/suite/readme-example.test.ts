import { expect, it } from "vitest";
import { checkSuite, describeFailure, MapAdapter } from "lazarus/suite";

it("the suite convicts a store that forgets deletes", async () => {
  // Your store goes here: any object that implements StoreAdapter.
  const outcome = await checkSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7 });
  expect(outcome.passed).toBe(false);
  expect(describeFailure(outcome)).toMatch(/resurrection/);
});
