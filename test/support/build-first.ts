// vitest's global setup: the tests that spawn `lazarus` (cli/bin.js) must run the compiled
// dist/ a user runs, so a stale or missing dist/ is built once before any test file starts.
import { buildIfStale } from "../../cli/build.js";

/** setup builds dist/ when a source is newer than it (a few seconds; nothing when current). */
export async function setup(): Promise<void> {
  await buildIfStale();
}
