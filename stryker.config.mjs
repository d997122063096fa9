// Mutation testing of the executable spec (model/) with Stryker: `npm run mutate`.
// Not part of `npm test`: a full run takes a long while (see the report in reports/mutation/).
//
// One file at a time (much faster), e.g.:
//   npm run mutate -- --mutate model/gc-contract.ts
// A few lines of one file:
//   npm run mutate -- --mutate "model/purges.ts:100-140"
//
// Only the tests that judge histories run (stryker.vitest.config.ts: test/model and
// test/checker); with per-test coverage each mutant runs just the tests that reach it.
// Measured on 2 cores: with test/integration too, the simulator's end-to-end runs reach
// nearly every mutant and cost ~3 s per mutant (~100 min for model/); without them
// ~0.4 s per mutant. The spec's own tests are meant to kill its mutants.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: ["model/**/*.ts", "!model/index.ts", "!model/sequential/index.ts"],
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  concurrency: 2,
  tempDirName: ".stryker-tmp",
};
