// The key-value store with delete, as lazarus histories are checked at the
// `linearizable` consistency level: put writes a value, delete writes "absent", get
// returns the value or absent. The model describes one key; the engine splits by key.

import type { GetResult, Key, Value } from "../vocabulary.ts";
import type { SequentialModel } from "./model.ts";

/** KvState is one key's value, or `null` when absent (never written, or deleted). */
export type KvState = Value | null;

/** KvInput is what a client asked for: put a value, delete, or get one key. */
export type KvInput =
  | { kind: "put"; key: Key; value: Value }
  | { kind: "delete"; key: Key }
  | { kind: "get"; key: Key };

/** KvOutput is a get's result; puts and deletes return nothing (`null`). */
export type KvOutput = GetResult | null;

/**
 * linearizableKvModel is the sequential spec of one key. A get that returned absent
 * matches an absent key whatever reason it gave (never-written or deleted): the
 * reason is for people, and the weaker-level checks judge it. Siblings are never
 * allowed: a linearizable store has one value per key.
 */
export const linearizableKvModel: SequentialModel<KvState, KvInput, KvOutput> = {
  name: "kv",
  init: () => null,
  step(state, input, output) {
    switch (input.kind) {
      case "put":
        return { ok: true, next: input.value };
      case "delete":
        return { ok: true, next: null };
      case "get":
        return { ok: getMatches(state, output), next: state };
      default:
        return unreachable(input);
    }
  },
  key: (state) => (state === null ? "-" : `v${state}`),
  partitionKey: (input) => input.key,
  readOnly: (input) => input.kind === "get",
  uniqueWriteView(input, output) {
    switch (input.kind) {
      case "put":
        return { kind: "write", value: input.value };
      case "delete":
        return { kind: "write", value: null };
      case "get":
        // Siblings match no state, and an unknown result matches every state: neither is a plain read.
        if (output === undefined || output === null || output.kind === "siblings") return undefined;
        return { kind: "read", value: output.kind === "value" ? output.value : null };
      default:
        return unreachable(input);
    }
  },
  blindWrite(input) {
    switch (input.kind) {
      case "put":
        return input.value;
      case "delete":
        return null;
      case "get":
        return undefined;
      default:
        return unreachable(input);
    }
  },
  describeOperation(input, output) {
    switch (input.kind) {
      case "put":
        return `put ${input.key}=${JSON.stringify(input.value)}`;
      case "delete":
        return `delete ${input.key}`;
      case "get":
        return `get ${input.key} → ${describeResult(output)}`;
      default:
        return unreachable(input);
    }
  },
  describeState: (state) => (state === null ? "absent" : JSON.stringify(state)),
};

/** getMatches says whether a get may return `output` when the key holds `state`. */
function getMatches(state: KvState, output: KvOutput | undefined): boolean {
  if (output === undefined || output === null) return true; // unknown outcome: nothing to match
  switch (output.kind) {
    case "value":
      return output.value === state;
    case "absent":
      return state === null;
    case "siblings":
      return false;
    default:
      return unreachable(output);
  }
}

function describeResult(output: KvOutput | undefined): string {
  if (output === undefined || output === null) return "?";
  switch (output.kind) {
    case "value":
      return JSON.stringify(output.value);
    case "absent":
      return `absent (${output.reason})`;
    case "siblings":
      return `siblings [${output.values.map((value) => JSON.stringify(value)).join(", ")}]`;
    default:
      return unreachable(output);
  }
}

function unreachable(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
