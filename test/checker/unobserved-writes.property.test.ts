// The search shortcut that leaves out info writes no read observes never changes a
// linearizability verdict: on small random key histories (puts, deletes, gets, ok / info /
// fail), the engine decides the same with and without them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOperations } from "../../checker/linearizability/index.ts";
import { dropUnobservedInfoWrites } from "../../checker/unobserved-writes.ts";
import type { Operation } from "../../model/operations.ts";
import { linearizableKvModel, type KvInput, type KvOutput, type Operation as EngineOperation } from "../../model/sequential/index.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const seed = 20261124;

const row = fc.record({
  kind: fc.constantFrom("put", "delete", "get"),
  value: fc.constantFrom("a", "b", "c"),
  read: fc.constantFrom("a", "b", "c", null),
  call: fc.integer({ min: 0, max: 12 }),
  duration: fc.integer({ min: 1, max: 5 }),
  outcome: fc.constantFrom("ok", "ok", "info", "info", "fail"),
});

const keyHistory = fc.array(row, { maxLength: 8 }).map((rows) =>
  rows.map((r, index): Operation => {
    const outcome = r.kind === "get" && r.outcome === "info" ? "ok" : r.outcome;
    const op: Operation = {
      process: index,
      kind: r.kind,
      key: "x",
      outcome,
      callAt: r.call,
      returnAt: outcome === "info" ? Infinity : r.call + r.duration,
      callTime: r.call,
      returnTime: outcome === "info" ? Infinity : r.call + r.duration,
      invokeIndex: r.call,
    };
    if (r.kind === "put") op.value = r.value;
    if (r.kind === "get" && outcome === "ok") op.result = r.read === null ? { kind: "absent", reason: "deleted" } : { kind: "value", value: r.read };
    return op;
  }),
);

function verdict(operations: readonly Operation[]): string {
  const engine = operations.map((op): EngineOperation<KvInput, KvOutput> => ({
    process: op.process,
    outcome: op.outcome,
    input: op.kind === "put" ? { kind: "put", key: "x", value: op.value! } : { kind: op.kind, key: "x" },
    output: op.outcome === "ok" ? (op.result ?? null) : undefined,
    callTime: op.callAt,
    returnTime: op.returnAt,
    eventIndices: [],
  }));
  return checkOperations(linearizableKvModel, engine).kind;
}

describe("dropUnobservedInfoWrites", () => {
  it(`never changes the verdict (seed ${seed})`, () => {
    fc.assert(
      fc.property(keyHistory, (ops) => {
        expect(verdict(dropUnobservedInfoWrites(ops))).toBe(verdict(ops));
      }),
      { seed, numRuns: deep ? 20_000 : 1_000 },
    );
  });
  it("keeps a read info write and drops one no read observes", () => {
    const put = (value: string, call: number): Operation => ({ process: call, kind: "put", key: "x", value, outcome: "info", callAt: call, returnAt: Infinity, callTime: call, returnTime: Infinity, invokeIndex: call });
    const get: Operation = { process: 9, kind: "get", key: "x", outcome: "ok", result: { kind: "value", value: "a" }, callAt: 5, returnAt: 6, callTime: 5, returnTime: 6, invokeIndex: 5 };
    expect(dropUnobservedInfoWrites([put("a", 1), put("b", 2), get]).map((op) => op.value ?? "get")).toEqual(["a", "get"]);
    expect(dropUnobservedInfoWrites([get, put("a", 7)]).map((op) => op.value ?? "get")).toEqual(["get"]);
  });
});
