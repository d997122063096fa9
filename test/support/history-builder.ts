// Builds small histories for tests: ops as [call, return] intervals, cluster events by
// time; events are sorted into time order (invokes before completions at equal times).
import type {
  ClusterConfig,
  ClusterEvent,
  ConsistencyLevel,
  GetResult,
  History,
  HistoryEvent,
  Outcome,
  Version,
} from "../../model/vocabulary.ts";

/** TestOp is one client operation for the builder. */
export interface TestOp {
  op: "put" | "delete" | "get";
  key?: string;
  value?: string;
  tombstone?: string;
  context?: { values: string[]; tombstones: string[] };
  process: number;
  at: [number, number];
  outcome?: Outcome;
  result?: GetResult;
  /** version: the version the store recorded for a put or delete. */
  version?: Version;
}

/** defaultConfig is a 3-node strict-quorum LWW cluster that keeps tombstones. */
export function defaultConfig(overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  return {
    nodes: ["n1", "n2", "n3"],
    replicationFactor: 3,
    readQuorum: 2,
    writeQuorum: 2,
    sloppyQuorum: false,
    versioning: "lww",
    readRepair: "async",
    gc: { mode: "keep" },
    hintTtlTicks: 100,
    rejoinGuard: false,
    bugs: [],
    ...overrides,
  };
}

/** buildHistory lays the ops and cluster events out as a history in time order. */
export function buildHistory(
  consistency: ConsistencyLevel,
  ops: TestOp[],
  cluster: ClusterEvent[] = [],
  config: Partial<ClusterConfig> = {},
): History {
  // rank orders equal times: completions, then cluster events, then invocations, so that
  // an op ending at t precedes a barrier at t, which precedes an op starting at t.
  const timed: Array<{ time: number; rank: number; seq: number; event: HistoryEvent }> = [];
  let seq = 0;
  for (const op of ops) {
    const key = op.key ?? "x";
    const invoke: HistoryEvent = { kind: "invoke", time: op.at[0], process: op.process, op: op.op, key };
    if (op.value !== undefined) invoke.value = op.value;
    if (op.tombstone !== undefined) invoke.tombstone = op.tombstone;
    if (op.context !== undefined) invoke.context = op.context;
    timed.push({ time: op.at[0], rank: 2, seq: seq++, event: invoke });
    const complete: HistoryEvent = { kind: "complete", time: op.at[1], process: op.process, op: op.op, key, outcome: op.outcome ?? "ok" };
    if (op.result !== undefined) complete.result = op.result;
    if (op.version !== undefined) complete.version = op.version;
    timed.push({ time: op.at[1], rank: 0, seq: seq++, event: complete });
  }
  for (const event of cluster) timed.push({ time: event.time, rank: 1, seq: seq++, event });
  timed.sort((a, b) => a.time - b.time || a.rank - b.rank || a.seq - b.seq);
  return {
    header: { kind: "header", format: "lazarus-history", formatVersion: 1, consistency, config: defaultConfig(config) },
    events: timed.map((t) => t.event),
  };
}

/** value and absent make get results. */
export const value = (v: string): GetResult => ({ kind: "value", value: v });
export const absent: GetResult = { kind: "absent", reason: "deleted" };
export const neverWritten: GetResult = { kind: "absent", reason: "never-written" };
