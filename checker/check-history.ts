// Checks a lazarus history against the spec at the level its header names: the spec's
// rules for every level, and for `linearizable` the search for a linearization too.
import { isExplained, type Anomaly } from "../model/anomaly.ts";
import { prepareHistory, type HistoryContext } from "../model/history-context.ts";
import { breachAnomalies, judgeKeys, keepMostSpecific } from "../model/spec.ts";
import { checkEarlyPurges } from "../model/rules/early-purge.ts";
import type { History, HistoryHeader, Key } from "../model/vocabulary.ts";
import { checkLinearizable, type LinearizableFindings } from "./linearizable-level.ts";
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

/**
 * CheckFindings is what a check found before it is sorted into a verdict: the findings
 * about the whole history (GC-contract breaches, early purges), each key's findings in the
 * history's key order, and the linearizability search's, for a linearizable history.
 */
export interface CheckFindings {
  header: HistoryHeader;
  wide: Anomaly[];
  byKey: Map<Key, Anomaly[]>;
  search: LinearizableFindings | undefined;
  statistics: HistoryCheck["statistics"];
}

/** checkPrepared is checkHistory on a history already prepared for the spec's rules. */
export function checkPrepared(context: HistoryContext, options: CheckOptions = {}, progress?: CheckProgress): HistoryCheck {
  return concludeCheck(findingsOf(context, options, progress));
}

/** findingsOf applies the spec's rules, and the search for a linearizable history, to a prepared history. */
export function findingsOf(context: HistoryContext, options: CheckOptions = {}, progress?: CheckProgress): CheckFindings {
  const wide = [...breachAnomalies(context.breaches), ...checkEarlyPurges(context)];
  const byKey = judgeKeys(context, progress?.judged);
  let search: LinearizableFindings | undefined;
  if (context.header.consistency === "linearizable") {
    progress?.searching();
    search = checkLinearizable(context, options);
  }
  return { header: context.header, wide, byKey, search, statistics: { operations: context.operations.length, keys: context.keys.size } };
}

/** concludeCheck sorts a check's findings into what convicts and what is explained, and gives the verdict. */
export function concludeCheck(found: CheckFindings): HistoryCheck {
  const findings = keepMostSpecific([...found.wide, ...[...found.byKey.values()].flat()]);
  findings.push(...(found.search?.anomalies ?? []));
  const anomalies = findings.filter((anomaly) => !isExplained(anomaly));
  const unknown = found.search?.unknown ?? [];
  return {
    verdict: verdictOf(anomalies, unknown),
    level: found.header.consistency,
    anomalies,
    explained: findings.filter(isExplained),
    unknown,
    unchecked: found.search?.unchecked ?? [],
    statistics: found.statistics,
    eventsAre: "event-indices",
  };
}
