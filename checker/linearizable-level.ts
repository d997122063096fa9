// The linearizable level of a lazarus history, run: the spec's rule for each key
// (model/rules/linearizable-key.ts) asks an oracle whether operations linearize, and this
// file answers with the generic engine under the user's limits. The engine first checks
// every key in one pass (split by key, cheapest first, fast path for unique writes); the
// rule's first question per key is answered from that pass, and only a key with breach
// fallbacks to try is searched again.
import type { Anomaly } from "../model/anomaly.ts";
import type { HistoryContext } from "../model/history-context.ts";
import type { KeyHistory } from "../model/key-history.ts";
import { operationEvents, type Operation } from "../model/operations.ts";
import { judgeLinearizableKey, type KeyJudgement, type OracleAnswer } from "../model/rules/linearizable-key.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../model/sequential/index.ts";
import { verdictAnomalies, verdictUnchecked, verdictUndecided } from "./engine-anomalies.ts";
import { checkOperations, type CheckOptions, type LinearizabilityVerdict } from "./linearizability/index.ts";
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
  /** unchecked: the keys left unjudged by this level once `stopAtFirstInvalid` found an invalid one. */
  unchecked: string[];
}

/** KeyFinding is one key's judgement, with the undecided search behind an `unknown` one. */
type KeyFinding = { judgement: KeyJudgement; undecided: UndecidedKey | undefined };

/**
 * checkLinearizable applies the linearizable level to every key of a history, and
 * lists its findings in the history's key order, whatever order the engine took the keys
 * in. With `stopAtFirstInvalid`, it stops at the first key the rule finds invalid: a key
 * the engine convicts may still be explained by a breach of the GC contract, and then
 * the keys the engine left unchecked are checked in a further pass.
 */
export function checkLinearizable(context: HistoryContext, options: CheckOptions): LinearizableFindings {
  const findings = new Map<string, KeyFinding>();
  let pending = context.operations.map(toEngineOperation);
  let unchecked: string[] = [];
  for (;;) {
    const pass = checkOperations(linearizableKvModel, pending, options);
    const answers = passAnswers(pass, pending);
    unchecked = verdictUnchecked(pass);
    const skipped = new Set(unchecked);
    for (const history of context.keys.values()) {
      if (!findings.has(history.key) && !skipped.has(history.key)) findings.set(history.key, judgeKey(context, history, answers, options));
    }
    const convicted = [...findings.values()].some((finding) => finding.judgement.kind === "invalid");
    if (unchecked.length === 0 || convicted) break;
    pending = pending.filter((op) => skipped.has(op.input.key));
  }
  return gatherFindings(context, findings, unchecked);
}

/** PassAnswers is what one engine pass says of the keys it convicted or left undecided. */
interface PassAnswers {
  invalid: Map<string | undefined, Anomaly>;
  undecided: Map<string | null, UndecidedKey>;
}

function passAnswers(pass: LinearizabilityVerdict, checked: ReadonlyArray<EngineOperation<KvInput, KvOutput>>): PassAnswers {
  return {
    invalid: new Map(verdictAnomalies(pass, checked).map((anomaly) => [anomaly.key, anomaly])),
    undecided: new Map(verdictUndecided(pass).map((u) => [u.key, u])),
  };
}

/** judgeKey applies the rule to one key, its first question answered from the engine's pass. */
function judgeKey(context: HistoryContext, history: KeyHistory, answers: PassAnswers, options: CheckOptions): KeyFinding {
  const evidence = answers.invalid.get(history.key);
  let undecided = answers.undecided.get(history.key);
  const oracle = (operations: readonly Operation[]): OracleAnswer => {
    if (operations === history.operations) return evidence !== undefined ? { kind: "no", evidence } : undecided !== undefined ? { kind: "unknown" } : { kind: "yes" };
    const result = search(dropUnobservedInfoWrites(operations), options);
    undecided = result.undecided;
    return result.answer;
  };
  return { judgement: judgeLinearizableKey(context, history, oracle), undecided };
}

/** gatherFindings lists the judged keys' findings in the history's key order. */
function gatherFindings(context: HistoryContext, findings: ReadonlyMap<string, KeyFinding>, unchecked: string[]): LinearizableFindings {
  const gathered: LinearizableFindings = { anomalies: [], unknown: [], unchecked };
  for (const history of context.keys.values()) {
    const finding = findings.get(history.key);
    if (finding === undefined) continue;
    const { judgement } = finding;
    switch (judgement.kind) {
      case "valid":
        break;
      case "invalid":
      case "explained":
        gathered.anomalies.push(judgement.anomaly);
        break;
      case "unknown":
        gathered.unknown.push(finding.undecided ?? { key: history.key, steps: 0, limit: "steps" });
        break;
      default: {
        const unreachable: never = judgement;
        return unreachable;
      }
    }
  }
  return gathered;
}

/** search asks the engine about one key's operations under the user's limits; `undecided` is set when it could not decide. */
function search(operations: readonly Operation[], options: CheckOptions): { answer: OracleAnswer; undecided?: UndecidedKey } {
  const engineOperations = operations.map(toEngineOperation);
  const verdict = checkOperations(linearizableKvModel, engineOperations, options);
  switch (verdict.kind) {
    case "valid":
      return { answer: { kind: "yes" } };
    case "invalid":
      return { answer: { kind: "no", evidence: verdictAnomalies(verdict, engineOperations)[0]! } };
    case "unknown":
      return { answer: { kind: "unknown" }, undecided: verdictUndecided(verdict)[0] };
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}
