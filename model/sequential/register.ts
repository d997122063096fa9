// The read/write register: the simplest object a linearizability checker knows.

import type { SequentialModel } from "./model.ts";

/** RegisterValue is what a register holds; `null` is absent (never written). */
export type RegisterValue = string | number | null;

/** RegisterInput is a read or a write of a value. */
export type RegisterInput = { kind: "read" } | { kind: "write"; value: RegisterValue };

/** RegisterOutput is what a read returned; writes return nothing (`null`). */
export type RegisterOutput = { kind: "read"; value: RegisterValue } | null;

/** RegisterOptions: `initial` is the value before any write (default: absent). */
export interface RegisterOptions {
  initial?: RegisterValue;
}

/** describeValue prints a register value for people: `absent`, `3`, `"x"`. */
export function describeValue(value: RegisterValue): string {
  return value === null ? "absent" : typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** valueKey is a register value as a hash key; numbers and strings never collide. */
export function valueKey(value: RegisterValue): string {
  return value === null ? "-" : typeof value === "number" ? `n${value}` : `s${value}`;
}

/**
 * createRegisterModel makes a register: a read returns the current value, a write
 * replaces it. A write with an unknown outcome, once it takes effect, sets the value.
 */
export function createRegisterModel(
  options: RegisterOptions = {},
): SequentialModel<RegisterValue, RegisterInput, RegisterOutput> {
  const initial = options.initial ?? null;
  return {
    name: "register",
    init: () => initial,
    step(state, input, output) {
      if (input.kind === "write") return { ok: true, next: input.value };
      // An unknown read returned nothing we know, so it is allowed in any state.
      return { ok: output === undefined || output === null || output.value === state, next: state };
    },
    key: valueKey,
    readOnly: (input) => input.kind === "read",
    uniqueWriteView(input, output) {
      if (input.kind === "write") return { kind: "write", value: input.value };
      return output === undefined || output === null ? undefined : { kind: "read", value: output.value };
    },
    blindWrite: (input) => (input.kind === "write" ? input.value : undefined),
    describeOperation(input, output) {
      if (input.kind === "write") return `write ${describeValue(input.value)}`;
      return output ? `read → ${describeValue(output.value)}` : "read → ?";
    },
    describeState: describeValue,
  };
}

/** registerModel is the register with an absent initial value. */
export const registerModel = createRegisterModel();
