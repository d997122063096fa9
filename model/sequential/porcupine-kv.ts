// Porcupine's key-value test model: each key holds a string, initially "";
// get returns it, put replaces it, append concatenates. One key per partition.

import type { SequentialModel } from "./model.ts";

/** PorcupineKvInput is a get, put or append on one key. */
export type PorcupineKvInput =
  | { kind: "get"; key: string }
  | { kind: "put"; key: string; value: string }
  | { kind: "append"; key: string; value: string };

/** PorcupineKvOutput is what a get returned; puts and appends return nothing (`null`). */
export type PorcupineKvOutput = { kind: "get"; value: string } | null;

/** porcupineKvModel is the model of Porcupine's kv histories (kv/cNN-*.txt). */
export const porcupineKvModel: SequentialModel<string, PorcupineKvInput, PorcupineKvOutput> = {
  name: "porcupine-kv",
  init: () => "",
  step(state, input, output) {
    switch (input.kind) {
      case "get":
        return { ok: output === undefined || output === null || output.value === state, next: state };
      case "put":
        return { ok: true, next: input.value };
      case "append":
        return { ok: true, next: state + input.value };
      default:
        return unreachable(input);
    }
  },
  key: (state) => state,
  partitionKey: (input) => input.key,
  readOnly: (input) => input.kind === "get",
  // An append depends on the current value: only a put is blind.
  blindWrite: (input) => (input.kind === "put" ? input.value : undefined),
  describeOperation(input, output) {
    switch (input.kind) {
      case "get":
        return `get ${input.key} → ${output ? JSON.stringify(output.value) : "?"}`;
      case "put":
        return `put ${input.key}=${JSON.stringify(input.value)}`;
      case "append":
        return `append ${input.key} ${JSON.stringify(input.value)}`;
      default:
        return unreachable(input);
    }
  },
  describeState: (state) => JSON.stringify(state),
};

function unreachable(value: never): never {
  throw new Error(`unexpected input ${JSON.stringify(value)}`);
}
