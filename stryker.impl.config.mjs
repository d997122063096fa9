// Mutation testing of the store (impl/) with Stryker: `npm run mutate:impl`.
// Not part of `npm test`: a full run over impl/ takes hours on 2 cores.
//
// One file at a time (the usual way), e.g.:
//   npm run mutate:impl -- --mutate impl/replica.ts
// A few lines of one file:
//   npm run mutate:impl -- --mutate "impl/gc.ts:40-60"
//
// The tests are the store's own (stryker.impl.vitest.config.ts: test/impl, the fast
// integration scenarios and the model-based suite), not the long seed loops of
// test/integration/run-configurations and random-runs: with per-test coverage every
// simulator test reaches nearly every mutant, so a surviving mutant costs the whole
// selection, ~10 s without those two files and over a minute with them.
// Concurrency 1: the machine has 2 cores and the tests are CPU-bound.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "stryker.impl.vitest.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: ["impl/**/*.ts", "!impl/index.ts"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation-impl/index.html" },
  jsonReporter: { fileName: "reports/mutation-impl/mutation.json" },
  concurrency: 1,
  tempDirName: ".stryker-tmp/impl",
  // Only the mutated sources get `// @ts-nocheck`: the default also stamps test/, and the
  // test that the README quotes test/suite/readme-example.test.ts verbatim would fail.
  disableTypeChecks: "impl/**/*.ts",
};
