// The checker's supersession index answers exactly what the spec's plain definitions
// answer (model/key-history.ts), on generated key histories with ok, info and failed
// puts and deletes, at every position.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexedSupersession } from "../../checker/supersession-index.ts";
import { keyFacts, plainSupersession } from "../../model/key-history.ts";
import type { Operation } from "../../model/operations.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const seed = 20261124;

/** A key history: distinct event positions, each op invoked before it completes. */
const keyHistory = fc
  .array(fc.record({ kind: fc.constantFrom("put", "delete", "get"), outcome: fc.constantFrom("ok", "ok", "info", "fail"), length: fc.integer({ min: 1, max: 6 }) }), { maxLength: 10 })
  .chain((rows) => fc.shuffledSubarray([...Array(rows.length * 8).keys()], { minLength: rows.length * 8, maxLength: rows.length * 8 }).map((order) => ({ rows, order })))
  .map(({ rows, order }) => {
    const positions = [...order].sort((a, b) => a - b);
    return rows.map((row, i): Operation => {
      const callAt = positions[i * 4]! + i * 100;
      const returnAt = row.outcome === "info" ? Infinity : callAt + row.length * 7;
      const op: Operation = { process: i, kind: row.kind, key: "x", outcome: row.outcome, callAt, returnAt, callTime: callAt, returnTime: returnAt, invokeIndex: callAt };
      if (row.kind === "put") op.value = `v${i}`;
      return op;
    });
  })
  .map((ops) => ops.sort((a, b) => a.callAt - b.callAt));

describe("indexedSupersession agrees with the plain definitions", () => {
  it(`on every question at every position (seed ${seed})`, () => {
    fc.assert(
      fc.property(keyHistory, (ops) => {
        const facts = keyFacts("x", ops);
        const plain = plainSupersession(facts);
        const indexed = indexedSupersession(facts);
        const finite = ops.flatMap((op) => [op.callAt, op.returnAt]).filter(Number.isFinite);
        const positions = [0, ...finite.flatMap((p) => [p - 1, p, p + 1]), Math.max(0, ...finite) + 10];
        for (const at of positions) {
          for (const write of [undefined, ...ops.filter((op) => op.kind !== "get")]) {
            expect(indexed.isSuperseded(write, at)).toBe(plain.isSuperseded(write, at));
            if (write !== undefined) expect(indexed.okDeleteAfter(write, at)).toBe(plain.okDeleteAfter(write, at));
          }
          for (const invokedBy of positions) expect(indexed.someDeleteNotSuperseded(invokedBy, at)).toBe(plain.someDeleteNotSuperseded(invokedBy, at));
        }
      }),
      { seed, numRuns: deep ? 5_000 : 300 },
    );
  });
});
