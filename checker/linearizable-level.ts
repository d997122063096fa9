// The linearizable level of a lazarus history, run: the spec's rule for each key
// (model/rules/linearizable-key.ts) asks an oracle whether operations linearize, and this
// file answers with the generic engine under the user's budget. The engine first checks
// every key in one pass (split by key, fast path for unique writes); the rule's first
// question per key is answered from that pass, and only a key with breach fallbacks to
// try is searched again.
import type { Anomaly } from "../model/anomaly.ts";
import type { HistoryContext } from "../model/history-context.ts";
import type { KeyHistory } from "../model/key-history.ts";
import { operationEvents, type Operation } from "../model/operations.ts";
import { judgeLinearizableKey, type OracleAnswer } from "../model/rules/linearizable-key.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../model/sequential/index.ts";
import { verdictAnomalies, verdictUndecided } from "./engine-anomalies.ts";
import { checkOperations, type CheckOptions } from "./linearizability/index.ts";
import { dropUnobservedInfoWrites } from "./unobserved-writes.ts";
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
  /** unknown: the keys a search (the first pass or a breach's fallbacks) left undecided. */
  unknown: UndecidedKey[];
}

/** checkLinearizable applies the linearizable level to every key of a history. */
export function checkLinearizable(context: HistoryContext, options: CheckOptions): LinearizableFindings {
  const engineOperations = context.operations.map(toEngineOperation);
  const firstPass = checkOperations(linearizableKvModel, engineOperations, options);
  const invalid = new Map(verdictAnomalies(firstPass, engineOperations).map((a) => [a.key, a]));
  const undecided = new Map(verdictUndecided(firstPass).map((u) => [u.key, u]));
  const findings: LinearizableFindings = { anomalies: [], unknown: [] };
  for (const history of context.keys.values()) {
    let steps = 0;
    const oracle = (operations: readonly Operation[]): OracleAnswer => {
      if (operations === history.operations) return firstPassAnswer(history, invalid, undecided);
      const result = search(dropUnobservedInfoWrites(operations), options);
      steps = result.steps;
      return result.answer;
    };
    const judgement = judgeLinearizableKey(context, history, oracle);
    switch (judgement.kind) {
      case "valid":
        break;
      case "invalid":
      case "explained":
        findings.anomalies.push(judgement.anomaly);
        break;
      case "unknown":
        findings.unknown.push({ key: history.key, steps: undecided.get(history.key)?.steps ?? steps });
        break;
      default: {
        const unreachable: never = judgement;
        return unreachable;
      }
    }
  }
  return findings;
}

function firstPassAnswer(history: KeyHistory, invalid: Map<string | undefined, Anomaly>, undecided: Map<string | null, UndecidedKey>): OracleAnswer {
  const evidence = invalid.get(history.key);
  if (evidence !== undefined) return { kind: "no", evidence };
  return undecided.has(history.key) ? { kind: "unknown" } : { kind: "yes" };
}

/** search asks the engine about one key's operations under the user's budget; `steps` is what an undecided search spent. */
function search(operations: readonly Operation[], options: CheckOptions): { answer: OracleAnswer; steps: number } {
  const engineOperations = operations.map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, engineOperations, options);
  switch (verdict.kind) {
    case "valid":
      return { answer: { kind: "yes" }, steps: 0 };
    case "invalid":
      return { answer: { kind: "no", evidence: verdictAnomalies(verdict, engineOperations)[0]! }, steps: 0 };
    case "unknown":
      return { answer: { kind: "unknown" }, steps: verdictUndecided(verdict)[0]?.steps ?? 0 };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}
