// Every knob of a simulation in ONE options object (TigerBeetle VOPR style): cluster
// shape, versioning, repair, GC, safeguards, network and fault probabilities (all zero
// by default), workload and bug switches. `resolveOptions` fills defaults; `validateOptions`
// returns problems as values.
import type { GcMode, ReadRepairMode, Ticks, Versioning } from "../model/vocabulary.ts";
import type { BugName } from "./bugs.ts";
import { bugNames } from "./bugs.ts";

/** NetworkOptions: message delay, reordering (jitter), loss and duplication. */
export interface NetworkOptions {
  delayTicks: Ticks;
  /** jitterTicks: extra uniform delay in [0, jitterTicks]; above 0 it reorders messages. */
  jitterTicks: Ticks;
  lossProbability: number;
  duplicateProbability: number;
}

/** FaultOptions: the random fault schedule; every probability is per fault tick. */
export interface FaultOptions {
  intervalTicks: Ticks;
  crashProbability: number;
  restartProbability: number;
  partitionProbability: number;
  healProbability: number;
  skewProbability: number;
  maxSkewTicks: Ticks;
  /** maxDownNodes: the injector never crashes more nodes than this at once. */
  maxDownNodes: number;
}

/** WorkloadOptions: the client processes `simulate` runs. */
export interface WorkloadOptions {
  processes: number;
  keys: number;
  ops: number;
  putWeight: number;
  getWeight: number;
  deleteWeight: number;
  thinkTicksMax: Ticks;
  /** quiesceEveryOps: after this many invocations, pause, quiesce and emit a barrier (0: only at the end). */
  quiesceEveryOps: number;
}

/** Safeguards: the lessons Cassandra and Riak learned, each on a switch (all on by default). */
export interface Safeguards {
  /** hintsWithinGrace: under `timeout` GC, a hint expires no later than the grace period. */
  hintsWithinGrace: boolean;
  /** rejoinGuard: a node out longer than the grace period refuses to serve until rebuilt. */
  rejoinGuard: boolean;
  /** compareVersionsOnApply: hints, repairs and handoffs merge by version instead of overwriting. */
  compareVersionsOnApply: boolean;
}

/** StoreOptions is the full configuration of one simulation. */
export interface StoreOptions {
  seed: number;
  nodeCount: number;
  vnodesPerNode: number;
  replicationFactor: number;
  readQuorum: number;
  writeQuorum: number;
  sloppyQuorum: boolean;
  /** linearizable: strict quorums, a read phase before writes, read repair to W before a get returns. */
  linearizable: boolean;
  versioning: Versioning;
  /**
   * vectorClockPruneDots: under vector clocks, the most dots a sibling's causal past (or a
   * client's context) keeps; beyond it the oldest are forgotten (Riak's small_vclock /
   * big_vclock). 0 never prunes. Pruning bounds memory but lets a forgotten write come
   * back beside a write or tombstone that had seen it (`pruneDots` in vector-clock.ts).
   */
  vectorClockPruneDots: number;
  readRepair: ReadRepairMode;
  gc: { mode: GcMode; graceTicks: Ticks };
  gcIntervalTicks: Ticks;
  /** gcSettleTicks: under `repair`/`immediate`, wait this long after the purge condition holds (messages in flight). */
  gcSettleTicks: Ticks;
  hintTtlTicks: Ticks;
  hintDeliveryIntervalTicks: Ticks;
  durableHints: boolean;
  /** antiEntropyIntervalTicks: time between scheduled rounds; 0 turns scheduled rounds off. */
  antiEntropyIntervalTicks: Ticks;
  /**
   * fullRepairIntervalTicks: time between scheduled full repairs (anti-entropy over every
   * range, as an operator runs `nodetool repair`); 0 turns them off. Under `timeout` GC the
   * contract wants a complete repair between a delete and its tombstone's purge, so keep it
   * below the grace period.
   */
  fullRepairIntervalTicks: Ticks;
  antiEntropyRangesPerRound: number;
  merkleLeavesPerRange: number;
  opTimeoutTicks: Ticks;
  rejoinRepairDelayTicks: Ticks;
  safeguards: Safeguards;
  network: NetworkOptions;
  faults: FaultOptions;
  workload: WorkloadOptions;
  bugs: BugName[];
  description?: string;
}

/** StoreOptionsInput is what callers pass: any subset, nested objects partial too. */
export type StoreOptionsInput = Partial<
  Omit<StoreOptions, "gc" | "safeguards" | "network" | "faults" | "workload">
> & {
  gc?: Partial<StoreOptions["gc"]>;
  safeguards?: Partial<Safeguards>;
  network?: Partial<NetworkOptions>;
  faults?: Partial<FaultOptions>;
  workload?: Partial<WorkloadOptions>;
};

/** defaultOptions is a fault-free 5-node cluster, N=3, R=W=2, sloppy quorum, LWW, timeout GC. */
export const defaultOptions: Readonly<StoreOptions> = Object.freeze<StoreOptions>({
  seed: 1,
  nodeCount: 5,
  vnodesPerNode: 8,
  replicationFactor: 3,
  readQuorum: 2,
  writeQuorum: 2,
  sloppyQuorum: true,
  linearizable: false,
  versioning: "lww",
  vectorClockPruneDots: 0,
  readRepair: "async",
  gc: { mode: "timeout", graceTicks: 1000 },
  gcIntervalTicks: 25,
  gcSettleTicks: 50,
  hintTtlTicks: 500,
  hintDeliveryIntervalTicks: 10,
  durableHints: false,
  antiEntropyIntervalTicks: 100,
  fullRepairIntervalTicks: 0,
  antiEntropyRangesPerRound: 8,
  merkleLeavesPerRange: 16,
  opTimeoutTicks: 20,
  rejoinRepairDelayTicks: 20,
  safeguards: { hintsWithinGrace: true, rejoinGuard: true, compareVersionsOnApply: true },
  network: { delayTicks: 1, jitterTicks: 0, lossProbability: 0, duplicateProbability: 0 },
  faults: {
    intervalTicks: 50,
    crashProbability: 0,
    restartProbability: 0,
    partitionProbability: 0,
    healProbability: 0,
    skewProbability: 0,
    maxSkewTicks: 0,
    maxDownNodes: 1,
  },
  workload: {
    processes: 5,
    keys: 10,
    ops: 1000,
    putWeight: 0.45,
    getWeight: 0.4,
    deleteWeight: 0.15,
    thinkTicksMax: 3,
    quiesceEveryOps: 200,
  },
  bugs: [],
});

/** resolveOptions fills every missing field from defaultOptions (nested objects field by field). */
export function resolveOptions(input: StoreOptionsInput = {}): StoreOptions {
  const base = defaultOptions;
  return {
    ...base,
    ...input,
    gc: { ...base.gc, ...input.gc },
    safeguards: { ...base.safeguards, ...input.safeguards },
    network: { ...base.network, ...input.network },
    faults: { ...base.faults, ...input.faults },
    workload: { ...base.workload, ...input.workload },
    bugs: [...(input.bugs ?? base.bugs)],
  };
}

/** OptionsProblem is one reason a configuration cannot run, with the field to fix. */
export interface OptionsProblem {
  code: "bad-quorum" | "bad-range" | "linearizable-needs-strict-lww" | "unknown-bug";
  field: string;
  message: string;
}

/** validateOptions returns every problem with a configuration (empty when it can run). */
export function validateOptions(options: StoreOptions): OptionsProblem[] {
  const problems: OptionsProblem[] = [];
  const positive = (field: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1) {
      problems.push({ code: "bad-range", field, message: `${field} must be a positive integer, got ${value}` });
    }
  };
  positive("nodeCount", options.nodeCount);
  positive("vnodesPerNode", options.vnodesPerNode);
  positive("merkleLeavesPerRange", options.merkleLeavesPerRange);
  positive("opTimeoutTicks", options.opTimeoutTicks);
  positive("gcIntervalTicks", options.gcIntervalTicks);
  positive("hintDeliveryIntervalTicks", options.hintDeliveryIntervalTicks);
  positive("faults.intervalTicks", options.faults.intervalTicks);
  positive("workload.processes", options.workload.processes);
  positive("workload.keys", options.workload.keys);
  if (!Number.isInteger(options.vectorClockPruneDots) || options.vectorClockPruneDots < 0) {
    problems.push({
      code: "bad-range",
      field: "vectorClockPruneDots",
      message: `vectorClockPruneDots must be a non-negative integer (0: never prune), got ${options.vectorClockPruneDots}`,
    });
  }
  const n = options.replicationFactor;
  if (n < 1 || n > options.nodeCount) {
    problems.push({ code: "bad-quorum", field: "replicationFactor", message: `replicationFactor must be in 1..nodeCount, got ${n}` });
  }
  for (const [field, q] of [["readQuorum", options.readQuorum], ["writeQuorum", options.writeQuorum]] as const) {
    if (!Number.isInteger(q) || q < 1 || q > n) {
      problems.push({ code: "bad-quorum", field, message: `${field} must be in 1..replicationFactor (${n}), got ${q}` });
    }
  }
  if (options.linearizable) {
    const strict = options.readQuorum + options.writeQuorum > n && !options.sloppyQuorum;
    if (!strict || options.versioning !== "lww") {
      problems.push({
        code: "linearizable-needs-strict-lww",
        field: "linearizable",
        message: "linearizable mode needs R+W>N, sloppyQuorum false and versioning 'lww'",
      });
    }
  }
  for (const bug of options.bugs) {
    if (!bugNames.includes(bug)) {
      problems.push({ code: "unknown-bug", field: "bugs", message: `unknown bug switch '${bug}'; known: ${bugNames.join(", ")}` });
    }
  }
  return problems;
}
