// A helper thread shares the search order only for the very searches the main thread
// prepared: the same history (fingerprint) takes positions; a changed one (a log still being
// written when the helper read it again) takes none, and the main thread's verdict is the
// one it reaches alone. Both "threads" are played in turn on this one, over one SharedOrder.
import { describe, expect, it } from "vitest";
import { checkOperations, decideShare, type PartitionOutcome, type SearchSharing } from "../../../checker/linearizability/index.ts";
import { helperSharing } from "../../../cli/check-helper/helper-sharing.ts";
import { SharedOrder } from "../../../cli/check-helper/shared-order.ts";
import { registerModel, type Operation, type RegisterInput, type RegisterOutput } from "../../../model/sequential/index.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const op = (process: number, input: RegisterInput, output: RegisterOutput, callTime: number, returnTime: number): RegisterOp => ({ process, input, output, outcome: "ok", callTime, returnTime, eventIndices: [process] });
const write = (value: number) => ({ kind: "write", value }) as const;
const read = (value: number | null) => ({ kind: "read", value }) as const;

const history: RegisterOp[] = [op(0, write(1), null, 0, 5), op(1, { kind: "read" }, read(1), 1, 6), op(2, { kind: "read" }, read(2), 7, 8)];
const changed: RegisterOp[] = [...history.slice(0, 2), op(2, { kind: "read" }, read(1), 7, 8)];

/** mainSharing is the main thread's side over `order`, taking every position the helper left. */
function mainSharing(order: SharedOrder, others: Map<number, PartitionOutcome>): SearchSharing {
  return {
    begin: (fingerprint) => order.setFingerprint(fingerprint),
    claim: (count, stop) => {
      order.setCount(count);
      return order.claim(count, stop);
    },
    settled: (position, outcome) => {
      if (outcome.kind === "invalid") order.foundInvalid(position);
    },
    firstInvalid: () => order.firstInvalid(),
    poll: () => {},
    finish: () => others,
  };
}

/** helperFirst lets a helper over `helperHistory` search first, then the main thread over `history`, and returns what the helper settled and the verdict. */
function helperFirst(helperHistory: RegisterOp[]) {
  const order = new SharedOrder();
  // The main thread has begun (fingerprint and count recorded) before any helper starts.
  const main = mainSharing(order, new Map());
  const settled: Array<[number, PartitionOutcome]> = [];
  // Record the main thread's fingerprint and count as its first claim would, without claiming.
  const recorder: SearchSharing = { ...main, claim: (count) => (order.setCount(count), undefined), finish: () => new Map() };
  decideShare(registerModel, history, { useUniqueWrites: false, sharing: recorder });
  decideShare(registerModel, helperHistory, { useUniqueWrites: false, sharing: helperSharing(order, settled) });
  const verdict = checkOperations(registerModel, history, { useUniqueWrites: false, sharing: mainSharing(order, new Map(settled)) });
  return { settled, verdict };
}

describe("helperSharing", () => {
  it("takes the searches of the same history, and the verdict is the lone thread's", () => {
    const { settled, verdict } = helperFirst(history);
    expect(settled.length).toBeGreaterThan(0);
    expect(verdict).toStrictEqual(checkOperations(registerModel, history, { useUniqueWrites: false }));
  });

  it("takes none of a history that changed since the main thread read it, and the main thread decides alone", () => {
    const { settled, verdict } = helperFirst(changed);
    expect(settled).toEqual([]);
    expect(verdict).toStrictEqual(checkOperations(registerModel, history, { useUniqueWrites: false }));
    expect(verdict.kind).toBe("invalid");
  });
});
