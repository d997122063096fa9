// The linearizable level of a lazarus history: each key is a register whose initial
// state is absent and which a delete sets to absent. The generic engine searches for a
// linearization against model/sequential's key-value model.
import { explainedAs, type Anomaly } from "../model/anomaly.ts";
import type { HistoryContext } from "../model/history-context.ts";
import { operationEvents, type Operation } from "../model/operations.ts";
import { breachFallbacks } from "../model/rules/breach-fallbacks.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../model/sequential/index.ts";
import { verdictAnomalies } from "./engine-anomalies.ts";
import { checkOperations, type CheckOptions } from "./linearizability/index.ts";

/** toEngineOperation turns a paired client operation into the engine's form. */
function toEngineOperation(op: Operation): EngineOperation<KvInput, KvOutput> {
  const input: KvInput =
    op.kind === "put" ? { kind: "put", key: op.key, value: op.value ?? "" } : { kind: op.kind, key: op.key };
  const output: KvOutput | undefined = op.outcome !== "ok" ? undefined : (op.result ?? null);
  return { process: op.process, outcome: op.outcome, input, output, callTime: op.callAt, returnTime: op.returnAt, eventIndices: operationEvents(op) };
}

/** LinearizableFindings is what the search adds to the rules' findings. */
export interface LinearizableFindings {
  anomalies: Anomaly[];
  unknown?: { key: string | null; reason: string };
}

/** checkLinearizable runs the search over every key of a history's operations. */
export function checkLinearizable(context: HistoryContext, options: CheckOptions): LinearizableFindings {
  const engineOperations = context.operations.map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, engineOperations, options);
  switch (verdict.kind) {
    case "valid":
      return { anomalies: [] };
    case "unknown":
      return { anomalies: [], unknown: { key: verdict.key, reason: verdict.reason } };
    case "invalid":
      return { anomalies: verdictAnomalies(verdict, engineOperations).map((a) => explainByBreach(context, a, options)) };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

/** explanationSteps bounds the search that tries a breach's fallbacks on one key. */
const explanationSteps = 1_000_000;

/**
 * explainByBreach re-labels a key's non-linearizable history as `gc-grace-violation` when
 * it linearizes once the GC-contract breaches may reset the key (a rebuild dropping what a
 * long-absent node held, a purge letting a hidden value back: model/rules/breach-fallbacks.ts).
 */
function explainByBreach(context: HistoryContext, anomaly: Anomaly, options: CheckOptions): Anomaly {
  const history = anomaly.key === undefined ? undefined : context.keys.get(anomaly.key);
  if (history === undefined) return anomaly;
  const resets = breachFallbacks(context, history);
  if (resets.length === 0) return anomaly;
  const operations = [...history.operations, ...resets.flatMap((reset) => reset.operations)].map(toEngineOperation);
  // An explanation is worth a bounded search: past the bound the finding stays a bug.
  const budget = { ...options, maxStepsPerPartition: Math.min(options.maxStepsPerPartition ?? explanationSteps, explanationSteps) };
  if (checkOperations(linearizableKvModel, operations, budget).kind !== "valid") return anomaly;
  const breaches = resets.map((reset) => reset.breach);
  return explainedAs(
    anomaly,
    "gc-grace-violation",
    breaches.flatMap((b) => b.events),
    `Explained by a breach of the GC contract: it linearizes if the key fell back after ${breaches.map((b) => b.message).join(" and ")}`,
  );
}
