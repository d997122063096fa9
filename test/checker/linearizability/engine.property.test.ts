// Property-based tests of the engine: histories recorded from a real sequential run are
// always valid, and on small random histories the engine agrees with brute force, also
// when they are full of info writes (linearized just in time), and with itself without
// just-in-time writes on longer ones.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkOperations } from "../../../checker/linearizability/index.ts";
import { casRegisterModel, createRegisterModel, linearizableKvModel } from "../../../model/sequential/index.ts";
import type {
  CasRegisterInput,
  CasRegisterOutput,
  KvInput,
  KvOutput,
  Operation,
  RegisterInput,
  RegisterOutput,
  RegisterValue,
  SequentialModel,
} from "../../../model/sequential/index.ts";

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
function bruteForce<State, Input, Output>(model: SequentialModel<State, Input, Output>, history: ReadonlyArray<Operation<Input, Output>>): boolean {
  const ops = history.filter((op) => op.outcome !== "fail");
  const used = ops.map(() => false);
  const search = (state: State): boolean => {
    if (ops.every((op, i) => used[i] || op.outcome === "info")) return true;
    return ops.some((op, i) => {
      if (used[i]) return false;
      // op may go next only if no unused op returned strictly before op was called.
      if (ops.some((other, j) => !used[j] && j !== i && other.outcome === "ok" && other.returnTime < op.callTime)) return false;
      const { ok, next } = model.step(state, op.input, op.outcome === "ok" ? op.output : undefined);
      if (!ok) return false;
      used[i] = true;
      const found = search(next);
      used[i] = false;
      return found;
    });
  };
  return search(model.init());
}

/**
 * legalPrefixProblem says what is wrong with an invalid verdict's longest partial
 * linearization, or undefined: every step must be accepted in turn, no operation may
 * come after one that was called after it returned, and every ok operation that
 * returned before a listed one was called must be listed (it is a prefix of a run).
 */
function legalPrefixProblem<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  history: ReadonlyArray<Operation<Input, Output>>,
  order: number[],
): string | undefined {
  let state = model.init();
  for (const [position, index] of order.entries()) {
    const op = history[index]!;
    const { ok, next } = model.step(state, op.input, op.outcome === "ok" ? op.output : undefined);
    if (!ok) return `step ${position} (operation ${index}) is not accepted`;
    state = next;
    if (order.slice(0, position).some((earlier) => op.returnTime < history[earlier]!.callTime)) return `operation ${index} returned before an earlier one was called`;
    const missing = history.findIndex((other, j) => other.outcome === "ok" && !order.includes(j) && other.returnTime < op.callTime);
    if (missing !== -1) return `operation ${missing} returned before operation ${index} was called but is not listed`;
  }
  return undefined;
}

/** agreesWithBruteForce checks the verdict against brute force, and an invalid one's longest order. */
function agreesWithBruteForce<State, Input, Output>(model: SequentialModel<State, Input, Output>, history: ReadonlyArray<Operation<Input, Output>>): void {
  const verdict = checkOperations(model, history);
  expect(verdict.kind).toBe(bruteForce(model, history) ? "valid" : "invalid");
  if (verdict.kind !== "invalid") return;
  for (const partition of verdict.partitions) expect(legalPrefixProblem(model, history, partition.longestPartialLinearization)).toBeUndefined();
}

type KvOp = Operation<KvInput, KvOutput>;
type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const time = { callTime: fc.integer({ min: 0, max: 10 }), duration: fc.integer({ min: 0, max: 5 }) };

/**
 * kvHistoryWithInfoWrites: operations on one key, about half of them puts and deletes
 * with unknown outcome, values drawn from three so that they repeat.
 */
const kvHistoryWithInfoWrites = (maxLength: number): fc.Arbitrary<KvOp[]> => fc.array(
  fc.record({
    kind: fc.constantFrom("put", "put", "delete", "get", "get"),
    value: fc.constantFrom("a", "b", "c"),
    readValue: fc.constantFrom<string | null>(null, "a", "b", "c"),
    ...time,
    outcome: fc.constantFrom("ok", "info", "info", "fail"),
  }),
  { maxLength },
).map((rows) =>
  rows.map((row, index): KvOp => {
    const input: KvInput = row.kind === "put" ? { kind: "put", key: "k", value: row.value } : { kind: row.kind as "get" | "delete", key: "k" };
    // Gets return or fail: one with unknown outcome constrains nothing.
    const outcome = row.kind === "get" ? (row.outcome === "fail" ? "fail" : "ok") : (row.outcome as KvOp["outcome"]);
    const output: KvOutput = input.kind !== "get" ? null : row.readValue === null ? { kind: "absent", reason: "never-written" } : { kind: "value", value: row.readValue };
    const returnTime = outcome === "info" ? Infinity : row.callTime + row.duration;
    return { process: index, outcome, input, output: outcome === "ok" ? output : undefined, callTime: row.callTime, returnTime, eventIndices: [] };
  }),
);

/** registerHistoryWithInfoWrites: the same for a register with numbers, initially 0. */
const registerHistoryWithInfoWrites: fc.Arbitrary<RegisterOp[]> = fc.array(
  fc.record({ write: fc.boolean(), value: fc.constantFrom(0, 1, 2), ...time, info: fc.constantFrom(false, true, true) }),
  { maxLength: 8 },
).map((rows) =>
  rows.map((row, index): RegisterOp => {
    const info = row.write && row.info;
    const input: RegisterInput = row.write ? { kind: "write", value: row.value } : { kind: "read" };
    const output: RegisterOutput = row.write ? null : { kind: "read", value: row.value };
    const returnTime = info ? Infinity : row.callTime + row.duration;
    return { process: index, outcome: info ? "info" : "ok", input, output: info ? undefined : output, callTime: row.callTime, returnTime, eventIndices: [] };
  }),
);

/**
 * casHistoryWithInfoWrites: cas-register histories where most writes have unknown
 * outcome, and a third of the cas; a cas that returned "failed" fits after writes of
 * several values, so these exercise the choice of write as well as its place.
 */
const casHistoryWithInfoWrites = (maxLength: number): fc.Arbitrary<CasOp[]> =>
  fc
    .array(fc.record({ input: casInput, readValue: value, swapped: fc.boolean(), ...time, info: fc.constantFrom(false, true, true) }), { maxLength })
    .map((rows) =>
      rows.map((row, index): CasOp => {
        const info = row.input.kind === "write" ? row.info : row.input.kind === "cas" && row.info && row.swapped;
        const output: CasRegisterOutput =
          row.input.kind === "read" ? { kind: "read", value: row.readValue } : row.input.kind === "cas" ? { kind: "cas", swapped: row.swapped } : null;
        const returnTime = info ? Infinity : row.callTime + row.duration;
        return { process: index, outcome: info ? "info" : "ok", input: row.input, output: info ? undefined : output, callTime: row.callTime, returnTime, eventIndices: [] };
      }),
    );

describe("the engine against brute force", () => {
  const seed = 20240611;
  it(`agrees on random cas-register histories of up to 7 operations (seed ${seed})`, () => {
    fc.assert(
      fc.property(randomHistory, (history) => {
        expect(checkOperations(casRegisterModel, history).kind).toBe(bruteForce(casRegisterModel, history) ? "valid" : "invalid");
      }),
      { seed, numRuns: 3000 },
    );
  });
});

// Blind writes with unknown outcome are linearized just in time, paired with the
// operation that observes them: these histories are full of them, values repeat, and
// an invalid verdict's longest order must still be a legal one.
describe("the engine against brute force, with many info writes", () => {
  const seed = 20261124;
  it(`agrees on kv histories of up to 8 operations, half info puts and deletes (seed ${seed})`, () => {
    fc.assert(fc.property(kvHistoryWithInfoWrites(8), (history) => agreesWithBruteForce(linearizableKvModel, history)), { seed, numRuns: 4000 });
  });
  it(`agrees on register histories of up to 8 operations, initially 0 (seed ${seed + 1})`, () => {
    const model = createRegisterModel({ initial: 0 });
    fc.assert(fc.property(registerHistoryWithInfoWrites, (history) => agreesWithBruteForce(model, history)), { seed: seed + 1, numRuns: 4000 });
  });
  it(`agrees on cas-register histories of up to 8 operations with info writes and cas (seed ${seed + 2})`, () => {
    fc.assert(fc.property(casHistoryWithInfoWrites(8), (history) => agreesWithBruteForce(casRegisterModel, history)), { seed: seed + 2, numRuns: 4000 });
  });
  it(`agrees on a cas that failed among pending info writes, which it must follow (seed ${seed + 3})`, () => {
    fc.assert(fc.property(failedCasAmongInfoWrites, (history) => agreesWithBruteForce(casRegisterModel, history)), { seed: seed + 3, numRuns: 3000 });
  });
});

/**
 * failedCasAmongInfoWrites: write v, then pending info writes, then a cas from v that
 * failed, then reads one after another. The cas must follow one of the info writes
 * (of a value other than v), and which one decides whether the reads can be served:
 * the shape where the search must try each candidate write for the same operation.
 */
const failedCasAmongInfoWrites: fc.Arbitrary<CasOp[]> = fc
  .record({ first: value, writes: fc.array(value, { minLength: 1, maxLength: 3 }), reads: fc.array(value, { minLength: 1, maxLength: 3 }) })
  .map(({ first, writes, reads }) => [
    { process: 0, outcome: "ok", input: { kind: "write", value: first }, output: null, callTime: 0, returnTime: 1, eventIndices: [] },
    ...writes.map((written, i): CasOp => ({ process: 1 + i, outcome: "info", input: { kind: "write", value: written }, output: undefined, callTime: 0, returnTime: Infinity, eventIndices: [] })),
    { process: 9, outcome: "ok", input: { kind: "cas", from: first, to: 3 }, output: { kind: "cas", swapped: false }, callTime: 2, returnTime: 3, eventIndices: [] },
    ...reads.map((read, i): CasOp => ({ process: 9, outcome: "ok", input: { kind: "read" }, output: { kind: "read", value: read }, callTime: 4 + 2 * i, returnTime: 5 + 2 * i, eventIndices: [] })),
  ]);

// Longer histories than brute force can take: the search with just-in-time writes
// against the same search trying every info write at every point (the model without
// its `blindWrite`), which is exponential in them but fine for a dozen operations.
describe("the engine with and without just-in-time writes", () => {
  const seed = 20261130;
  const withoutBlindWrites = <State, Input, Output>(model: SequentialModel<State, Input, Output>): SequentialModel<State, Input, Output> => ({ ...model, blindWrite: undefined });
  it(`agree on cas-register histories of up to 14 operations (seed ${seed})`, () => {
    fc.assert(
      fc.property(casHistoryWithInfoWrites(14), (history) => {
        expect(checkOperations(casRegisterModel, history).kind).toBe(checkOperations(withoutBlindWrites(casRegisterModel), history).kind);
      }),
      { seed, numRuns: 3000 },
    );
  });
  it(`agree on kv histories of up to 14 operations (seed ${seed + 1})`, () => {
    fc.assert(
      fc.property(kvHistoryWithInfoWrites(14), (history) => {
        expect(checkOperations(linearizableKvModel, history).kind).toBe(checkOperations(withoutBlindWrites(linearizableKvModel), history).kind);
      }),
      { seed: seed + 1, numRuns: 3000 },
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
