// The property suite as a function another project can call from its own tests:
// fast-check draws a configuration and a command list, the commands drive a fresh store
// through its adapter (forbidden reads fail at once), and the run ends with the checker on
// the whole history. `checkSuite` returns the outcome with the shrunk counterexample;
// `runSuite` throws it as a readable timeline.
import fc from "fast-check";
import type { History } from "../model/vocabulary.ts";
import { offeredFaults, type StoreAdapter } from "./adapter.ts";
import { commandsArbitrary, defaultShape, type CommandShape } from "./arbitraries.ts";
import { judgeRun, provokedByFaults, settle, type ProvokedExplanations } from "./run-end.ts";
import { newSuiteModel } from "./suite-model.ts";
import { StepRunner } from "./step-runner.ts";
import type { SuiteStep } from "./step.ts";
import { timeline } from "./timeline.ts";
import { saveCounterexample } from "./counterexample.ts";

/** SuiteOptions: the store, the configurations to draw, and how hard to look. */
export interface SuiteOptions<Config = undefined> {
  /** create makes a fresh store for one run of `config`. */
  create(config: Config): StoreAdapter | Promise<StoreAdapter>;
  /** configurations draws the store's configuration with the commands, so shrinking simplifies it too. */
  configurations?: fc.Arbitrary<Config>;
  /** shape: processes, keys, command count; the faults default to the hooks the adapter offers. */
  shape?: Partial<CommandShape>;
  /** maxOut: how many nodes may be down or cut off at once, for a cluster of this size (default: a minority). */
  maxOut?: (nodeCount: number) => number;
  /** provoked: which explained kinds a run's history may show (default: provokedByFaults). */
  provoked?: ProvokedExplanations<Config>;
  numRuns?: number;
  seed?: number;
  /** path: fast-check's replay path of a failing run, with its seed. */
  path?: string;
  /** replayPath: fc.commands' own replay path of that run (it shrinks the command list the same way again). */
  replayPath?: string;
  /**
   * saveFailureTo: where runSuite saves a counterexample's history, with its configuration,
   * steps, seed and path in the header's origin (default reports/suite-failures; false: nowhere).
   */
  saveFailureTo?: string | false;
}

/** RunRecord is one failing run: enough to print it, save it and replay it. */
export interface RunRecord<Config> {
  /** store: the adapter's store name ("unnamed" when it gives none). */
  store: string;
  config: Config;
  /** steps: every step played, the generated commands first and then the end of the run (settle). */
  steps: SuiteStep[];
  /** commands: how many of the steps were generated commands. */
  commands: number;
  marks: number[];
  history: History;
  message: string;
}

/** SuiteOutcome is what checkSuite found. */
export interface SuiteOutcome<Config> {
  passed: boolean;
  numRuns: number;
  /** runsToFailure: the run at which the first failure was found (before shrinking). */
  runsToFailure?: number;
  seed: number;
  path?: string;
  replayPath?: string;
  /** counterexample: the shrunk failing run. */
  counterexample?: RunRecord<Config>;
  /** report: fast-check's own report of the failure. */
  report?: string;
  /** savedTo: the file runSuite saved the counterexample to. */
  savedTo?: string;
}

const minority = (nodeCount: number) => Math.max(1, Math.floor((nodeCount - 1) / 2));

/** checkSuite runs the property and returns its outcome; it never throws for a failing store. */
export async function checkSuite<Config>(options: SuiteOptions<Config>): Promise<SuiteOutcome<Config>> {
  const configurations = options.configurations ?? (fc.constant(undefined) as fc.Arbitrary<Config>);
  const probe = await options.create(fc.sample(configurations, { numRuns: 1, seed: 0 })[0]!);
  const shape: CommandShape = { ...defaultShape, nodes: probe.nodes.length, faults: offeredFaults(probe), ...options.shape };
  await probe.close?.();
  const maxOut = options.maxOut ?? minority;
  let failing: RunRecord<Config> | undefined;
  const property = fc.asyncProperty(configurations, commandsArbitrary(shape, options.replayPath), async (config, commands) => {
    const adapter = await options.create(config);
    const runner = new StepRunner(adapter);
    let generated: number | undefined;
    const record = (message: string): RunRecord<Config> => ({
      store: adapter.store ?? "unnamed",
      config,
      steps: [...runner.steps],
      commands: generated ?? runner.steps.length,
      marks: [...runner.marks],
      history: adapter.history(),
      message,
    });
    try {
      await fc.asyncModelRun(() => ({ model: newSuiteModel(adapter.nodes.length, maxOut(adapter.nodes.length)), real: runner }), commands);
      generated = runner.steps.length;
      await settle(runner);
      const history = adapter.history();
      const failure = judgeRun(history, (options.provoked ?? provokedByFaults)(history, config));
      if (failure !== undefined) {
        failing = record(failure.message);
        return false;
      }
      return true;
    } catch (error) {
      failing = record(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      await adapter.close?.();
    }
  });
  const seed = options.seed ?? Date.now() ^ (Math.random() * 0x100000000);
  const numRuns = options.numRuns ?? 100;
  const result = await fc.check(property, { numRuns, seed, path: options.path, endOnFailure: options.path !== undefined });
  if (!result.failed) return { passed: true, numRuns: result.numRuns, seed };
  return {
    passed: false,
    numRuns: result.numRuns,
    runsToFailure: result.numRuns,
    seed: result.seed,
    path: result.counterexamplePath ?? undefined,
    replayPath: /replayPath="([^"]*)"/.exec(String(result.counterexample?.[1] ?? ""))?.[1],
    counterexample: failing,
    report: fc.defaultReportMessage(result) ?? undefined,
  };
}

/** describeFailure prints a failing run: the configuration, the timeline, the finding, and how to replay it. */
export function describeFailure<Config>(outcome: SuiteOutcome<Config>): string {
  const example = outcome.counterexample;
  if (example === undefined) return outcome.report ?? "the property failed";
  return [
    `The store failed at run ${outcome.runsToFailure}; shrunk to ${example.commands} commands (then ${example.steps.length - example.commands} steps to settle and read).`,
    ...(example.config === undefined ? [] : [`configuration: ${JSON.stringify(example.config)}`]),
    timeline(example.steps, example.marks, example.history),
    example.message,
    `replay: seed ${outcome.seed}, path "${outcome.path}", replayPath "${outcome.replayPath}" (the suite's options of the same names)`,
    ...(outcome.savedTo === undefined ? [] : [`saved: ${outcome.savedTo} (lazarus replay ${outcome.savedTo} records it again when the store is the in-process one)`]),
  ].join("\n");
}

/** runSuite runs the property and throws a readable timeline of the shrunk counterexample if it fails. */
export async function runSuite<Config>(options: SuiteOptions<Config>): Promise<SuiteOutcome<Config>> {
  const outcome = await checkSuite(options);
  if (outcome.passed) return outcome;
  const directory = options.saveFailureTo ?? "reports/suite-failures";
  if (directory !== false && outcome.counterexample !== undefined) outcome.savedTo = saveCounterexample(outcome, directory);
  throw new Error(describeFailure(outcome));
}
