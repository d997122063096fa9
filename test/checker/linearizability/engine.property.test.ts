// Property-based tests of the engine: histories recorded from a real sequential run are
// always valid, and on small random histories the engine agrees with brute force.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOperations } from "../../../checker/linearizability/index.ts";
import { casRegisterModel, linearizableKvModel } from "../../../model/sequential/index.ts";
import type { CasRegisterInput, CasRegisterOutput, KvInput, KvOutput, Operation, RegisterValue } from "../../../model/sequential/index.ts";

type CasOp = Operation<CasRegisterInput, CasRegisterOutput>;
const value = fc.constantFrom<RegisterValue>(null, 0, 1, 2);
const casInput: fc.Arbitrary<CasRegisterInput> = fc.oneof(
  fc.constant({ kind: "read" } as const),
  value.map((v) => ({ kind: "write", value: v }) as const),
  fc.tuple(value, value).map(([from, to]) => ({ kind: "cas", from, to }) as const),
);

/** A small random history: random inputs, random outputs, random intervals and outcomes. */
const randomHistory: fc.Arbitrary<CasOp[]> = fc.array(
  fc.record({
    input: casInput,
    readValue: value,
    swapped: fc.boolean(),
    callTime: fc.integer({ min: 0, max: 10 }),
    duration: fc.integer({ min: 0, max: 5 }),
    outcome: fc.constantFrom("ok", "ok", "ok", "info", "fail"),
  }),
  { maxLength: 7 },
).map((rows) =>
  rows.map((row, index): CasOp => {
    const output: CasRegisterOutput =
      row.input.kind === "read" ? { kind: "read", value: row.readValue } : row.input.kind === "cas" ? { kind: "cas", swapped: row.swapped } : null;
    const returnTime = row.outcome === "info" ? Infinity : row.callTime + row.duration;
    return { process: index, outcome: row.outcome as CasOp["outcome"], input: row.input, output: row.outcome === "ok" ? output : undefined, callTime: row.callTime, returnTime, eventIndices: [] };
  }),
);

/** bruteForce tries every order of every subset of the info operations. */
function bruteForce(history: CasOp[]): boolean {
  const ops = history.filter((op) => op.outcome !== "fail");
  const used = ops.map(() => false);
  const search = (state: RegisterValue): boolean => {
    if (ops.every((op, i) => used[i] || op.outcome === "info")) return true;
    return ops.some((op, i) => {
      if (used[i]) return false;
      // op may go next only if no unused op returned strictly before op was called.
      if (ops.some((other, j) => !used[j] && j !== i && other.outcome === "ok" && other.returnTime < op.callTime)) return false;
      const { ok, next } = casRegisterModel.step(state, op.input, op.outcome === "ok" ? op.output : undefined);
      if (!ok) return false;
      used[i] = true;
      const found = search(next);
      used[i] = false;
      return found;
    });
  };
  return search(null);
}

describe("the engine against brute force", () => {
  const seed = 20240611;
  it(`agrees on random cas-register histories of up to 7 operations (seed ${seed})`, () => {
    fc.assert(
      fc.property(randomHistory, (history) => {
        expect(checkOperations(casRegisterModel, history).kind).toBe(bruteForce(history) ? "valid" : "invalid");
      }),
      { seed, numRuns: 3000 },
    );
  });
});

describe("histories recorded from a sequential run", () => {
  const seed = 7;
  it(`are always valid, with info operations that did or did not take effect (seed ${seed})`, () => {
    const row = fc.record({
      kind: fc.constantFrom("put", "put", "get", "get", "delete"),
      key: fc.constantFrom("a", "b", "c"),
      lead: fc.integer({ min: 0, max: 6 }),
      lag: fc.integer({ min: 0, max: 6 }),
      outcome: fc.constantFrom("ok", "ok", "ok", "ok", "info-applied", "info-lost", "fail"),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        // Each operation takes effect at time 10·i (if it takes effect at all), inside its interval.
        const state = new Map<string, string>();
        const history: Array<Operation<KvInput, KvOutput>> = rows.map((r, i) => {
          const at = 10 * i;
          const input: KvInput = r.kind === "put" ? { kind: "put", key: r.key, value: `v${i}` } : { kind: r.kind as "get" | "delete", key: r.key };
          const applies = r.outcome === "ok" || r.outcome === "info-applied";
          let output: KvOutput = null;
          if (applies && input.kind === "put") state.set(r.key, input.value);
          if (applies && input.kind === "delete") state.delete(r.key);
          if (input.kind === "get") {
            const current = state.get(r.key);
            output = current === undefined ? { kind: "absent", reason: "never-written" } : { kind: "value", value: current };
          }
          const outcome = r.outcome === "ok" ? "ok" : r.outcome === "fail" ? "fail" : "info";
          const returnTime = outcome === "info" ? Infinity : at + r.lag;
          return { process: i, outcome, input, output: outcome === "ok" ? output : undefined, callTime: at - r.lead, returnTime, eventIndices: [] };
        });
        // A failed op must not have taken effect: rows marked fail never changed the state above.
        expect(checkOperations(linearizableKvModel, history)).toEqual({ kind: "valid" });
      }),
      { seed, numRuns: 500 },
    );
  });
});
