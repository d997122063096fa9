// Blind writes with unknown outcome, linearized just in time: hand-written histories
// where the write must land right before the operation that observes it, and the
// models' `blindWrite` checked against their `step`.

import { describe, expect, it } from "vitest";
import { checkOperations, checkOperationsWithStatistics } from "../../../checker/linearizability/index.ts";
import { casRegisterModel, createRegisterModel, linearizableKvModel, porcupineKvModel, registerModel } from "../../../model/sequential/index.ts";
import type { CasRegisterInput, CasRegisterOutput, KvInput, KvOutput, Operation, RegisterInput, RegisterOutput } from "../../../model/sequential/index.ts";
import { info, ok } from "./helpers.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const write = (value: number) => ({ kind: "write", value }) as const;
const read = { kind: "read" } as const;
const got = (value: number | null) => ({ kind: "read", value }) as const;
// The unique-writes path would decide some of these without search: the search is under test.
const searchOnly = { useUniqueWrites: false };

describe("an info write linearized just in time", () => {
  it("lands right before a read that is concurrent with an ok write, after that write", () => {
    // write 1 must precede read → 1; the info write 2 must come after both and before
    // read → 2, which is itself concurrent with the ok write 1.
    const history: RegisterOp[] = [ok(0, write(1), null, 0, 10), info(1, write(2), 0), ok(2, read, got(1), 1, 2), ok(2, read, got(2), 3, 4)];
    expect(checkOperations(registerModel, history, searchOnly).kind).toBe("valid");
    expect(checkOperations(registerModel, history).kind).toBe("valid");
  });

  it("cannot also be read before that write", () => {
    const history: RegisterOp[] = [
      ok(0, write(1), null, 0, 10),
      info(1, write(2), 0),
      ok(2, read, got(2), 0, 1),
      ok(2, read, got(1), 2, 3),
      ok(2, read, got(2), 4, 5),
    ];
    expect(checkOperations(registerModel, history, searchOnly).kind).toBe("invalid");
  });

  it("takes effect at most once: a value read again after another needs a second write of it", () => {
    // Two info writes of 2 and one of 3, all pending from the start: the reads 2, 3, 2
    // use all three, and a second read of 3 after them has no write left.
    const history: RegisterOp[] = [
      info(0, write(2), 0),
      info(1, write(3), 0),
      info(2, write(2), 0),
      ok(3, read, got(2), 1, 2),
      ok(3, read, got(3), 3, 4),
      ok(3, read, got(2), 5, 6),
      ok(3, read, got(3), 7, 8),
    ];
    expect(checkOperations(registerModel, history, searchOnly).kind).toBe("invalid");
    expect(checkOperations(registerModel, history.slice(0, 6), searchOnly).kind).toBe("valid");
  });

  it("is a candidate only once called: an equal write called later cannot stand in", () => {
    // The second write of 2 is called after the first read → 2 returned, so only the
    // first can serve that read; moved after it, neither can.
    const history: RegisterOp[] = [
      info(0, write(2), 0),
      ok(1, write(1), null, 0, 1),
      ok(2, read, got(2), 0, 3),
      ok(2, read, got(1), 4, 5),
      info(3, write(2), 6),
      ok(2, read, got(2), 7, 8),
    ];
    expect(checkOperations(registerModel, history, searchOnly).kind).toBe("valid");
    history[0] = info(0, write(2), 9);
    expect(checkOperations(registerModel, history, searchOnly).kind).toBe("invalid");
  });

  it("appears, before its reader, in the longest partial linearization", () => {
    const history: RegisterOp[] = [info(0, write(2), 0), ok(1, read, got(2), 1, 2), ok(1, read, got(3), 3, 4)];
    const verdict = checkOperations(registerModel, history, searchOnly);
    expect(verdict).toMatchObject({ kind: "invalid", partitions: [{ longestPartialLinearization: [0, 1], failingOperation: 2 }] });
  });

  it("is paired with a cas that needs it, which changes the state", () => {
    type CasOp = Operation<CasRegisterInput, CasRegisterOutput>;
    const cas = { kind: "cas", from: 1, to: 2 } as const;
    const history: CasOp[] = [info(0, { kind: "write", value: 1 }, 0), ok(1, cas, { kind: "cas", swapped: true }, 1, 2), ok(1, read, got(2), 3, 4)];
    expect(checkOperations(casRegisterModel, history).kind).toBe("valid");
    // A failed cas from 1 must run before the write of 1, which then serves the read.
    history[1] = ok(1, cas, { kind: "cas", swapped: false }, 1, 2);
    history[2] = ok(1, read, got(1), 3, 4);
    expect(checkOperations(casRegisterModel, history).kind).toBe("valid");
  });

  it("keeps 40 info puts of one key from blowing up the search", () => {
    // Each get reads the put called just before it; the 40 info puts are all pending.
    type KvOp = Operation<KvInput, KvOutput>;
    const history: KvOp[] = [];
    for (let i = 0; i < 40; i++) history.push(info(i, { kind: "put", key: "k", value: `v${i % 20}` }, i));
    for (let i = 0; i < 40; i++) history.push(ok(99, { kind: "get", key: "k" }, { kind: "value", value: `v${(i * 7) % 20}` }, 100 + 2 * i, 101 + 2 * i));
    history.push(ok(99, { kind: "get", key: "k" }, { kind: "value", value: "v0" }, 200, 201));
    const { verdict, statistics } = checkOperationsWithStatistics(linearizableKvModel, history, { ...searchOnly, maxStepsPerPartition: 100_000 });
    expect(verdict.kind).toBe("invalid");
    expect(statistics.steps).toBeLessThan(100_000);
  });
});

describe("the models' blindWrite", () => {
  it("names exactly the operations whose step moves every state to one state", () => {
    const registerStates = [null, 0, 1, "x"];
    for (const model of [registerModel, createRegisterModel({ initial: 1 })]) {
      for (const input of [write(1), read] as RegisterInput[]) expectBlindAgrees(model, input, registerStates);
    }
    const casInputs: CasRegisterInput[] = [write(1), read, { kind: "cas", from: 1, to: 2 }, { kind: "cas", from: null, to: 1 }];
    for (const input of casInputs) expectBlindAgrees(casRegisterModel, input, registerStates);
    const kvInputs: KvInput[] = [{ kind: "put", key: "k", value: "a" }, { kind: "delete", key: "k" }, { kind: "get", key: "k" }];
    for (const input of kvInputs) expectBlindAgrees(linearizableKvModel, input, [null, "a", "b"]);
    const porcupineInputs = [{ kind: "put", key: "k", value: "a" }, { kind: "append", key: "k", value: "a" }, { kind: "get", key: "k" }] as const;
    for (const input of porcupineInputs) expectBlindAgrees(porcupineKvModel, input, ["", "a", "ab"]);
  });
});

/** expectBlindAgrees: with unknown outcome, `input` is a blind write iff its step accepts every state and ends in one. */
function expectBlindAgrees<State, Input, Output>(
  model: { step(state: State, input: Input, output: Output | undefined): { ok: boolean; next: State }; key(state: State): string; blindWrite?(input: Input, output: Output | undefined): State | undefined },
  input: Input,
  states: State[],
): void {
  const results = states.map((state) => model.step(state, input, undefined));
  const blind = results.every((result) => result.ok) && new Set(results.map((result) => model.key(result.next))).size === 1;
  const written = model.blindWrite?.(input, undefined);
  expect(written !== undefined).toBe(blind);
  if (written !== undefined) expect(model.key(written)).toBe(model.key(results[0]!.next));
}

describe("an info write paired with a failed cas", () => {
  it("is retried with the next candidate write when the first one leads nowhere", () => {
    type CasOp = Operation<CasRegisterInput, CasRegisterOutput>;
    // After write 1, the failed cas fits after either info write (0 or 2). Pairing it
    // with 0 leaves read → 2 and read → 0 to be served by the one write of 2 and none of
    // 0: a dead end. Pairing it with 2 leaves the write of 0 for read → 0.
    const history: CasOp[] = [
      ok(0, { kind: "write", value: 1 }, null, 0, 1),
      info(1, { kind: "write", value: 0 }, 0),
      info(2, { kind: "write", value: 2 }, 0),
      ok(3, { kind: "cas", from: 1, to: 9 }, { kind: "cas", swapped: false }, 2, 3),
      ok(3, read, got(2), 4, 5),
      ok(3, read, got(0), 6, 7),
    ];
    expect(checkOperations(casRegisterModel, history).kind).toBe("valid");
  });
});
