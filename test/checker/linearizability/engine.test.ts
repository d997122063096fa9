// Hand-written histories for the engine: valid, invalid, info and fail cases, budgets.

import { describe, expect, it } from "vitest";
import { checkOperations } from "../../../checker/linearizability/index.ts";
import { casRegisterModel, createRegisterModel, linearizableKvModel, registerModel } from "../../../model/sequential/index.ts";
import type { KvInput, KvOutput, Operation, RegisterInput, RegisterOutput } from "../../../model/sequential/index.ts";
import { failed, info, ok } from "./helpers.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const write = (value: number) => ({ kind: "write", value }) as const;
const read = { kind: "read" } as const;
const got = (value: number | null) => ({ kind: "read", value }) as const;

describe("checkOperations on a register", () => {
  it("accepts the empty history", () => {
    expect(checkOperations(registerModel, [])).toEqual({ kind: "valid" });
  });

  it("accepts a read concurrent with a write returning either value", () => {
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 3), ok(1, read, got(1), 1, 2), ok(2, read, got(null), 1, 2)];
    expect(checkOperations(registerModel, history).kind).toBe("valid");
  });

  it("rejects a stale read after the write returned, naming the read", () => {
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 1), ok(1, read, got(null), 2, 3)];
    const verdict = checkOperations(registerModel, history);
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") return;
    expect(verdict.partitions[0]).toMatchObject({ key: null, longestPartialLinearization: [0], failingOperation: 1, events: [2, 3] });
    expect(verdict.partitions[0]?.message).toContain("read → absent");
  });

  it("counts touching intervals as concurrent", () => {
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 2), ok(1, read, got(null), 2, 3)];
    expect(checkOperations(registerModel, history).kind).toBe("valid");
  });

  it("uses the configured initial value", () => {
    const history: RegisterOp[] = [ok(0, read, got(7), 0, 1)];
    expect(checkOperations(registerModel, history).kind).toBe("invalid");
    expect(checkOperations(createRegisterModel({ initial: 7 }), history).kind).toBe("valid");
  });

  it("lets an info write take effect long after its call", () => {
    const history: RegisterOp[] = [info(0, write(1), 0), ok(1, read, got(null), 5, 6), ok(1, read, got(1), 7, 8)];
    expect(checkOperations(registerModel, history).kind).toBe("valid");
  });

  it("lets an info write never take effect", () => {
    const history: RegisterOp[] = [info(0, write(1), 0), ok(1, read, got(null), 5, 6)];
    expect(checkOperations(registerModel, history).kind).toBe("valid");
  });

  it("does not let an info write take effect twice", () => {
    const history: RegisterOp[] = [info(0, write(1), 0), ok(1, read, got(1), 1, 2), ok(2, write(2), null, 3, 4), ok(1, read, got(1), 5, 6)];
    expect(checkOperations(registerModel, history).kind).toBe("invalid");
  });

  it("does not let an info write take effect before its call", () => {
    const history: RegisterOp[] = [ok(1, read, got(1), 0, 1), info(0, write(1), 2)];
    expect(checkOperations(registerModel, history).kind).toBe("invalid");
  });

  it("drops failed writes: a read of a failed write's value is invalid", () => {
    const history: RegisterOp[] = [failed(0, write(1), 0, 1), ok(1, read, got(1), 2, 3)];
    expect(checkOperations(registerModel, history).kind).toBe("invalid");
  });

  it("returns unknown, naming no key, when the budget runs out", () => {
    const history: RegisterOp[] = [];
    for (let i = 0; i < 12; i++) history.push(ok(i, write(i), null, 0, 100));
    history.push(ok(99, read, got(-1), 101, 102));
    // The unique-writes path would decide this history without search: turn it off.
    const verdict = checkOperations(registerModel, history, { maxStepsPerPartition: 50, useUniqueWrites: false });
    expect(verdict).toEqual({ kind: "unknown", undecided: [{ kind: "out-of-budget", key: null, steps: 50 }] });
  });

  it("returns unknown, not an exception, for an ok operation that returns before its call", () => {
    const verdict = checkOperations(registerModel, [ok(0, read, got(null), 5, 1)]);
    expect(verdict).toMatchObject({ kind: "unknown", undecided: [{ kind: "malformed", key: null }] });
  });
});

describe("checkOperations on a cas register", () => {
  it("accepts a failed cas only where the value differs from `from`", () => {
    const cas = { kind: "cas", from: 1, to: 2 } as const;
    const before = [ok(0, { kind: "write", value: 1 } as const, null, 0, 1)];
    expect(checkOperations(casRegisterModel, [...before, ok(1, cas, { kind: "cas", swapped: false }, 2, 3)]).kind).toBe("invalid");
    expect(checkOperations(casRegisterModel, [...before, ok(1, cas, { kind: "cas", swapped: true }, 2, 3), ok(2, read, { kind: "read", value: 2 }, 4, 5)]).kind).toBe("valid");
  });

  it("lets an info cas take effect only if its comparison held", () => {
    const cas = { kind: "cas", from: 5, to: 2 } as const;
    const history = [info(0, cas, 0), ok(1, read, { kind: "read", value: 2 } as const, 1, 2)];
    expect(checkOperations(casRegisterModel, history).kind).toBe("invalid");
  });
});

describe("checkOperations on the kv model (split by key)", () => {
  type KvOp = Operation<KvInput, KvOutput>;
  const put = (key: string, value: string): KvInput => ({ kind: "put", key, value });
  const get = (key: string): KvInput => ({ kind: "get", key });

  it("matches an absent get whatever reason it gives, after a delete", () => {
    const history: KvOp[] = [
      ok(0, put("a", "1"), null, 0, 1),
      ok(0, { kind: "delete", key: "a" }, null, 2, 3),
      ok(1, get("a"), { kind: "absent", reason: "never-written" }, 4, 5),
    ];
    expect(checkOperations(linearizableKvModel, history).kind).toBe("valid");
  });

  it("reports each bad key, and only those", () => {
    const history: KvOp[] = [
      ok(0, put("a", "1"), null, 0, 1),
      ok(1, put("b", "2"), null, 0, 1),
      ok(2, get("a"), { kind: "value", value: "1" }, 2, 3),
      ok(3, get("b"), { kind: "absent", reason: "deleted" }, 2, 3),
    ];
    const verdict = checkOperations(linearizableKvModel, history);
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") return;
    expect(verdict.partitions.map((partition) => partition.key)).toEqual(["b"]);
    expect(verdict.partitions[0]?.failingOperation).toBe(3);
  });

  it("names the key whose search ran out of budget", () => {
    const history: KvOp[] = [ok(0, get("easy"), { kind: "absent", reason: "never-written" }, 0, 1)];
    for (let i = 0; i < 12; i++) history.push(ok(i, put("hard", `v${i}`), null, 0, 100));
    history.push(ok(99, get("hard"), { kind: "value", value: "none" }, 101, 102));
    const options = { maxStepsPerPartition: 50, useUniqueWrites: false };
    expect(checkOperations(linearizableKvModel, history, options)).toEqual({ kind: "unknown", undecided: [{ kind: "out-of-budget", key: "hard", steps: 50 }] });
  });

  it("rejects siblings: a linearizable store has one value per key", () => {
    const history: KvOp[] = [ok(0, get("a"), { kind: "siblings", values: [], tombstones: [] }, 0, 1)];
    expect(checkOperations(linearizableKvModel, history).kind).toBe("invalid");
  });
});
