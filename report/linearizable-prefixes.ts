// The longest linearizable prefix of each key that does not linearize, as Porcupine's
// visualizer shows it: the checker already reports, with each not-linearizable anomaly,
// the longest legal order its search found (`linearization`, event indices in order).
import type { HistoryCheck } from "../checker/verdict.ts";
import { pairOperations, type History, type Key } from "../model/index.ts";
// model/index.ts does not name operationEvents; reached directly, as checker/ does.
import { operationEvents } from "../model/operations.ts";
import { operationLabel } from "./operation-items.ts";

/** PrefixOperation is one operation of a linearizable prefix, in the order it takes effect. */
export interface PrefixOperation {
  label: string;
  events: number[];
}

/** LinearizablePrefix is the longest legal order found for a key that has none in full. */
export interface LinearizablePrefix {
  /** list, anomaly: where the finding that carries it stands: its index in the check's `anomalies` or `explained`. */
  list: "anomalies" | "explained";
  anomaly: number;
  key: Key | null;
  operations: PrefixOperation[];
  /** operationsOnKey: how many operations the key has, so that the prefix reads as "k of n". */
  operationsOnKey: number;
}

/**
 * linearizablePrefixes lists the prefix of every finding that carries one: a bug, or one
 * explained by a GC breach, which still has no linearization.
 */
export function linearizablePrefixes(history: History, check: Pick<HistoryCheck, "anomalies" | "explained">): LinearizablePrefix[] {
  const lists = [["anomalies", check.anomalies], ["explained", check.explained]] as const;
  if (!lists.some(([, anomalies]) => anomalies.some((anomaly) => anomaly.linearization !== undefined))) return [];
  const operations = pairOperations(history.events);
  const byEvent = new Map(operations.flatMap((op) => operationEvents(op).map((event) => [event, op] as const)));
  const prefixes: LinearizablePrefix[] = [];
  for (const [list, anomalies] of lists) {
    anomalies.forEach((anomaly, index) => {
      if (anomaly.linearization === undefined) return;
      const ordered = [...new Set(anomaly.linearization.map((event) => byEvent.get(event)).filter((op) => op !== undefined))];
      prefixes.push({
        list,
        anomaly: index,
        key: anomaly.key ?? null,
        operations: ordered.map((op) => ({ label: operationLabel(op), events: operationEvents(op) })),
        operationsOnKey: operations.filter((op) => anomaly.key === undefined || op.key === anomaly.key).length,
      });
    });
  }
  return prefixes;
}
