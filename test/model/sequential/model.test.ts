// The laws model/sequential/model.ts states for every SequentialModel, checked on each
// model: `key` is equality, a read-only input never changes the state, an unknown read
// constrains nothing, and `uniqueWriteView` says exactly what `step` does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  casRegisterModel,
  createCasRegisterModel,
  createRegisterModel,
  linearizableKvModel,
  porcupineKvModel,
  registerModel,
  type SequentialModel,
} from "../../../model/sequential/index.ts";
import type { CasRegisterInput, CasRegisterOutput, KvInput, KvOutput, PorcupineKvInput, PorcupineKvOutput, RegisterInput, RegisterOutput, RegisterValue } from "../../../model/sequential/index.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
// Values chosen to collide with careless encodings: "null", "-", "n1", "s1", "v1", "absent".
const registerValue: fc.Arbitrary<RegisterValue> = fc.constantFrom<RegisterValue>(null, 1, 2, "1", "2", "", "-", "n1", "s1", "null");
const kvValue: fc.Arbitrary<string> = fc.constantFrom("1", "2", "", "-", "v1", "absent", "null", "vnull");

interface Laws<State, Input, Output> {
  name: string;
  model: SequentialModel<State, Input, Output>;
  /** blind: which inputs are blind writes (moving to one state whatever the current one). */
  blind: (input: Input) => boolean;
  /** read: which inputs only read. */
  read: (input: Input) => boolean;
  state: fc.Arbitrary<State>;
  input: fc.Arbitrary<Input>;
  output: fc.Arbitrary<Output | undefined>;
}

const registerLaws: Laws<RegisterValue, RegisterInput, RegisterOutput> = {
  name: "register",
  read: (input) => input.kind === "read",
  model: registerModel,
  blind: (input) => input.kind === "write",
  state: registerValue,
  input: fc.oneof(fc.constant({ kind: "read" as const }), registerValue.map((value) => ({ kind: "write" as const, value }))),
  output: fc.oneof(fc.constant(undefined), fc.constant(null), registerValue.map((value) => ({ kind: "read" as const, value }))),
};
const casLaws: Laws<RegisterValue, CasRegisterInput, CasRegisterOutput> = {
  name: "cas-register",
  read: (input) => input.kind === "read",
  model: casRegisterModel,
  blind: (input) => input.kind === "write",
  state: registerValue,
  input: fc.oneof(
    fc.constant({ kind: "read" as const }),
    registerValue.map((value) => ({ kind: "write" as const, value })),
    fc.record({ kind: fc.constant("cas" as const), from: registerValue, to: registerValue }),
  ),
  output: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    registerValue.map((value) => ({ kind: "read" as const, value })),
    fc.boolean().map((swapped) => ({ kind: "cas" as const, swapped })),
  ),
};
const kvLaws: Laws<string | null, KvInput, KvOutput> = {
  name: "kv",
  read: (input) => input.kind === "get",
  model: linearizableKvModel,
  blind: (input) => input.kind !== "get",
  state: fc.option(kvValue, { nil: null }),
  input: fc.oneof(
    fc.constant({ kind: "get" as const, key: "x" }),
    fc.constant({ kind: "delete" as const, key: "x" }),
    kvValue.map((value) => ({ kind: "put" as const, key: "x", value })),
  ),
  output: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    kvValue.map((value) => ({ kind: "value" as const, value })),
    fc.constantFrom("never-written" as const, "deleted" as const).map((reason) => ({ kind: "absent" as const, reason })),
    fc.record({ kind: fc.constant("siblings" as const), values: fc.array(kvValue, { maxLength: 2 }), tombstones: fc.constant<string[]>([]) }),
  ),
};
const porcupineLaws: Laws<string, PorcupineKvInput, PorcupineKvOutput> = {
  name: "porcupine-kv",
  read: (input) => input.kind === "get",
  model: porcupineKvModel,
  blind: (input) => input.kind === "put",
  state: kvValue,
  input: fc.oneof(
    fc.constant({ kind: "get" as const, key: "k" }),
    kvValue.map((value) => ({ kind: "put" as const, key: "k", value })),
    kvValue.map((value) => ({ kind: "append" as const, key: "k", value })),
  ),
  output: fc.oneof(fc.constant(undefined), fc.constant(null), kvValue.map((value) => ({ kind: "get" as const, value }))),
};

function checkLaws<State, Input, Output>(laws: Laws<State, Input, Output>): void {
  const { model } = laws;
  describe(`${laws.name}: the SequentialModel laws`, () => {
    prop([laws.state, laws.state], options)(`key and describeState tell states apart exactly (seed ${seed})`, (a, b) => {
      const equal = JSON.stringify(a) === JSON.stringify(b);
      expect(model.key(a) === model.key(b)).toBe(equal);
      expect(model.describeState(a) === model.describeState(b)).toBe(equal);
    });

    prop([laws.state, laws.input, laws.output], options)(`step is a total, pure function of its arguments (seed ${seed})`, (state, input, output) => {
      const first = model.step(state, input, output);
      expect(model.step(state, input, output)).toEqual(first);
      expect(typeof first.ok).toBe("boolean");
    });

    prop([laws.state, laws.input, laws.output], options)(`exactly the reads are read-only, and a read-only input never changes the state (seed ${seed})`, (state, input, output) => {
      expect(model.readOnly?.(input) === true).toBe(laws.read(input));
      if (model.readOnly?.(input) !== true) return;
      expect(model.key(model.step(state, input, output).next)).toBe(model.key(state));
      // Its outcome unknown, it constrains nothing.
      expect(model.step(state, input, undefined).ok).toBe(true);
    });

    prop([laws.state, laws.state, laws.input, laws.output], options)(
      `uniqueWriteView says what step does: a write is accepted anywhere and moves to its value, a read is accepted exactly in its state (seed ${seed})`,
      (state, other, input, output) => {
        const view = model.uniqueWriteView?.(input, output);
        if (view === undefined) return;
        expect(["write", "read"]).toContain(view.kind);
        const step = model.step(state, input, output);
        if (view.kind === "write") {
          expect(step.ok).toBe(true);
          expect(model.key(step.next)).toBe(model.key(view.value));
        } else {
          expect(step.ok).toBe(model.key(state) === model.key(view.value));
          expect(model.key(step.next)).toBe(model.key(state));
          expect(model.step(view.value, input, output).ok).toBe(true);
          if (model.key(other) !== model.key(view.value)) expect(model.step(other, input, output).ok).toBe(false);
        }
      },
    );

    prop([laws.state, laws.input, laws.output], options)(
      `blindWrite names the state a blind write moves to from any state, and only a blind write has one (seed ${seed})`,
      (state, input, output) => {
        const target = model.blindWrite?.(input, output);
        expect(target !== undefined).toBe(laws.blind(input));
        if (target === undefined) return;
        const step = model.step(state, input, output);
        expect(step.ok).toBe(true);
        expect(model.key(step.next)).toBe(model.key(target));
      },
    );

    prop([laws.input, laws.output, laws.input, laws.output], options)(`describeOperation names an operation, distinctly for different inputs (seed ${seed})`, (a, outA, b, outB) => {
      const da = model.describeOperation(a, outA);
      expect(da.length).toBeGreaterThan(0);
      expect(da).not.toMatch(/undefined|\s$/);
      expect(model.describeState(model.init()).length).toBeGreaterThan(0);
      // A write is never described as a read, whatever the read returned.
      if (laws.read(a) !== laws.read(b)) expect(da).not.toBe(model.describeOperation(b, outB));
      if (model.readOnly?.(a) !== true && model.readOnly?.(b) !== true && JSON.stringify(a) !== JSON.stringify(b)) {
        expect(da).not.toBe(model.describeOperation(b, outB));
      }
    });
  });
}

describe("the models' names", () => {
  it("are distinct and say which model a history is checked against", () => {
    const names = [registerModel, casRegisterModel, linearizableKvModel, porcupineKvModel].map((m) => m.name);
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z-]*$/);
    expect(createRegisterModel({ initial: 1 }).name).toBe(registerModel.name);
    expect(createCasRegisterModel({ initial: 1 }).name).toBe(casRegisterModel.name);
  });
});

checkLaws(registerLaws);
checkLaws(casLaws);
checkLaws(kvLaws);
checkLaws(porcupineLaws);

describe("the models' own rules", () => {
  prop([registerValue, registerValue, fc.option(registerValue, { nil: undefined })], options)(
    `a register starts at its initial value, writes replace it, and a read must see it (seed ${seed})`,
    (initial, written, read) => {
      const model = createRegisterModel({ initial });
      expect(model.init()).toBe(initial);
      expect(registerModel.init()).toBeNull();
      const { next } = model.step(model.init(), { kind: "write", value: written }, null);
      expect(next).toBe(written);
      const output: RegisterOutput | undefined = read === undefined ? undefined : { kind: "read", value: read };
      expect(model.step(next, { kind: "read" }, output)).toEqual({ ok: read === undefined || read === written, next: written });
      expect(model.uniqueWriteView!({ kind: "read" }, null)).toBeUndefined();
      expect(model.describeOperation({ kind: "read" }, output)).not.toBe(model.describeOperation({ kind: "read" }, { kind: "read", value: "zz" }));
    },
  );

  prop([registerValue, registerValue, registerValue, fc.option(fc.boolean(), { nil: undefined })], options)(
    `a cas swaps iff the value equals from, and its report must say so (seed ${seed})`,
    (initial, from, to, swapped) => {
      const model = createCasRegisterModel({ initial });
      expect(model.init()).toBe(initial);
      expect(casRegisterModel.init()).toBeNull();
      const matches = initial === from;
      const output: CasRegisterOutput | undefined = swapped === undefined ? undefined : { kind: "cas", swapped };
      expect(model.step(initial, { kind: "cas", from, to }, output)).toEqual({ ok: swapped === undefined || swapped === matches, next: matches ? to : initial });
      // An output that is no cas report says nothing about the comparison: it is unknown.
      for (const other of [null, { kind: "read" as const, value: from }]) {
        expect(model.step(initial, { kind: "cas", from, to }, other)).toEqual({ ok: true, next: matches ? to : initial });
      }
      // A cas's description says whether it swapped, and an unknown cas apart from both.
      const described = new Set([undefined, true, false].map((s) => model.describeOperation({ kind: "cas", from, to }, s === undefined ? undefined : { kind: "cas", swapped: s })));
      expect(described.size).toBe(3);
      const reads = new Set([undefined, from].map((v) => model.describeOperation({ kind: "read" }, v === undefined ? undefined : { kind: "read", value: v })));
      expect(reads.size).toBe(2);
    },
  );

  prop([fc.option(kvValue, { nil: null }), kvLaws.output], options)(
    `a kv get matches its key's state; absent matches absent whatever the reason; siblings never (seed ${seed})`,
    (state, output) => {
      const { ok, next } = linearizableKvModel.step(state, { kind: "get", key: "x" }, output);
      expect(next).toBe(state);
      const expected =
        output === undefined || output === null ? true : output.kind === "value" ? output.value === state : output.kind === "absent" ? state === null : false;
      expect(ok).toBe(expected);
      expect(linearizableKvModel.init()).toBeNull();
      expect(linearizableKvModel.partitionKey!({ kind: "delete", key: "k" })).toBe("k");
      expect(linearizableKvModel.step("v", { kind: "delete", key: "x" }, null)).toEqual({ ok: true, next: null });
      const view = linearizableKvModel.uniqueWriteView!({ kind: "get", key: "x" }, output);
      const plain = output !== undefined && output !== null && output.kind !== "siblings";
      expect(view === undefined).toBe(!plain);
      // A get's description names what it returned.
      const described = linearizableKvModel.describeOperation({ kind: "get", key: "x" }, output);
      if (plain) expect(described).not.toBe(linearizableKvModel.describeOperation({ kind: "get", key: "x" }, undefined));
      // Siblings are named apart: each value is followed by a separator or the list's end.
      if (output?.kind === "siblings") {
        for (const v of output.values) expect([", ", "]"].some((end) => described.includes(`${JSON.stringify(v)}${end}`))).toBe(true);
      }
      if (output?.kind === "absent") expect(described).toContain(output.reason);
    },
  );

  prop([kvValue, kvValue, fc.option(kvValue, { nil: undefined })], options)(
    `porcupine's kv starts empty, appends concatenate, a get must see the state (seed ${seed})`,
    (state, appended, read) => {
      expect(porcupineKvModel.init()).toBe("");
      expect(porcupineKvModel.partitionKey!({ kind: "get", key: "q" })).toBe("q");
      expect(porcupineKvModel.step(state, { kind: "append", key: "k", value: appended }, null)).toEqual({ ok: true, next: state + appended });
      const output: PorcupineKvOutput | undefined = read === undefined ? undefined : { kind: "get", value: read };
      expect(porcupineKvModel.step(state, { kind: "get", key: "k" }, output).ok).toBe(read === undefined || read === state);
      if (read !== undefined) expect(porcupineKvModel.describeOperation({ kind: "get", key: "k" }, output)).toContain(JSON.stringify(read));
      expect(porcupineKvModel.describeOperation({ kind: "get", key: "k" }, output)).not.toBe(porcupineKvModel.describeOperation({ kind: "put", key: "k", value: state }, null));
    },
  );
});
