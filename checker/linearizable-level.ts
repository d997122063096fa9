// The linearizable level of a lazarus history: each key is a register whose initial
// state is absent and which a delete sets to absent. The generic engine searches for a
// linearization against model/sequential's key-value model.
import type { Anomaly } from "../model/anomaly.ts";
import type { Operation } from "../model/operations.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../model/sequential/index.ts";
import { verdictAnomalies } from "./engine-anomalies.ts";
import { checkOperations, type CheckOptions } from "./linearizability/index.ts";

/** toEngineOperation turns a paired client operation into the engine's form. */
function toEngineOperation(op: Operation): EngineOperation<KvInput, KvOutput> {
  const input: KvInput =
    op.kind === "put" ? { kind: "put", key: op.key, value: op.value ?? "" } : { kind: op.kind, key: op.key };
  const output: KvOutput | undefined = op.outcome !== "ok" ? undefined : (op.result ?? null);
  const eventIndices = op.completeIndex === undefined ? [op.invokeIndex] : [op.invokeIndex, op.completeIndex];
  return { process: op.process, outcome: op.outcome, input, output, callTime: op.callAt, returnTime: op.returnAt, eventIndices };
}

/** LinearizableFindings is what the search adds to the rules' findings. */
export interface LinearizableFindings {
  anomalies: Anomaly[];
  unknown?: { key: string | null; reason: string };
}

/** checkLinearizable runs the search over every key of a history's operations. */
export function checkLinearizable(operations: readonly Operation[], options: CheckOptions): LinearizableFindings {
  const engineOperations = operations.map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, engineOperations, options);
  switch (verdict.kind) {
    case "valid":
      return { anomalies: [] };
    case "unknown":
      return { anomalies: [], unknown: { key: verdict.key, reason: verdict.reason } };
    case "invalid":
      return { anomalies: verdictAnomalies(verdict, engineOperations) };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}
