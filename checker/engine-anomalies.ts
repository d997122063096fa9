// The linearizability engine's verdict in the project's terms: invalid partitions become
// not-linearizable anomalies, undecided partitions become unknown keys, and partitions
// left unchecked (the check stopped at the first invalid one) become unchecked keys.
import type { Anomaly } from "../model/anomaly.ts";
import type { Operation } from "../model/sequential/index.ts";
import type { LinearizabilityVerdict } from "./linearizability/index.ts";
import type { UndecidedKey } from "./verdict.ts";

/** verdictAnomalies turns the engine's invalid partitions into not-linearizable anomalies. */
export function verdictAnomalies<I, O>(verdict: LinearizabilityVerdict, operations: ReadonlyArray<Operation<I, O>>): Anomaly[] {
  if (verdict.kind !== "invalid") return [];
  return verdict.partitions.map((partition) => {
    const anomaly: Anomaly = {
      kind: "not-linearizable",
      events: partition.events,
      message: partition.message,
      linearization: partition.longestPartialLinearization.flatMap((i) => operations[i]!.eventIndices),
    };
    if (partition.key !== null) anomaly.key = partition.key;
    return anomaly;
  });
}

/**
 * verdictUndecided lists the keys the engine left undecided, whatever its verdict. A
 * malformed history throws: the readers and importers give every operation finite
 * times in order, so one reaching the engine is a bug upstream, not a user's input.
 */
export function verdictUndecided(verdict: LinearizabilityVerdict): UndecidedKey[] {
  if (verdict.kind === "valid") return [];
  return verdict.undecided.map((partition) => {
    switch (partition.kind) {
      case "out-of-budget":
        return { key: partition.key, steps: partition.steps, limit: "steps" };
      case "out-of-time":
        return { key: partition.key, steps: partition.steps, limit: "time" };
      case "malformed":
        throw new Error(`bug: a parsed history reached the engine malformed: ${partition.message}`);
      default: {
        const unreachable: never = partition;
        return unreachable;
      }
    }
  });
}

/** verdictUnchecked lists the keys the engine did not check, having stopped at the first invalid one. */
export function verdictUnchecked(verdict: LinearizabilityVerdict): string[] {
  // A partition is left unchecked only beside an invalid one, so there are several and each has a key.
  return verdict.kind === "invalid" ? verdict.unchecked.filter((key) => key !== null) : [];
}
