// The linearizable level of a lazarus history: each key is a register whose initial
// state is absent and which a delete sets to absent. The generic engine searches for a
// linearization against model/sequential's key-value model.
import { explainedAs, type Anomaly } from "../model/anomaly.ts";
import type { HistoryContext } from "../model/history-context.ts";
import { operationEvents, type Operation } from "../model/operations.ts";
import { breachFallbacks } from "../model/rules/breach-fallbacks.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../model/sequential/index.ts";
import { verdictAnomalies, verdictUndecided } from "./engine-anomalies.ts";
import { checkOperations, type CheckOptions } from "./linearizability/index.ts";
import type { UndecidedKey } from "./verdict.ts";

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
  /** unknown: the keys a search (the main one or an explanation's) left undecided. */
  unknown: UndecidedKey[];
}

/** checkLinearizable runs the search over every key of a history's operations. */
export function checkLinearizable(context: HistoryContext, options: CheckOptions): LinearizableFindings {
  const engineOperations = context.operations.map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, engineOperations, options);
  const findings: LinearizableFindings = { anomalies: [], unknown: verdictUndecided(verdict) };
  for (const anomaly of verdictAnomalies(verdict, engineOperations)) {
    const explanation = explainByBreach(context, anomaly, options);
    switch (explanation.kind) {
      case "bug":
        findings.anomalies.push(anomaly);
        break;
      case "explained":
        findings.anomalies.push(explanation.anomaly);
        break;
      case "undecided":
        findings.unknown.push(...explanation.keys);
        break;
      default: {
        const unreachable: never = explanation;
        return unreachable;
      }
    }
  }
  return findings;
}

/**
 * Explanation is what the search with a key's breach fallbacks concludes about a
 * not-linearizable finding: still a `bug`, `explained` by the breach (the re-labelled
 * anomaly), or `undecided` when that search ran out of budget.
 */
type Explanation = { kind: "bug" } | { kind: "explained"; anomaly: Anomaly } | { kind: "undecided"; keys: UndecidedKey[] };

/**
 * explainByBreach re-labels a key's non-linearizable history as `gc-grace-violation` when
 * it linearizes once the GC-contract breaches may reset the key (a rebuild dropping what a
 * long-absent node held, a purge letting a hidden value back: model/rules/breach-fallbacks.ts).
 * The fallback search gets the user's budget: a smaller one would turn a key whose
 * explanation is merely slow to find into a bug, and one that runs out leaves the key
 * undecided rather than convicted.
 */
function explainByBreach(context: HistoryContext, anomaly: Anomaly, options: CheckOptions): Explanation {
  const history = anomaly.key === undefined ? undefined : context.keys.get(anomaly.key);
  if (history === undefined) return { kind: "bug" };
  const resets = breachFallbacks(context, history);
  if (resets.length === 0) return { kind: "bug" };
  const operations = [...history.operations, ...resets.flatMap((reset) => reset.operations)].map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, operations, options);
  switch (verdict.kind) {
    case "invalid":
      return { kind: "bug" };
    case "unknown":
      return { kind: "undecided", keys: verdictUndecided(verdict) };
    case "valid":
      break;
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
  const breaches = resets.map((reset) => reset.breach);
  const explained = explainedAs(
    anomaly,
    "gc-grace-violation",
    breaches.flatMap((b) => b.events),
    `Explained by a breach of the GC contract: it linearizes if the key fell back after ${breaches.map((b) => b.message).join(" and ")}`,
  );
  return { kind: "explained", anomaly: explained };
}
