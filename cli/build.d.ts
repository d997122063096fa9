// The types of cli/build.js, a plain JavaScript file (it runs at `npm ci`, before any
// TypeScript loader), for the test setup and the benchmarks that import it.

/** BuildOutcome is what one build came to; cli/build.js says what each means. */
export type BuildOutcome = "built" | "type-errors" | "failed" | "no-typescript";

/** build compiles dist/ with tsc, copies the run-time assets beside it, bundles the command into dist/bundle/, and stamps it. */
export function build(): Promise<BuildOutcome>;

/** buildIfStale builds dist/ unless it is current; rejects when the build leaves no usable dist/. */
export function buildIfStale(): Promise<void>;
