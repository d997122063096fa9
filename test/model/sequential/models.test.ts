// The sequential models step by step: what each operation may return in a state.

import { describe, expect, it } from "vitest";
import { casRegisterModel, createRegisterModel, linearizableKvModel, porcupineKvModel, registerModel } from "../../../model/sequential/index.ts";

describe("registerModel", () => {
  it("starts absent, reads what was written, accepts any read of unknown outcome", () => {
    const start = registerModel.init();
    expect(start).toBeNull();
    expect(registerModel.step(start, { kind: "read" }, { kind: "read", value: null }).ok).toBe(true);
    const { next } = registerModel.step(start, { kind: "write", value: 3 }, null);
    expect(registerModel.step(next, { kind: "read" }, { kind: "read", value: 3 }).ok).toBe(true);
    expect(registerModel.step(next, { kind: "read" }, { kind: "read", value: "3" }).ok).toBe(false);
    expect(registerModel.step(next, { kind: "read" }, undefined).ok).toBe(true);
    expect(registerModel.key(3)).not.toBe(registerModel.key("3"));
    expect(createRegisterModel({ initial: "x" }).init()).toBe("x");
  });
});

describe("casRegisterModel", () => {
  it("swaps iff the value equals `from`; a failed cas says it did not", () => {
    const cas = { kind: "cas", from: 1, to: 2 } as const;
    expect(casRegisterModel.step(1, cas, { kind: "cas", swapped: true })).toEqual({ ok: true, next: 2 });
    expect(casRegisterModel.step(0, cas, { kind: "cas", swapped: true }).ok).toBe(false);
    expect(casRegisterModel.step(0, cas, { kind: "cas", swapped: false })).toEqual({ ok: true, next: 0 });
    expect(casRegisterModel.step(1, cas, { kind: "cas", swapped: false }).ok).toBe(false);
    expect(casRegisterModel.step(1, cas, undefined)).toEqual({ ok: true, next: 2 });
    expect(casRegisterModel.step(0, cas, undefined)).toEqual({ ok: true, next: 0 });
    expect(casRegisterModel.describeOperation(cas, { kind: "cas", swapped: false })).toBe("cas 1→2 → failed");
  });
});

describe("linearizableKvModel", () => {
  it("deletes write absent, and absent matches absent whatever the reason", () => {
    const { next } = linearizableKvModel.step("v1", { kind: "delete", key: "k" }, null);
    expect(next).toBeNull();
    for (const reason of ["never-written", "deleted"] as const) {
      expect(linearizableKvModel.step(next, { kind: "get", key: "k" }, { kind: "absent", reason }).ok).toBe(true);
      expect(linearizableKvModel.step("v1", { kind: "get", key: "k" }, { kind: "absent", reason }).ok).toBe(false);
    }
    expect(linearizableKvModel.partitionKey?.({ kind: "get", key: "k" })).toBe("k");
    expect(linearizableKvModel.key("")).not.toBe(linearizableKvModel.key(null));
  });
});

describe("porcupineKvModel", () => {
  it("starts empty and appends", () => {
    const { next } = porcupineKvModel.step(porcupineKvModel.init(), { kind: "append", key: "k", value: "x" }, null);
    expect(porcupineKvModel.step(next, { kind: "append", key: "k", value: "y" }, null).next).toBe("xy");
    expect(porcupineKvModel.step("", { kind: "get", key: "k" }, { kind: "get", value: "" }).ok).toBe(true);
  });
});
