// The linearizability engine's invalid partitions, as the project's anomalies.
import type { Anomaly } from "../model/anomaly.ts";
import type { Operation } from "../model/sequential/index.ts";
import type { LinearizabilityVerdict } from "./linearizability/index.ts";

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
