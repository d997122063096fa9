// fast-check arbitraries of valid histories: every header rule and every cross-line
// rule of the reader holds by construction, so a write-then-read must give them back.
import fc from "fast-check";
import type {
  ClusterEvent,
  GetResult,
  History,
  HistoryEvent,
  HistoryHeader,
  OperationKind,
  Outcome,
} from "../../../model/vocabulary.ts";

/** record is fc.record with plain objects, which is what JSON.parse gives back. */
function record<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, constraints?: { requiredKeys: Array<keyof T> }): fc.Arbitrary<T> {
  return fc.record(model, { requiredKeys: constraints?.requiredKeys ?? (Object.keys(model) as Array<keyof T>), noNullPrototype: true }) as fc.Arbitrary<T>;
}

// JSON has no -0; adding 0 turns -0 into 0 so the round trip compares equal.
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const ticks = fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => x + 0));
const text = fc.string({ unit: "binary", maxLength: 8 });
const nodeId = fc.string({ unit: "binary", minLength: 1, maxLength: 4 });

/** headerArbitrary makes self-consistent headers. */
export const headerArbitrary: fc.Arbitrary<HistoryHeader> = fc
  .uniqueArray(nodeId, { minLength: 1, maxLength: 5 })
  .chain((nodes) =>
    fc.integer({ min: 1, max: nodes.length }).chain((replicationFactor) =>
      record(
        {
          kind: fc.constant("header" as const),
          format: fc.constant("lazarus-history" as const),
          formatVersion: fc.constant(1 as const),
          consistency: fc.constantFrom("linearizable", "quorum", "eventual", "causal" as const),
          config: record(
            {
              nodes: fc.constant(nodes),
              replicationFactor: fc.constant(replicationFactor),
              readQuorum: fc.integer({ min: 1, max: replicationFactor }),
              writeQuorum: fc.integer({ min: 1, max: replicationFactor }),
              sloppyQuorum: fc.boolean(),
              versioning: fc.constantFrom("lww", "vector-clock" as const),
              readRepair: fc.constantFrom("sync", "async", "off" as const),
              gc: fc.oneof(
                record({ mode: fc.constant("timeout" as const), graceTicks: ticks }),
                record(
                  { mode: fc.constantFrom("keep", "repair", "immediate" as const), graceTicks: ticks },
                  { requiredKeys: ["mode"] },
                ),
              ),
              hintTtlTicks: ticks,
              rejoinGuard: fc.boolean(),
              bugs: fc.array(text, { maxLength: 2 }),
            },
            { requiredKeys: ["nodes", "replicationFactor", "readQuorum", "writeQuorum", "sloppyQuorum", "versioning", "readRepair", "gc", "hintTtlTicks", "rejoinGuard", "bugs"] },
          ),
          seed: fc.integer(),
          description: text,
        },
        { requiredKeys: ["kind", "format", "formatVersion", "consistency", "config"] },
      ),
    ),
  );

const version = fc.oneof(
  record({ kind: fc.constant("lww" as const), timestamp: finite, node: nodeId }),
  record({ kind: fc.constant("vector" as const), entries: fc.array(fc.tuple(nodeId, fc.nat()), { maxLength: 3 }) }),
);
const replicaWrite = { key: text, tombstone: fc.boolean(), value: text, version };
const replicaWriteRequired = ["kind", "time", "key", "tombstone"] as const;
const hint = (kind: "hint-stored" | "hint-delivered" | "hint-expired") =>
  record(
    { kind: fc.constant(kind), time: fc.constant(0), holder: nodeId, target: nodeId, storedAt: ticks, ...replicaWrite },
    { requiredKeys: [...replicaWriteRequired, "holder", "target", ...(kind === "hint-stored" ? [] : ["storedAt" as const])] },
  ).map((event) => {
    if (kind === "hint-stored") delete (event as { storedAt?: number }).storedAt;
    return event as ClusterEvent;
  });

/** clusterEventArbitrary makes any cluster event, with time 0 (the history sets it). */
export const clusterEventArbitrary: fc.Arbitrary<ClusterEvent> = fc.oneof(
  record({ kind: fc.constantFrom("crash", "restart", "node-repaired" as const), time: fc.constant(0), node: nodeId }),
  record({ kind: fc.constant("partition" as const), time: fc.constant(0), groups: fc.array(fc.array(nodeId, { maxLength: 3 }), { maxLength: 3 }) }),
  record({ kind: fc.constantFrom("heal", "barrier" as const), time: fc.constant(0) }),
  record({ kind: fc.constant("clock-skew" as const), time: fc.constant(0), node: nodeId, offsetTicks: finite }),
  hint("hint-stored"),
  hint("hint-delivered"),
  hint("hint-expired"),
  record(
    { kind: fc.constant("repair-write" as const), time: fc.constant(0), node: nodeId, source: fc.constantFrom("read-repair", "anti-entropy" as const), ...replicaWrite },
    { requiredKeys: [...replicaWriteRequired, "node", "source"] },
  ),
  record(
    { kind: fc.constant("gc-purge" as const), time: fc.constant(0), node: nodeId, key: text, deletedAt: ticks, version, replicas: fc.array(nodeId, { maxLength: 3 }) },
    { requiredKeys: ["kind", "time", "node", "key", "deletedAt"] },
  ),
  record(
    { kind: fc.constant("anti-entropy-round" as const), time: fc.constant(0), full: fc.boolean(), complete: fc.boolean(), nodes: fc.array(nodeId, { maxLength: 3 }), startedAt: ticks, syncedReplicaSets: fc.array(fc.array(nodeId, { maxLength: 3 }), { maxLength: 2 }) },
    { requiredKeys: ["kind", "time", "full", "complete", "nodes", "startedAt"] },
  ),
);

const getResult: fc.Arbitrary<GetResult> = fc.oneof(
  record({ kind: fc.constant("value" as const), value: text }),
  record({ kind: fc.constant("absent" as const), reason: fc.constantFrom("never-written", "deleted" as const) }),
  record({ kind: fc.constant("siblings" as const), values: fc.array(text, { maxLength: 3 }), tombstones: fc.array(text, { maxLength: 3 }) }),
);

/** Step is one move of the history builder: a client step for a process, or a cluster event. */
type Step =
  | { kind: "client"; dt: number; process: number; op: OperationKind; key: string; value: string; outcome: Outcome; result: GetResult; extras: { error?: string; context?: { values: string[]; tombstones: string[] } } }
  | { kind: "cluster"; dt: number; event: ClusterEvent };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: record({
    kind: fc.constant("client" as const),
    dt: ticks,
    process: fc.nat(3),
    op: fc.constantFrom("put", "delete", "get" as const),
    key: fc.constantFrom("a", "b", "__proto__", "constructor"),
    value: text,
    outcome: fc.constantFrom("ok", "fail", "info" as const),
    result: getResult,
    extras: record({ error: text, context: record({ values: fc.array(text, { maxLength: 2 }), tombstones: fc.array(text, { maxLength: 2 }) }) }, { requiredKeys: [] }),
  }) },
  { weight: 1, arbitrary: record({ kind: fc.constant("cluster" as const), dt: ticks, event: clusterEventArbitrary }) },
);

/** historyArbitrary makes valid histories: time non-decreasing, invokes and completes paired, unique values. */
export const historyArbitrary: fc.Arbitrary<History> = fc
  .tuple(headerArbitrary, fc.array(step, { maxLength: 40 }))
  .map(([header, steps]) => ({ header, events: buildEvents(header, steps) }));

function buildEvents(header: HistoryHeader, steps: Step[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const open = new Map<number, { op: OperationKind; key: string }>();
  let time = 0;
  steps.forEach((next, counter) => {
    time += next.dt;
    if (next.kind === "cluster") {
      // A repair round starts no later than it is recorded.
      events.push(next.event.kind === "anti-entropy-round" ? { ...next.event, time, startedAt: Math.min(next.event.startedAt, time) } : { ...next.event, time });
      return;
    }
    const invoked = open.get(next.process);
    if (invoked !== undefined) {
      open.delete(next.process);
      const result = invoked.op === "get" && next.outcome === "ok" ? { result: next.result } : {};
      const error = next.extras.error === undefined ? {} : { error: next.extras.error };
      events.push({ kind: "complete", time, process: next.process, ...invoked, outcome: next.outcome, ...result, ...error });
      return;
    }
    open.set(next.process, { op: next.op, key: next.key });
    const value = next.op === "put" ? { value: `${next.value}#${counter}` } : {};
    const tombstone = next.op === "delete" && (header.consistency === "causal" || counter % 2 === 0) ? { tombstone: `t${counter}` } : {};
    const context = next.op !== "get" && next.extras.context !== undefined ? { context: next.extras.context } : {};
    events.push({ kind: "invoke", time, process: next.process, op: next.op, key: next.key, ...value, ...tombstone, ...context });
  });
  return events;
}
