// A failing run as a history file: the history it recorded, with an origin that lists its
// configuration, every step it played and fast-check's seed and path, so that `lazarus
// replay` records it again and fast-check can run it again.
import type { History } from "../model/vocabulary.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeHistory } from "../histories/format/writer.ts";
import type { SuiteOutcome } from "./run-suite.ts";

/**
 * counterexampleHistory returns the shrunk counterexample's history with its origin filled
 * in. For the in-process store the configuration is the simulator's options; another
 * store's configuration is kept as given (or `{}`), for people and fast-check's replay, and
 * the origin names that store, so that `lazarus replay` refuses to simulate it.
 */
export function counterexampleHistory<Config>(outcome: SuiteOutcome<Config>, description: string): History {
  const example = outcome.counterexample;
  if (example === undefined) throw new Error("counterexampleHistory: the suite found no counterexample");
  const origin = {
    ...(example.store === "simulator" ? {} : { store: example.store }),
    options: (example.config === undefined ? {} : JSON.parse(JSON.stringify(example.config))) as Record<string, unknown>,
    steps: example.steps.map((step) => ({ ...step })),
    ...(outcome.path === undefined ? {} : { fastCheck: { seed: outcome.seed, path: outcome.path, ...(outcome.replayPath === undefined ? {} : { replayPath: outcome.replayPath }) } }),
  };
  return { header: { ...example.history.header, description, origin }, events: example.history.events };
}

/** saveCounterexample writes the counterexample into `directory` (made if missing) and returns the file's path. */
export function saveCounterexample<Config>(outcome: SuiteOutcome<Config>, directory: string): string {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `suite-failure-seed-${outcome.seed}.jsonl`);
  const description = `property-suite counterexample (seed ${outcome.seed}, path ${outcome.path}): ${outcome.counterexample?.message ?? ""}`;
  writeFileSync(path, serializeHistory(counterexampleHistory(outcome, description)));
  return path;
}
