// Checks a history imported from elsewhere (Jepsen, Porcupine) for linearizability
// against the sequential model it fits, or the one the user names.
import {
  createCasRegisterModel,
  createRegisterModel,
  linearizableKvModel,
  porcupineKvModel,
  type Operation,
  type RegisterValue,
  type SequentialModel,
} from "../model/sequential/index.ts";
import type { ImportedHistory } from "../histories/import/result.ts";
import { verdictAnomalies, verdictUnchecked, verdictUndecided } from "./engine-anomalies.ts";
import { checkOperations, decideShare, type CheckOptions, type SearchSharing } from "./linearizability/index.ts";
import { verdictOf, type HistoryCheck } from "./verdict.ts";

/** ModelName is a sequential model as `--model` spells it. */
export type ModelName = "register" | "cas-register" | "kv" | "porcupine-kv";

/** modelNames lists the models `--model` accepts. */
export const modelNames: readonly ModelName[] = ["register", "cas-register", "kv", "porcupine-kv"];

/** ImportedCheck is a check, or why the chosen model cannot check this history. */
export type ImportedCheck = { ok: true; check: HistoryCheck } | { ok: false; message: string; fix: string };

/** defaultModelFor is the model an imported history fits best. */
export function defaultModelFor(history: ImportedHistory): ModelName {
  return history.kind;
}

/** checkImported checks an imported history with `modelName` (default: the one it fits). */
export function checkImported(
  history: ImportedHistory,
  modelName: ModelName = defaultModelFor(history),
  initial: RegisterValue = null,
  options: CheckOptions = {},
): ImportedCheck {
  const checked = withModel(history, modelName, initial, { visit: (model, operations) => run(model, operations, modelName, options) });
  if (checked.ok && history.skipped !== undefined) checked.check.skipped = history.skipped;
  return checked;
}

/**
 * helpCheckImported is a helper thread's part of checkImported's searches (options.sharing
 * says which): it decides what it claims and gathers no verdict of its own.
 */
export function helpCheckImported(history: ImportedHistory, modelName: ModelName | undefined, initial: RegisterValue, options: CheckOptions & { sharing: SearchSharing }): void {
  withModel(history, modelName ?? defaultModelFor(history), initial, { visit: (model, operations) => decideShare(model, operations, options) });
}

/** ModelVisitor is what is done with an imported history's operations and the sequential model that checks them. */
interface ModelVisitor<R> {
  visit<S, I, O>(model: SequentialModel<S, I, O>, operations: ReadonlyArray<Operation<I, O>>): R;
}

/** ModelMismatch says why the model asked for cannot check the history. */
type ModelMismatch = { ok: false; message: string; fix: string };

/** withModel hands `visitor` the history's operations and the model `modelName` names, or says why that model cannot check them. */
function withModel<R>(history: ImportedHistory, modelName: ModelName, initial: RegisterValue, visitor: ModelVisitor<R>): R | ModelMismatch {
  const mismatch: ModelMismatch = { ok: false, message: `a ${history.kind} history cannot be checked with the ${modelName} model`, fix: `use --model ${defaultModelFor(history)}, or leave --model out` };
  switch (history.kind) {
    case "cas-register": {
      if (modelName === "cas-register") return visitor.visit(createCasRegisterModel({ initial }), history.operations);
      if (modelName !== "register") return mismatch;
      if (history.operations.some((op) => op.input.kind === "cas")) {
        return { ok: false, message: "the history has cas operations, which the register model cannot check", fix: "use --model cas-register" };
      }
      return visitor.visit(createRegisterModel({ initial }), history.operations as Array<Operation<never, never>>);
    }
    case "kv":
      return modelName === "kv" ? visitor.visit(linearizableKvModel, history.operations) : mismatch;
    case "porcupine-kv":
      return modelName === "porcupine-kv" ? visitor.visit(porcupineKvModel, history.operations) : mismatch;
    default: {
      const unreachable: never = history;
      return unreachable;
    }
  }
}

function run<S, I, O>(
  model: SequentialModel<S, I, O>,
  operations: ReadonlyArray<Operation<I, O>>,
  level: ModelName,
  options: CheckOptions,
): ImportedCheck {
  const verdict = checkOperations(model, operations, options);
  const anomalies = verdictAnomalies(verdict, operations);
  const keys = new Set(operations.map((op) => (model.partitionKey === undefined ? "" : model.partitionKey(op.input))));
  const unknown = verdictUndecided(verdict);
  const check: HistoryCheck = {
    verdict: verdictOf(anomalies, unknown),
    level,
    anomalies,
    explained: [],
    unknown,
    unchecked: verdictUnchecked(verdict),
    statistics: { operations: operations.length, keys: keys.size },
    eventsAre: "lines",
  };
  return { ok: true, check };
}
