// The history format, version 1, as zod schemas: one JSON object per line, a header
// first and then events in time order. The TypeScript types live in model/vocabulary.ts;
// the assertions at the bottom keep these schemas and those types the same shape.
// event-shape.ts repeats the event schemas as fast hand-written checks; a property test
// fails when the two disagree, so change both together.
import { z } from "zod";
import type {
  ClusterEvent,
  CompleteEvent,
  HistoryEvent,
  HistoryHeader,
  InvokeEvent,
} from "../../model/vocabulary.ts";

const nodeId = z.string().min(1);
const key = z.string();
const value = z.string();
const ticks = z.number().finite();
const time = ticks.nonnegative();
const processId = z.number().int().nonnegative();

/** versionSchema is a replica-level version (last-write-wins timestamp or vector clock). */
export const versionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("lww"), timestamp: z.number().finite(), node: nodeId }),
  z.strictObject({
    kind: z.literal("vector"),
    entries: z.array(z.tuple([nodeId, z.number().int().nonnegative()])),
  }),
]);

/** causalContextSchema is what a causal put or delete says it has seen. */
export const causalContextSchema = z.strictObject({ values: z.array(value), tombstones: z.array(z.string()) });

/** getResultSchema is what a get returned. */
export const getResultSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("value"), value }),
  z.strictObject({ kind: z.literal("absent"), reason: z.enum(["never-written", "deleted"]) }),
  z.strictObject({
    kind: z.literal("siblings"),
    values: z.array(value),
    tombstones: z.array(z.string()),
  }),
]);

const operationKind = z.enum(["put", "delete", "get"]);

/** invokeEventSchema is a client process starting an operation. */
export const invokeEventSchema = z.strictObject({
  kind: z.literal("invoke"),
  time,
  process: processId,
  op: operationKind,
  key,
  value: value.optional(),
  tombstone: z.string().optional(),
  context: causalContextSchema.optional(),
});

/** completeEventSchema is the open operation of a process ending with an outcome. */
export const completeEventSchema = z.strictObject({
  kind: z.literal("complete"),
  time,
  process: processId,
  op: operationKind,
  key,
  outcome: z.enum(["ok", "fail", "info"]),
  result: getResultSchema.optional(),
  error: z.string().optional(),
  version: versionSchema.optional(),
});

const replicaWrite = {
  key,
  tombstone: z.boolean(),
  value: value.optional(),
  version: versionSchema.optional(),
};

const hintFields = { time, holder: nodeId, target: nodeId, ...replicaWrite };

/** clusterEventSchemas lists one schema per cluster event kind. */
export const clusterEventSchemas = [
  z.strictObject({ kind: z.literal("crash"), time, node: nodeId }),
  z.strictObject({ kind: z.literal("restart"), time, node: nodeId }),
  z.strictObject({ kind: z.literal("partition"), time, groups: z.array(z.array(nodeId)) }),
  z.strictObject({ kind: z.literal("heal"), time }),
  z.strictObject({ kind: z.literal("clock-skew"), time, node: nodeId, offsetTicks: ticks }),
  z.strictObject({ kind: z.literal("hint-stored"), ...hintFields }),
  z.strictObject({ kind: z.literal("hint-delivered"), ...hintFields, storedAt: time }),
  z.strictObject({ kind: z.literal("hint-expired"), ...hintFields, storedAt: time }),
  z.strictObject({
    kind: z.literal("repair-write"),
    time,
    node: nodeId,
    source: z.enum(["read-repair", "anti-entropy"]),
    ...replicaWrite,
  }),
  z.strictObject({
    kind: z.literal("gc-purge"),
    time,
    node: nodeId,
    key,
    deletedAt: time,
    version: versionSchema.optional(),
    replicas: z.array(nodeId).optional(),
  }),
  z.strictObject({
    kind: z.literal("anti-entropy-round"),
    time,
    full: z.boolean(),
    complete: z.boolean(),
    nodes: z.array(nodeId),
    startedAt: time,
    syncedReplicaSets: z.array(z.array(nodeId)).optional(),
  }),
  z.strictObject({ kind: z.literal("node-repaired"), time, node: nodeId }),
  z.strictObject({ kind: z.literal("barrier"), time }),
] as const;

/** historyEventSchema is one event line. */
export const historyEventSchema = z.discriminatedUnion("kind", [
  invokeEventSchema,
  completeEventSchema,
  ...clusterEventSchemas,
]);

/** historyEventKinds lists every event kind, in the order of historyEventSchema. */
export const historyEventKinds: readonly HistoryEvent["kind"][] = historyEventSchema.options.map(
  (option) => option.shape.kind.value,
);

/** clusterConfigSchema is the store configuration in the header. */
export const clusterConfigSchema = z.strictObject({
  nodes: z.array(nodeId).min(1),
  replicationFactor: z.number().int().positive(),
  readQuorum: z.number().int().positive(),
  writeQuorum: z.number().int().positive(),
  sloppyQuorum: z.boolean(),
  versioning: z.enum(["lww", "vector-clock"]),
  readRepair: z.enum(["sync", "async", "off"]),
  gc: z.strictObject({
    mode: z.enum(["keep", "timeout", "repair", "immediate"]),
    graceTicks: ticks.nonnegative().optional(),
  }),
  hintTtlTicks: ticks.nonnegative(),
  rejoinGuard: z.boolean(),
  bugs: z.array(z.string()),
});

/** historyHeaderSchema is the first line of a history. */
export const historyHeaderSchema = z.strictObject({
  kind: z.literal("header"),
  format: z.literal("lazarus-history"),
  formatVersion: z.literal(1),
  consistency: z.enum(["linearizable", "quorum", "eventual", "causal"]),
  config: clusterConfigSchema,
  seed: z.number().int().optional(),
  description: z.string().optional(),
  origin: z
    .strictObject({
      store: z.string().optional(),
      options: z.record(z.string(), z.unknown()),
      steps: z.array(z.record(z.string(), z.unknown())).optional(),
      fastCheck: z.strictObject({ seed: z.number().int(), path: z.string(), replayPath: z.string().optional() }).optional(),
    })
    .optional(),
});

// Compile-time proof that the schemas and model/vocabulary.ts describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Parsed<S extends z.ZodType> = z.output<S>;
const sameHeader: Same<Parsed<typeof historyHeaderSchema>, HistoryHeader> = true;
const sameEvent: Same<Parsed<typeof historyEventSchema>, HistoryEvent> = true;
const sameInvoke: Same<Parsed<typeof invokeEventSchema>, InvokeEvent> = true;
const sameComplete: Same<Parsed<typeof completeEventSchema>, CompleteEvent> = true;
const sameCluster: Same<Parsed<(typeof clusterEventSchemas)[number]>, ClusterEvent> = true;
void [sameHeader, sameEvent, sameInvoke, sameComplete, sameCluster];
