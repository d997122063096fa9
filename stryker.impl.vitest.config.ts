// Test runner settings for mutation testing of impl/ (stryker.impl.config.mjs): the store's
// own tests, the fast end-to-end scenarios and the model-based suite. Left out: the CLI
// tests (child processes Stryker cannot see into), the spec's and checker's own tests,
// and the long seed loops (run-configurations, random-runs), which reach every mutant and
// would cost a minute for each one that survives.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/impl/**/*.test.ts", "test/integration/**/*.test.ts", "test/suite/**/*.test.ts"],
    exclude: [
      "test/integration/run-configurations.test.ts",
      "test/integration/random-runs.test.ts",
      "test/suite/saved-failure.test.ts", // spawns the CLI
      "test/suite/etcd/**", // a real etcd cluster: it never loads impl/, and costs seconds per run
      "**/node_modules/**",
    ],
    // Stryker runs the tests in one worker thread whatever the pool. One module graph for
    // every test file: re-importing impl/, model/ and checker/ for each file cost three times
    // the tests themselves (measured on 2 cores: 63 s with isolation, 19 s without).
    isolate: false,
    testTimeout: 60_000,
  },
});
