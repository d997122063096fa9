// Symmetry between identical operations (symmetry.ts): which operation must wait for which,
// and what it saves. Sixteen identical reads in flight at once, with one write among them,
// and a read no order explains: without symmetry the search tries the reads' subsets before
// each placement of the write (2^16 of them); with it, one order of the reads.
import { describe, expect, it } from "vitest";
import { checkOperations, checkOperationsWithStatistics } from "../../../checker/linearizability/index.ts";
import { mustFollow } from "../../../checker/linearizability/_internals/symmetry.ts";
import { registerModel, type Operation, type RegisterInput, type RegisterOutput } from "../../../model/sequential/index.ts";
import { ok } from "./helpers.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const read = { kind: "read" } as const;
const got = (value: number | null) => ({ kind: "read", value }) as const;

/** partitionOf lays operations out as the search sees them: inputs, outputs and times. */
function partitionOf(ops: RegisterOp[]) {
  return {
    inputs: ops.map((op) => op.input),
    outputs: ops.map((op) => (op.outcome === "ok" ? op.output : undefined)),
    callTimes: Float64Array.from(ops.map((op) => op.callTime)),
    returnTimes: Float64Array.from(ops.map((op) => op.returnTime)),
  };
}

describe("mustFollow", () => {
  it("chains identical ok operations by call and return, and leaves the rest free", () => {
    const ops: RegisterOp[] = [
      ok(0, read, got(1), 0, 5),
      ok(1, read, got(1), 1, 6),
      ok(2, read, got(1), 2, 4), // returned before the one before it: outside the chain
      ok(3, read, got(2), 0, 9), // another output
      ok(4, { kind: "write", value: 1 }, null, 0, 1),
      ok(5, read, got(1), 3, 7),
    ];
    expect(Array.from(mustFollow(partitionOf(ops)))).toEqual([-1, 0, -1, -1, -1, 1]);
  });

  it("tells apart -0 and 0, and a BigInt and its digits as a string", () => {
    const kvRead = (value: unknown) => ({ inputs: [read, read], outputs: [got(value as number), got(0)], callTimes: Float64Array.of(0, 1), returnTimes: Float64Array.of(2, 3) });
    expect(Array.from(mustFollow(kvRead(0)))).toEqual([-1, 0]);
    expect(Array.from(mustFollow(kvRead(-0)))).toEqual([-1, -1]);
    const strings = { inputs: [read, read], outputs: [got(12n as unknown as number), got("12" as unknown as number)], callTimes: Float64Array.of(0, 1), returnTimes: Float64Array.of(2, 3) };
    expect(Array.from(mustFollow(strings))).toEqual([-1, -1]);
  });
});

describe("symmetry in the search", () => {
  const reads = 16;
  const history: RegisterOp[] = [
    ok(0, { kind: "write", value: 1 }, null, 0, 100),
    ...Array.from({ length: reads }, (_, i) => ok(i + 1, read, got(1), 1 + i, 100 + i)),
    ok(99, read, got(2), 200, 201),
  ];

  it(`convicts ${reads} identical concurrent reads and an impossible one in few steps`, () => {
    const { verdict, statistics } = checkOperationsWithStatistics(registerModel, history, { useUniqueWrites: false });
    expect(verdict.kind).toBe("invalid");
    expect(statistics.steps).toBeLessThan(1000);
  });

  it("keeps the verdict of histories where one order of identical reads is legal and another is not", () => {
    // Two reads of 1 around a write of 2: the one that returned first must come before the write.
    const tight: RegisterOp[] = [ok(0, { kind: "write", value: 1 }, null, 0, 1), ok(1, read, got(1), 2, 5), ok(2, { kind: "write", value: 2 }, null, 3, 8), ok(3, read, got(1), 4, 9), ok(4, read, got(2), 10, 11)];
    expect(checkOperations(registerModel, tight).kind).toBe("valid");
  });
});
