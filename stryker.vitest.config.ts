// Test runner settings for mutation testing (stryker.config.mjs): only the tests that
// judge histories against the spec. The CLI tests spawn processes Stryker cannot see
// into, and the simulator's tests exercise impl/, not model/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/model/**/*.test.ts", "test/checker/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
  },
});
