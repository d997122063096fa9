// A suite step as a fast-check command: `check` is the model's precondition, `run` plays
// the step on the store and then updates the model. fast-check prints a counterexample
// with `toString`, so a failing run reads as a timeline of steps.
import type fc from "fast-check";
import { allows, apply, type SuiteModel } from "./suite-model.ts";
import type { StepRunner } from "./step-runner.ts";
import { describeStep, type SuiteStep } from "./step.ts";

/** StepCommand wraps one step for fc.commands / fc.asyncModelRun. */
export class StepCommand implements fc.AsyncCommand<SuiteModel, StepRunner> {
  constructor(readonly step: SuiteStep) {}

  check(model: Readonly<SuiteModel>): boolean {
    return allows(model as SuiteModel, this.step);
  }

  async run(model: SuiteModel, runner: StepRunner): Promise<void> {
    await runner.run(this.step);
    apply(model, this.step);
  }

  toString(): string {
    return describeStep(this.step);
  }
}
