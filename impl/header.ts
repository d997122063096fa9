// The history header a configuration records: the consistency level it promises and the
// store configuration in the shared vocabulary's shape.
import type { ClusterConfig, ConsistencyLevel, HistoryHeader, Ticks } from "../model/vocabulary.ts";
import type { StoreOptions, StoreOptionsInput } from "./options.ts";

/** consistencyOf is the level a configuration promises (SPEC-NOTES, "Consistency levels"). */
export function consistencyOf(options: StoreOptions): ConsistencyLevel {
  if (options.linearizable) return "linearizable";
  if (options.versioning === "vector-clock") return "causal";
  const strict = options.readQuorum + options.writeQuorum > options.replicationFactor && !options.sloppyQuorum;
  return strict ? "quorum" : "eventual";
}

/** configOf is the header's view of the options; `hintTtlTicks` is the effective (capped) TTL. */
export function configOf(options: StoreOptions, hintTtlTicks: Ticks): ClusterConfig {
  return {
    nodes: Array.from({ length: options.nodeCount }, (_, index) => `n${index + 1}`),
    replicationFactor: options.replicationFactor,
    readQuorum: options.readQuorum,
    writeQuorum: options.writeQuorum,
    sloppyQuorum: options.sloppyQuorum,
    versioning: options.versioning,
    readRepair: options.readRepair,
    gc: options.gc.mode === "timeout" ? { mode: "timeout", graceTicks: options.gc.graceTicks } : { mode: options.gc.mode },
    hintTtlTicks,
    rejoinGuard: options.safeguards.rejoinGuard,
    bugs: [...options.bugs],
  };
}

/**
 * headerOf is the first line of a history recorded under these options. With `input`, the
 * options as the caller gave them, the header records its origin, so that `lazarus replay`
 * can record the same history again.
 */
export function headerOf(options: StoreOptions, hintTtlTicks: Ticks, input?: StoreOptionsInput): HistoryHeader {
  const header: HistoryHeader = {
    kind: "header",
    format: "lazarus-history",
    formatVersion: 1,
    consistency: consistencyOf(options),
    config: configOf(options, hintTtlTicks),
    seed: options.seed,
  };
  if (options.description !== undefined) header.description = options.description;
  if (input !== undefined) header.origin = { options: JSON.parse(JSON.stringify(input)) as Record<string, unknown> };
  return header;
}
