// The compare-and-set register of Jepsen's etcd test: read, write, and cas [from to].

import type { SequentialModel } from "./model.ts";
import { describeValue, valueKey } from "./register.ts";
import type { RegisterOptions, RegisterValue } from "./register.ts";

/** CasRegisterInput is a read, a write, or a compare-and-set from one value to another. */
export type CasRegisterInput =
  | { kind: "read" }
  | { kind: "write"; value: RegisterValue }
  | { kind: "cas"; from: RegisterValue; to: RegisterValue };

/**
 * CasRegisterOutput is what an operation reported: a read's value; for a cas, whether
 * it succeeded (`swapped`). A cas that reports `swapped: false` took effect as a
 * comparison that failed (etcd's "compare failed"): it says the value was not `from`.
 * Writes return nothing (`null`).
 */
export type CasRegisterOutput = { kind: "read"; value: RegisterValue } | { kind: "cas"; swapped: boolean } | null;

/**
 * createCasRegisterModel makes a compare-and-set register. cas succeeds iff the current
 * value equals `from`, and then sets `to`. With an unknown outcome, a cas does whatever
 * the current value makes it do; a read constrains nothing.
 */
export function createCasRegisterModel(
  options: RegisterOptions = {},
): SequentialModel<RegisterValue, CasRegisterInput, CasRegisterOutput> {
  const initial = options.initial ?? null;
  return {
    name: "cas-register",
    init: () => initial,
    step(state, input, output) {
      switch (input.kind) {
        case "write":
          return { ok: true, next: input.value };
        case "read":
          return { ok: output === undefined || output?.kind !== "read" || output.value === state, next: state };
        case "cas": {
          const matches = state === input.from;
          const reported = output === undefined || output?.kind !== "cas" ? matches : output.swapped;
          return { ok: reported === matches, next: matches ? input.to : state };
        }
        default:
          return unreachable(input);
      }
    },
    key: valueKey,
    readOnly: (input) => input.kind === "read",
    // Only a plain write: a cas moves to `to` only in the state `from`.
    blindWrite: (input) => (input.kind === "write" ? input.value : undefined),
    describeOperation(input, output) {
      switch (input.kind) {
        case "write":
          return `write ${describeValue(input.value)}`;
        case "read":
          return output?.kind === "read" ? `read → ${describeValue(output.value)}` : "read → ?";
        case "cas": {
          const result = output?.kind === "cas" ? (output.swapped ? " → ok" : " → failed") : " → ?";
          return `cas ${describeValue(input.from)}→${describeValue(input.to)}${result}`;
        }
        default:
          return unreachable(input);
      }
    },
    describeState: describeValue,
  };
}

/** casRegisterModel is the compare-and-set register with an absent initial value. */
export const casRegisterModel = createCasRegisterModel();

function unreachable(value: never): never {
  throw new Error(`unexpected input ${JSON.stringify(value)}`);
}
