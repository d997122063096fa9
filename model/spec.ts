// The spec: which histories are allowed, per consistency level, given deletes, tombstone
// GC and the cluster's events. Each level is a list of rules applied per key; the rules
// live in model/rules, one idea each. Linearizability itself is decided by searching for
// a linearization against the sequential key-value model (model/sequential); the rules
// here add what that model cannot say (resurrection, phantom tombstones, GC breaches).
import type { Anomaly, AnomalyKind } from "./anomaly.ts";
import { CausalPast } from "./causal-past.ts";
import type { GcBreach } from "./gc-contract.ts";
import type { HistoryContext } from "./history-context.ts";
import type { KeyHistory } from "./key-history.ts";
import { checkCausalConvergence } from "./rules/causal-convergence.ts";
import { checkCausalRead } from "./rules/causal-read.ts";
import { checkEarlyPurges } from "./rules/early-purge.ts";
import { checkLwwConvergence } from "./rules/lww-convergence.ts";
import { checkLwwRead } from "./rules/lww-read.ts";
import type { ConsistencyLevel, Key } from "./vocabulary.ts";

/** judgeKey applies the rules of the history's level to one key. */
export function judgeKey(context: HistoryContext, history: KeyHistory): Anomaly[] {
  const level: ConsistencyLevel = context.header.consistency;
  const gets = history.operations.filter((op) => op.kind === "get" && op.outcome === "ok");
  switch (level) {
    case "linearizable":
    case "quorum":
    case "eventual": {
      const noStaleReads = level === "quorum";
      const anomalies: Anomaly[] = [];
      for (const get of gets) {
        const anomaly = checkLwwRead(context, history, get, noStaleReads);
        if (anomaly !== undefined) anomalies.push(anomaly);
      }
      // Linearizability owes more than convergence; the search decides it.
      if (level !== "linearizable") anomalies.push(...checkLwwConvergence(context, history));
      return anomalies;
    }
    case "causal": {
      const past = new CausalPast(history);
      return [
        ...gets.flatMap((get) => checkCausalRead(context, history, past, get)),
        ...checkCausalConvergence(context, history, past),
      ];
    }
    default: {
      const unreachable: never = level;
      return unreachable;
    }
  }
}

/** breachAnomalies reports every GC-contract breach, whether or not a read shows it. */
export function breachAnomalies(breaches: readonly GcBreach[]): Anomaly[] {
  return breaches.map((breach) => ({ kind: "gc-grace-violation", events: breach.events, message: breach.message }));
}

// Which anomaly speaks for a read when several rules find one: a bug before any
// explanation (an explanation of one rule's finding must not hide another rule's bug on the
// same read), and among bugs the most specific first.
const readRank: AnomalyKind[] = [
  "phantom-read",
  "future-read",
  "resurrection",
  "lost-write",
  "sibling-lost",
  "sibling-spurious",
  "stale-read",
  "gc-grace-violation",
  "clock-skew",
];

/** keepMostSpecific keeps, for each read, only its most specific anomaly. */
export function keepMostSpecific(anomalies: Anomaly[]): Anomaly[] {
  const best = new Map<number, Anomaly>();
  const rest: Anomaly[] = [];
  for (const anomaly of anomalies) {
    if (anomaly.read === undefined) {
      rest.push(anomaly);
      continue;
    }
    const current = best.get(anomaly.read);
    if (current === undefined || readRank.indexOf(anomaly.kind) < readRank.indexOf(current.kind)) best.set(anomaly.read, anomaly);
  }
  return [...rest, ...best.values()];
}

/**
 * judgeHistory applies the spec to a whole history, except the linearizability search.
 * `judged` hears how many keys of how many are done, for a progress line.
 */
export function judgeHistory(context: HistoryContext, judged: (keys: number, of: number) => void = () => {}): Anomaly[] {
  const byKey = judgeKeys(context, judged);
  return keepMostSpecific([...breachAnomalies(context.breaches), ...checkEarlyPurges(context), ...[...byKey.values()].flat()]);
}

/** judgeKeys applies judgeKey to every key, in the history's key order; `judged` as for judgeHistory. */
export function judgeKeys(context: HistoryContext, judged: (keys: number, of: number) => void = () => {}): Map<Key, Anomaly[]> {
  const byKey = new Map<Key, Anomaly[]>();
  for (const history of context.keys.values()) {
    byKey.set(history.key, judgeKey(context, history));
    judged(byKey.size, context.keys.size);
  }
  return byKey;
}

