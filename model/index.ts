// The executable spec's public names: the vocabulary, the spec's judgement of a history,
// the GC contract, and the sequential models the linearizability engine checks against.
// Read docs/spec.md for the rules in prose; model/rules holds them one idea per file.

export type {
  CausalContext,
  ClusterConfig,
  ClusterEvent,
  ClusterEventKind,
  CompleteEvent,
  ConsistencyLevel,
  GcConfig,
  GcMode,
  GetResult,
  History,
  HistoryEvent,
  HistoryHeader,
  InvokeEvent,
  Key,
  NodeId,
  OperationKind,
  Outcome,
  ProcessId,
  ReadRepairMode,
  ReplicaWrite,
  Ticks,
  TombstoneId,
  Value,
  Version,
  Versioning,
} from "./vocabulary.ts";
export type { Anomaly, AnomalyKind } from "./anomaly.ts";
export { explainedKinds, isExplained } from "./anomaly.ts";
export type { Operation } from "./operations.ts";
export { pairOperations, precedes } from "./operations.ts";
export type { Barrier, HistoryContext } from "./history-context.ts";
export { prepareHistory } from "./history-context.ts";
export type { GcBreach } from "./gc-contract.ts";
export { findGcBreaches } from "./gc-contract.ts";
export { judgeHistory, judgeKey } from "./spec.ts";
export { describeOperation, describeResult } from "./describe.ts";
