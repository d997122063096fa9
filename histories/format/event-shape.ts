// The event schema of schema.ts again, as hand-written checks: the reader's fast path.
// zod's parse costs about as much as JSON.parse on a history of millions of events; these
// checks cost a fraction. schema.ts stays the one definition of the format: zod still
// words every error, and test/histories/format/event-shape.property.test.ts shows that
// both accept the same values and give back the same events, so the two cannot drift.
// Arrays are returned as parsed, not copied as zod copies them: JSON.parse made them for
// this line alone.
import type { CausalContext, GetResult, HistoryEvent, NodeId, Version } from "../../model/vocabulary.ts";

/** JsonFields is a parsed JSON object whose fields are still unchecked. */
type JsonFields = Record<string, unknown>;

/**
 * matchEventShape returns the event `value` is when historyEventSchema accepts it, built
 * as zod builds it (a new object, fields in schema order, absent optional fields left
 * out), or undefined when zod would refuse it. It never says why: the caller asks zod.
 */
export function matchEventShape(value: unknown): HistoryEvent | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case "invoke":
      return invoke(value);
    case "complete":
      return complete(value);
    case "crash":
    case "restart":
    case "node-repaired":
      return keyCount(value) === 3 && isTime(value.time) && isNodeId(value.node) ? { kind: value.kind, time: value.time, node: value.node } : undefined;
    case "partition":
      return keyCount(value) === 3 && isTime(value.time) && isNodeIdGroups(value.groups) ? { kind: "partition", time: value.time, groups: value.groups } : undefined;
    case "heal":
    case "barrier":
      return keyCount(value) === 2 && isTime(value.time) ? { kind: value.kind, time: value.time } : undefined;
    case "clock-skew":
      return keyCount(value) === 4 && isTime(value.time) && isNodeId(value.node) && isFiniteNumber(value.offsetTicks)
        ? { kind: "clock-skew", time: value.time, node: value.node, offsetTicks: value.offsetTicks }
        : undefined;
    case "hint-stored":
    case "hint-delivered":
    case "hint-expired":
      return hint(value, value.kind);
    case "repair-write":
      return repairWrite(value);
    case "gc-purge":
      return gcPurge(value);
    case "anti-entropy-round":
      return antiEntropyRound(value);
    default:
      return undefined;
  }
}

function invoke(input: JsonFields): HistoryEvent | undefined {
  const { time, process, op, key } = input;
  if (!isTime(time) || !isProcessId(process) || !isOperationKind(op) || typeof key !== "string") return undefined;
  return withOptionalFields(input, { kind: "invoke", time, process, op, key }, 5, invokeOptions);
}

function complete(input: JsonFields): HistoryEvent | undefined {
  const { time, process, op, key, outcome } = input;
  if (!isTime(time) || !isProcessId(process) || !isOperationKind(op) || typeof key !== "string") return undefined;
  if (outcome !== "ok" && outcome !== "fail" && outcome !== "info") return undefined;
  return withOptionalFields(input, { kind: "complete", time, process, op, key, outcome }, 6, completeOptions);
}

function hint(input: JsonFields, kind: "hint-stored" | "hint-delivered" | "hint-expired"): HistoryEvent | undefined {
  const { time, holder, target, storedAt, key, tombstone } = input;
  if (!isTime(time) || !isNodeId(holder) || !isNodeId(target) || typeof key !== "string" || typeof tombstone !== "boolean") return undefined;
  if (kind === "hint-stored") return withOptionalFields(input, { kind, time, holder, target, key, tombstone }, 6, replicaWriteOptions);
  if (!isTime(storedAt)) return undefined;
  // zod puts storedAt after the replica write's fields, where schema.ts lists it.
  const event = withOptionalFields(input, { kind, time, holder, target, key, tombstone } as Extract<HistoryEvent, { storedAt: number }>, 7, replicaWriteOptions);
  if (event !== undefined) event.storedAt = storedAt;
  return event;
}

function repairWrite(input: JsonFields): HistoryEvent | undefined {
  const { time, node, source, key, tombstone } = input;
  if (!isTime(time) || !isNodeId(node) || (source !== "read-repair" && source !== "anti-entropy")) return undefined;
  if (typeof key !== "string" || typeof tombstone !== "boolean") return undefined;
  return withOptionalFields(input, { kind: "repair-write", time, node, source, key, tombstone }, 6, replicaWriteOptions);
}

function gcPurge(input: JsonFields): HistoryEvent | undefined {
  const { time, node, key, deletedAt } = input;
  if (!isTime(time) || !isNodeId(node) || typeof key !== "string" || !isTime(deletedAt)) return undefined;
  return withOptionalFields(input, { kind: "gc-purge", time, node, key, deletedAt }, 5, gcPurgeOptions);
}

function antiEntropyRound(input: JsonFields): HistoryEvent | undefined {
  const { time, full, complete, nodes, startedAt } = input;
  if (!isTime(time) || typeof full !== "boolean" || typeof complete !== "boolean" || !isNodeIds(nodes) || !isTime(startedAt)) return undefined;
  return withOptionalFields(input, { kind: "anti-entropy-round", time, full, complete, nodes, startedAt }, 6, antiEntropyRoundOptions);
}

/** OptionalField is the name of an optional field and its check, which returns the field's value or undefined to refuse it. */
type OptionalField = readonly [name: string, check: (value: unknown) => unknown];

/**
 * withOptionalFields adds to `event`, built from the `required` required fields of
 * `input`, each optional field `input` holds, in the order zod writes them; undefined
 * when one is refused, or when `input` holds a field neither required nor optional.
 */
function withOptionalFields<Event extends HistoryEvent>(input: JsonFields, event: Event, required: number, optional: readonly OptionalField[]): Event | undefined {
  let fields = required;
  for (const [name, check] of optional) {
    const found = input[name];
    if (found === undefined) continue;
    const checked = check(found);
    if (checked === undefined) return undefined;
    (event as Record<string, unknown>)[name] = checked;
    fields++;
  }
  return keyCount(input) === fields ? event : undefined;
}

const stringField = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const nodeIdsField = (value: unknown): NodeId[] | undefined => (isNodeIds(value) ? value : undefined);
const nodeIdGroupsField = (value: unknown): NodeId[][] | undefined => (isNodeIdGroups(value) ? value : undefined);

// The optional fields of each event kind, in the order of schema.ts.
const invokeOptions: readonly OptionalField[] = [["value", stringField], ["tombstone", stringField], ["context", causalContext]];
const completeOptions: readonly OptionalField[] = [["result", getResult], ["error", stringField], ["version", versionOf]];
const replicaWriteOptions: readonly OptionalField[] = [["value", stringField], ["version", versionOf]];
const gcPurgeOptions: readonly OptionalField[] = [["version", versionOf], ["replicas", nodeIdsField]];
const antiEntropyRoundOptions: readonly OptionalField[] = [["syncedReplicaSets", nodeIdGroupsField]];

function versionOf(value: unknown): Version | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === "lww") {
    const { timestamp, node } = value;
    return keyCount(value) === 3 && isFiniteNumber(timestamp) && isNodeId(node) ? { kind: "lww", timestamp, node } : undefined;
  }
  if (value.kind !== "vector" || keyCount(value) !== 2 || !Array.isArray(value.entries)) return undefined;
  const entries = value.entries as unknown[];
  if (!entries.every((entry) => Array.isArray(entry) && entry.length === 2 && isNodeId(entry[0]) && isCount(entry[1]))) return undefined;
  return { kind: "vector", entries: entries as Array<[NodeId, number]> };
}

function getResult(value: unknown): GetResult | undefined {
  if (!isObject(value)) return undefined;
  switch (value.kind) {
    case "value":
      return keyCount(value) === 2 && typeof value.value === "string" ? { kind: "value", value: value.value } : undefined;
    case "absent":
      return keyCount(value) === 2 && (value.reason === "never-written" || value.reason === "deleted") ? { kind: "absent", reason: value.reason } : undefined;
    case "siblings":
      return keyCount(value) === 3 && isStrings(value.values) && isStrings(value.tombstones)
        ? { kind: "siblings", values: value.values, tombstones: value.tombstones }
        : undefined;
    default:
      return undefined;
  }
}

function causalContext(value: unknown): CausalContext | undefined {
  if (!isObject(value) || keyCount(value) !== 2 || !isStrings(value.values) || !isStrings(value.tombstones)) return undefined;
  return { values: value.values, tombstones: value.tombstones };
}

/** isObject: what zod takes for an object (JSON gives no other non-array objects). */
function isObject(value: unknown): value is JsonFields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * keyCount counts the fields of `value`; a strict schema refuses a field it does not list,
 * so the counts must match. for-in allocates nothing, unlike Object.keys; a field some code
 * added to Object.prototype would only be counted too, sending the line to zod.
 */
function keyCount(value: JsonFields): number {
  let count = 0;
  for (const _key in value) count++;
  return count;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** isCount mirrors z.number().int().nonnegative(): zod's int() takes safe integers only. */
function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

const isProcessId = isCount;

function isOperationKind(value: unknown): value is "put" | "delete" | "get" {
  return value === "put" || value === "delete" || value === "get";
}

function isNodeId(value: unknown): value is NodeId {
  return typeof value === "string" && value.length > 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isNodeIds(value: unknown): value is NodeId[] {
  return Array.isArray(value) && value.every(isNodeId);
}

function isNodeIdGroups(value: unknown): value is NodeId[][] {
  return Array.isArray(value) && value.every(isNodeIds);
}
