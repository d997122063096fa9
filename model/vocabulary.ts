// The words every part of the project shares: operations, outcomes, read results,
// cluster events and the configuration a history was recorded under. Plain data only;
// `histories/format` validates these shapes at the edge, the spec reasons about them.

/** NodeId names a replica node, e.g. "n1". */
export type NodeId = string;
/** Key is the key an operation touches. */
export type Key = string;
/** Value is what a put writes; the workload makes every put's value unique. */
export type Value = string;
/** TombstoneId names one delete's tombstone, unique like a put's value (causal mode). */
export type TombstoneId = string;
/** Ticks is simulated (or recorded) time; the unit of every time field. */
export type Ticks = number;
/** ProcessId is the client process that issued an operation (one op at a time). */
export type ProcessId = number;

/** Outcome: ok took effect; fail certainly did not; info may take effect at any time after invocation, or never. */
export type Outcome = "ok" | "fail" | "info";

/** OperationKind is what a client asked for. */
export type OperationKind = "put" | "delete" | "get";

/** ConsistencyLevel is what a history must satisfy (SPEC-NOTES, "Consistency levels"). */
export type ConsistencyLevel = "linearizable" | "quorum" | "eventual" | "causal";

/** GcMode is the store's tombstone GC policy. */
export type GcMode = "keep" | "timeout" | "repair" | "immediate";

/** Versioning is how replicas order writes. */
export type Versioning = "lww" | "vector-clock";

/** ReadRepairMode says whether a get repairs stale replicas, and whether it waits for that. */
export type ReadRepairMode = "sync" | "async" | "off";

/** CausalContext is what a causal put or delete says it has seen: the siblings of an earlier get. */
export interface CausalContext {
  values: Value[];
  tombstones: TombstoneId[];
}

/** Version is a replica-level version, recorded for explanation; the spec never needs it to decide. */
export type Version =
  | { kind: "lww"; timestamp: number; node: NodeId }
  | { kind: "vector"; entries: Array<[NodeId, number]> };

/**
 * GetResult is what a get returned. `absent` keeps apart a key never written and a
 * key the store saw deleted; `siblings` is the causal (vector clock) answer.
 */
export type GetResult =
  | { kind: "value"; value: Value }
  | { kind: "absent"; reason: "never-written" | "deleted" }
  | { kind: "siblings"; values: Value[]; tombstones: TombstoneId[] };

/** InvokeEvent: a client process starts an operation. */
export interface InvokeEvent {
  kind: "invoke";
  time: Ticks;
  process: ProcessId;
  op: OperationKind;
  key: Key;
  /** value: what a put writes. */
  value?: Value;
  /** tombstone: the unique id of a delete's tombstone (required in causal histories). */
  tombstone?: TombstoneId;
  /** context: in causal histories, what the process saw before this put or delete. */
  context?: CausalContext;
}

/** CompleteEvent: the operation the process had open ends with an outcome. */
export interface CompleteEvent {
  kind: "complete";
  time: Ticks;
  process: ProcessId;
  op: OperationKind;
  key: Key;
  outcome: Outcome;
  /** result: what an ok get returned. */
  result?: GetResult;
  /** error: why an op failed or is unknown, for people. */
  error?: string;
  /**
   * version: the version the store gave a put or delete that may have taken effect (ok or
   * info), when the store records it. It is how a history proves a last-write-wins order
   * was inverted (clock skew) and which delete's tombstone a gc-purge removed.
   */
  version?: Version;
}

/** ReplicaWrite: what a hint or a repair carried to a replica. */
export interface ReplicaWrite {
  key: Key;
  tombstone: boolean;
  value?: Value;
  version?: Version;
}

/** ClusterEvent: anything the cluster did, recorded in the same history as client ops. */
export type ClusterEvent =
  | { kind: "crash"; time: Ticks; node: NodeId }
  | { kind: "restart"; time: Ticks; node: NodeId }
  | { kind: "partition"; time: Ticks; groups: NodeId[][] }
  | { kind: "heal"; time: Ticks }
  | { kind: "clock-skew"; time: Ticks; node: NodeId; offsetTicks: number }
  | ({ kind: "hint-stored"; time: Ticks; holder: NodeId; target: NodeId } & ReplicaWrite)
  | ({ kind: "hint-delivered"; time: Ticks; holder: NodeId; target: NodeId; storedAt: Ticks } & ReplicaWrite)
  | ({ kind: "hint-expired"; time: Ticks; holder: NodeId; target: NodeId; storedAt: Ticks } & ReplicaWrite)
  | ({ kind: "repair-write"; time: Ticks; node: NodeId; source: "read-repair" | "anti-entropy" } & ReplicaWrite)
  /** gc-purge: `replicas` is the key's replica set, so that a repair of that range can be found. */
  | { kind: "gc-purge"; time: Ticks; node: NodeId; key: Key; deletedAt: Ticks; version?: Version; replicas?: NodeId[] }
  /**
   * anti-entropy-round: `full` covers every range (a repair, as `nodetool repair` runs one);
   * `complete` says every replica of every range it covered took part and synced; when it
   * is false, `syncedReplicaSets` lists the replica sets of the ranges that did sync
   * completely all the same (each sorted), so a repair is judged per range.
   */
  | {
      kind: "anti-entropy-round";
      time: Ticks;
      full: boolean;
      complete: boolean;
      nodes: NodeId[];
      startedAt: Ticks;
      syncedReplicaSets?: NodeId[][];
    }
  | { kind: "node-repaired"; time: Ticks; node: NodeId }
  | { kind: "barrier"; time: Ticks };

/** ClusterEventKind lists the cluster event kinds. */
export type ClusterEventKind = ClusterEvent["kind"];

/** HistoryEvent is one line of a history after its header. */
export type HistoryEvent = InvokeEvent | CompleteEvent | ClusterEvent;

/** GcConfig is the tombstone GC policy a history was recorded under. */
export interface GcConfig {
  mode: GcMode;
  /** graceTicks: for `timeout`, how long a tombstone lives before it may be purged. */
  graceTicks?: Ticks;
}

/** ClusterConfig is the store configuration a history was recorded under. */
export interface ClusterConfig {
  nodes: NodeId[];
  replicationFactor: number;
  readQuorum: number;
  writeQuorum: number;
  sloppyQuorum: boolean;
  versioning: Versioning;
  readRepair: ReadRepairMode;
  gc: GcConfig;
  hintTtlTicks: Ticks;
  /** rejoinGuard: a node down longer than the grace period refuses to serve until repaired. */
  rejoinGuard: boolean;
  /** bugs: the known-bug switches that were on (empty in a correct run). */
  bugs: string[];
}

/** HistoryHeader is the first line of a history. */
export interface HistoryHeader {
  kind: "header";
  format: "lazarus-history";
  formatVersion: 1;
  consistency: ConsistencyLevel;
  config: ClusterConfig;
  seed?: number;
  /** description: what the history is, for people. */
  description?: string;
  /** origin: how to record the history again (`lazarus replay`), when the simulator recorded it. */
  origin?: HistoryOrigin;
}

/**
 * HistoryOrigin: what made a history. `options` are the simulator's options as given; a
 * property-suite run adds its command list (`steps`) and, when it failed, the seed and path
 * with which fast-check replays it. `store` names the store a property-suite run drove when
 * it was not the simulator (its `options` are then that store's configuration): such a
 * history cannot be recorded again by the simulator. The spec never reads it.
 */
export interface HistoryOrigin {
  store?: string;
  options: Record<string, unknown>;
  steps?: Array<Record<string, unknown>>;
  /** fastCheck: the run fc.check reaches from `seed` and `path`; `replayPath` is fc.commands' own. */
  fastCheck?: { seed: number; path: string; replayPath?: string };
}

/** History is a header and its events in time order; an event's index is its position here. */
export interface History {
  header: HistoryHeader;
  events: HistoryEvent[];
}
