// Writes histories/zoo/<bug>.jsonl: for each known bug, the shrunk counterexample the
// suite finds from the zoo's fixed seed, with its configuration, steps and fast-check
// replay path in the header's origin. `npm run zoo` runs it; test/suite/zoo-files.test.ts
// checks each file's verdict and replays it byte for byte. Then it writes the tour of the
// zoo from these files (docs/bug-zoo.md's generated parts and docs/zoo/).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeZooTour } from "../cli/zoo-tour/index.ts";
import { serializeHistory } from "../histories/format/writer.ts";
import { zoo, zooRuns, zooSeed, zooSuite } from "./bug-zoo.ts";
import { counterexampleHistory } from "./counterexample.ts";
import { checkSuite, describeFailure } from "./run-suite.ts";

const directory = fileURLToPath(new URL("../histories/zoo/", import.meta.url));
mkdirSync(directory, { recursive: true });
for (const entry of zoo) {
  const outcome = await checkSuite(zooSuite(entry, { numRuns: zooRuns, seed: zooSeed }));
  if (outcome.passed) {
    process.stderr.write(`${entry.bug}: no counterexample in ${zooRuns} runs from seed ${zooSeed}\n`);
    process.exitCode = 1;
    continue;
  }
  const description = `bug zoo: ${entry.bug}. Expected verdict: invalid (${entry.convictedAs.join(" or ")}). ${outcome.counterexample!.message}`;
  writeFileSync(join(directory, `${entry.bug}.jsonl`), serializeHistory(counterexampleHistory(outcome, description)));
  process.stdout.write(`${describeFailure(outcome)}\n\n`);
}
// A bug that found no counterexample keeps its old file, which may no longer replay: the
// tour waits until the zoo is whole again.
if (process.exitCode !== 1) await writeZooTour();
