// A failing run as a history file: the history it recorded, with an origin that lists its
// configuration, every step it played and fast-check's seed and path, so that `lazarus
// replay` records it again and fast-check can run it again.
import type { History } from "../model/vocabulary.ts";
import type { SuiteOutcome } from "./run-suite.ts";
import type { SimulatorConfig } from "./simulator-configurations.ts";

/** counterexampleHistory returns the shrunk counterexample's history with its origin filled in. */
export function counterexampleHistory(outcome: SuiteOutcome<SimulatorConfig>, description: string): History {
  const example = outcome.counterexample;
  if (example === undefined) throw new Error("counterexampleHistory: the suite found no counterexample");
  const origin = {
    options: JSON.parse(JSON.stringify(example.config)) as Record<string, unknown>,
    steps: example.steps.map((step) => ({ ...step })),
    ...(outcome.path === undefined ? {} : { fastCheck: { seed: outcome.seed, path: outcome.path } }),
  };
  return { header: { ...example.history.header, description, origin }, events: example.history.events };
}
