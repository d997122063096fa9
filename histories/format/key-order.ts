// The one order in which the writer puts the fields of every object in a history, so
// that the same history always serializes to the same bytes.

/**
 * historyKeyOrder lists every field name of the format once. The writer puts the keys
 * of every object, at every depth, in this order and leaves out keys not listed, so a
 * name missing here would be dropped: a test checks that every property of the JSON
 * Schema is listed. The format has no free-form maps (vector clocks are arrays of
 * pairs) but the header's `origin`, so one global order serves every other object.
 */
export const historyKeyOrder: readonly string[] = [
  // Every object: its kind first.
  "kind",
  // Header.
  "format",
  "formatVersion",
  "consistency",
  "seed",
  "description",
  "config",
  // Events: when, who, where.
  "time",
  "process",
  "node",
  "holder",
  "target",
  "source",
  "storedAt",
  "startedAt",
  "deletedAt",
  "full",
  "complete",
  "nodes",
  "syncedReplicaSets",
  "replicas",
  "groups",
  "offsetTicks",
  // Operations, replica writes, get results, versions and causal contexts.
  "op",
  "key",
  "outcome",
  "value",
  "reason",
  "values",
  "tombstone",
  "tombstones",
  "context",
  "result",
  "version",
  "timestamp",
  "entries",
  "error",
  // Cluster configuration (after "nodes", listed above).
  "replicationFactor",
  "readQuorum",
  "writeQuorum",
  "sloppyQuorum",
  "versioning",
  "readRepair",
  "gc",
  "mode",
  "graceTicks",
  "hintTtlTicks",
  "rejoinGuard",
  "bugs",
  // The header's origin, last; the writer keeps its free-form options and steps whole,
  // keys sorted.
  "origin",
  "store",
  "options",
  "steps",
  "fastCheck",
  "path",
  "replayPath",
];
