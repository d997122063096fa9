// What a replica stores for a key and how two stored states merge. A key's state is a
// list of siblings: under last-write-wins at most one (value or tombstone, highest
// (timestamp, node) wins); under vector clocks every sibling no other sibling's past
// covers. Tombstones are siblings like values, so every comparison sees them.
import type { GetResult, NodeId, ReplicaWrite, Ticks, TombstoneId, Value, Version, Versioning } from "../model/vocabulary.ts";
import type { DotSet } from "./vector-clock.ts";
import { summariseDots } from "./vector-clock.ts";

/** Stamp is a sibling's version: an LWW timestamp or a dot with its causal past. */
export type Stamp =
  | { kind: "lww"; timestamp: number; node: NodeId }
  | { kind: "dot"; node: NodeId; counter: number; past: DotSet };

/** Sibling is one stored version of a key: a live value or a tombstone. */
export interface Sibling {
  /** id names the version: "timestamp@node" under LWW, the dot id under vector clocks. */
  readonly id: string;
  readonly stamp: Stamp;
  readonly tombstone: boolean;
  readonly value: Value | undefined;
  readonly tombstoneId: TombstoneId | undefined;
  /** deletedAt is when the delete was issued (simulated time), -1 for a live value. */
  readonly deletedAt: Ticks;
}

/** KeyState is what one replica holds for one key; never empty (an absent key has no state). */
export type KeyState = readonly Sibling[];

/** compareLww orders two LWW siblings: timestamp, then node id, then tombstone over value. */
export function compareLww(a: Sibling, b: Sibling): number {
  const x = a.stamp;
  const y = b.stamp;
  if (x.kind !== "lww" || y.kind !== "lww") throw new Error("compareLww: not an LWW sibling");
  if (x.timestamp !== y.timestamp) return x.timestamp < y.timestamp ? -1 : 1;
  if (x.node !== y.node) return x.node < y.node ? -1 : 1;
  return (a.tombstone ? 1 : 0) - (b.tombstone ? 1 : 0);
}

/**
 * mergeStates returns the join of two states. It returns `local` itself when `incoming`
 * adds nothing, so callers detect a change by identity.
 */
export function mergeStates(local: KeyState | undefined, incoming: KeyState): KeyState {
  if (local === undefined || local.length === 0) return incoming;
  if (incoming.length === 0 || local === incoming) return local;
  const first = local[0] as Sibling;
  if (first.stamp.kind === "lww") {
    const other = incoming[0] as Sibling;
    return compareLww(other, first) > 0 ? incoming : local;
  }
  return mergeDotted(local, incoming);
}

function mergeDotted(local: KeyState, incoming: KeyState): KeyState {
  const byId = new Map<string, Sibling>();
  for (const sibling of local) byId.set(sibling.id, sibling);
  let added = false;
  for (const sibling of incoming) {
    if (!byId.has(sibling.id)) {
      byId.set(sibling.id, sibling);
      added = true;
    }
  }
  if (!added) return local;
  const all = [...byId.values()];
  const kept = all.filter((sibling) => !all.some((other) => other !== sibling && coversDot(other, sibling.id)));
  kept.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (kept.length === local.length && kept.every((sibling, index) => sibling === local[index])) return local;
  return kept;
}

function coversDot(sibling: Sibling, dot: string): boolean {
  return sibling.stamp.kind === "dot" && sibling.stamp.past.has(dot);
}

/** dropTombstones returns the live siblings only (what tombstone-blind bugs see), or undefined. */
export function dropTombstones(state: KeyState | undefined): KeyState | undefined {
  if (state === undefined) return undefined;
  const live = state.filter((sibling) => !sibling.tombstone);
  if (live.length === state.length) return state;
  return live.length === 0 ? undefined : live;
}

/** hasTombstone says whether a state holds a tombstone sibling. */
export function hasTombstone(state: KeyState | undefined): boolean {
  return state !== undefined && state.some((sibling) => sibling.tombstone);
}

/** digestText is the text a state's Merkle digest is computed from: its version ids. */
export function digestText(state: KeyState): string {
  if (state.length === 1) return (state[0] as Sibling).id;
  // Stryker disable next-line StringLiteral: ids are "node:counter" with node ids "n<k>", so joined without a separator they still split one way
  return state.map((sibling) => sibling.id).join(",");
}

/** resultOf turns a merged state into what a get returns. */
export function resultOf(state: KeyState | undefined, versioning: Versioning): GetResult {
  if (state === undefined || state.length === 0) return { kind: "absent", reason: "never-written" };
  if (versioning === "lww") {
    const sibling = state[0] as Sibling;
    if (sibling.tombstone) return { kind: "absent", reason: "deleted" };
    return { kind: "value", value: sibling.value as Value };
  }
  const values: Value[] = [];
  const tombstones: TombstoneId[] = [];
  for (const sibling of state) {
    if (sibling.tombstone) tombstones.push(sibling.tombstoneId ?? sibling.id);
    else values.push(sibling.value as Value);
  }
  return { kind: "siblings", values: values.sort(), tombstones: tombstones.sort() };
}

/** versionOf is a sibling's version as recorded in events. */
export function versionOf(sibling: Sibling): Version {
  const stamp = sibling.stamp;
  switch (stamp.kind) {
    case "lww":
      return { kind: "lww", timestamp: stamp.timestamp, node: stamp.node };
    case "dot":
      return { kind: "vector", entries: summariseDots([...stamp.past, sibling.id]) };
    // Stryker disable next-line ConditionalExpression: unreachable, the type admits only the two stamps above
    default:
      return assertNever(stamp);
  }
}

/** replicaWriteOf is what an event says a hint or repair carried. */
export function replicaWriteOf(key: string, sibling: Sibling): ReplicaWrite {
  const write: ReplicaWrite = { key, tombstone: sibling.tombstone, version: versionOf(sibling) };
  if (!sibling.tombstone) write.value = sibling.value as Value;
  return write;
}

/** assertStateInvariants throws when a state breaks what every replica must hold. */
export function assertStateInvariants(state: KeyState): void {
  if (state.length === 0) throw new Error("invariant: a stored key state is never empty");
  const first = state[0] as Sibling;
  if (first.stamp.kind === "lww") {
    // A replica never holds two versions of a key under last-write-wins.
    if (state.length !== 1) throw new Error(`invariant: LWW replica holds ${state.length} versions of a key`);
    return;
  }
  for (const sibling of state) {
    // A sibling another sibling covers (a value a tombstone hides) must be gone.
    if (state.some((other) => other !== sibling && coversDot(other, sibling.id))) {
      throw new Error(`invariant: sibling ${sibling.id} is covered but still stored`);
    }
  }
}

/** assertNever marks an exhaustive switch. */
// Stryker disable next-line BlockStatement: called only where the type says no value can arrive
export function assertNever(value: never): never {
  // Stryker disable next-line StringLiteral: unreachable (see above)
  throw new Error(`unexpected variant: ${JSON.stringify(value)}`);
}

/** SiblingContent is what a write carries besides its version. */
export interface SiblingContent {
  tombstone: boolean;
  value: Value | undefined;
  tombstoneId: TombstoneId | undefined;
  deletedAt: Ticks;
}

/** lwwSibling builds an LWW sibling with its id. */
export function lwwSibling(content: SiblingContent, timestamp: number, node: NodeId): Sibling {
  return { ...content, id: `${timestamp}@${node}`, stamp: { kind: "lww", timestamp, node } };
}

/** dottedSibling builds a vector-clock sibling: dot (node, counter) superseding `past`. */
export function dottedSibling(content: SiblingContent, node: NodeId, counter: number, past: DotSet): Sibling {
  return { ...content, id: `${node}:${counter}`, stamp: { kind: "dot", node, counter, past } };
}

/** contentOf strips a sibling to what it carries, for re-stamping. */
export function contentOf(sibling: Sibling): SiblingContent {
  return {
    tombstone: sibling.tombstone,
    value: sibling.value,
    tombstoneId: sibling.tombstoneId,
    deletedAt: sibling.deletedAt,
  };
}
