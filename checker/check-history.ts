// Checks a lazarus history against the spec at the level its header names: the spec's
// rules for every level, and for `linearizable` the search for a linearization too.
import { isExplained } from "../model/anomaly.ts";
import { prepareHistory, type HistoryContext } from "../model/history-context.ts";
import { judgeHistory } from "../model/spec.ts";
import type { History } from "../model/vocabulary.ts";
import { checkLinearizable } from "./linearizable-level.ts";
import { indexedSupersession } from "./supersession-index.ts";
import type { CheckOptions } from "./linearizability/index.ts";
import { verdictOf, type HistoryCheck } from "./verdict.ts";

/** checkHistory decides whether a history is allowed; it never throws on a parsed history. */
export function checkHistory(history: History, options: CheckOptions = {}): HistoryCheck {
  return checkPrepared(prepareHistory(history, indexedSupersession), options);
}

/** CheckProgress hears how a check goes: keys judged by the spec's rules, then the linearizability search starting. */
export interface CheckProgress {
  judged(keys: number, of: number): void;
  searching(): void;
}

/** checkPrepared is checkHistory on a history already prepared for the spec's rules. */
export function checkPrepared(context: HistoryContext, options: CheckOptions = {}, progress?: CheckProgress): HistoryCheck {
  const header = context.header;
  const findings = judgeHistory(context, progress?.judged);
  let unknown: HistoryCheck["unknown"] = [];
  let unchecked: HistoryCheck["unchecked"] = [];
  if (header.consistency === "linearizable") {
    progress?.searching();
    const search = checkLinearizable(context, options);
    findings.push(...search.anomalies);
    unknown = search.unknown;
    unchecked = search.unchecked;
  }
  const anomalies = findings.filter((anomaly) => !isExplained(anomaly));
  const explained = findings.filter(isExplained);
  return {
    verdict: verdictOf(anomalies, unknown),
    level: header.consistency,
    anomalies,
    explained,
    unknown,
    unchecked,
    statistics: { operations: context.operations.length, keys: context.keys.size },
    eventsAre: "event-indices",
  };
}
