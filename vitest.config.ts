// Test runner settings: tests mirror the source tree under test/. The global setup builds
// dist/ first when it is stale, so that the tests that spawn `lazarus` run what users run;
// LAZARUS_FROM=dist keeps them on that build if a source is edited while they run.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build-first.ts"],
    env: { LAZARUS_FROM: "dist" },
    pool: "forks",
    testTimeout: 60_000,
  },
});
