// The model-based suite on the correct store: fast-check draws a configuration and up to 60
// commands (overlapping ops of 3 processes on 2 keys, crashes, partitions, skews, time,
// anti-entropy, hints, quiesce), every get is checked as it returns, and every history is
// checked whole at the end. `npm run test:deep` runs 100 times more from a fresh seed and
// prints runs per second and the seed to replay a failure with (LAZARUS_SUITE_SEED=SEED).
import { expect, it } from "vitest";
import { describeFailure, runSuite } from "../../suite/run-suite.ts";
import { simulatorSuite } from "../../suite/simulator-suite.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const numRuns = deep ? 30_000 : 300;
// LAZARUS_SUITE_SEED runs a given seed again (the one a failure printed).
const given = process.env["LAZARUS_SUITE_SEED"];
const seed = given !== undefined ? Number(given) : deep ? Date.now() % 2 ** 31 : 20261124;

it(`the correct store passes ${numRuns} generated runs (seed ${seed})`, async () => {
  const started = performance.now();
  const outcome = await runSuite(simulatorSuite({}, { numRuns, seed })).catch((error: Error) => {
    console.log(`the suite failed from seed ${seed}: LAZARUS_SUITE_SEED=${seed} runs it again; the message names the saved counterexample`);
    throw error;
  });
  const seconds = (performance.now() - started) / 1000;
  if (deep) console.log(`${outcome.numRuns} runs in ${seconds.toFixed(1)} s: ${(outcome.numRuns / seconds).toFixed(0)} runs per second (seed ${seed})`);
  expect(outcome.passed, describeFailure(outcome)).toBe(true);
  expect(outcome.numRuns).toBe(numRuns);
}, 600_000);
