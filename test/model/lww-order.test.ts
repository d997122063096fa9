// The last-write-wins order is a strict total order on recorded versions (timestamp, then
// node), and proves nothing when a version is missing or is not a last-write-wins one.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { lwwNewer } from "../../model/lww-order.ts";
import type { Version } from "../../model/vocabulary.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const lww = fc.record({
  kind: fc.constant("lww" as const),
  timestamp: fc.integer({ min: 0, max: 4 }),
  node: fc.constantFrom("n1", "n2", "n3"),
});
const vector: fc.Arbitrary<Version> = fc.record({
  kind: fc.constant("vector" as const),
  entries: fc.array(fc.tuple(fc.constantFrom("n1", "n2"), fc.nat(3)), { maxLength: 2 }),
});
const options = { seed, numRuns: numRuns() };

describe("lwwNewer", () => {
  prop([lww, lww], options)(`exactly one of two different versions wins; equal ones neither (seed ${seed})`, (a, b) => {
    const same = a.timestamp === b.timestamp && a.node === b.node;
    expect(lwwNewer(a, a)).toBe(false);
    if (same) expect([lwwNewer(a, b), lwwNewer(b, a)]).toEqual([false, false]);
    else expect(lwwNewer(a, b)).toBe(!lwwNewer(b, a));
  });

  prop([lww, lww, lww], options)(`is transitive (seed ${seed})`, (a, b, c) => {
    if (lwwNewer(a, b) && lwwNewer(b, c)) expect(lwwNewer(a, c)).toBe(true);
  });

  prop([lww, lww], options)(`a later timestamp wins whatever the node; the node only breaks ties (seed ${seed})`, (a, b) => {
    if (a.timestamp > b.timestamp) expect(lwwNewer(a, b)).toBe(true);
    if (a.timestamp === b.timestamp) expect(lwwNewer(a, b)).toBe(a.node > b.node);
  });

  prop([fc.option(lww, { nil: undefined }), fc.option(fc.oneof(vector, lww), { nil: undefined })], options)(
    `proves nothing without two last-write-wins versions (seed ${seed})`,
    (a, b) => {
      const proven = a !== undefined && b !== undefined && b.kind === "lww";
      expect(lwwNewer(a, b) === undefined).toBe(!proven);
      expect(lwwNewer(b, a) === undefined).toBe(!proven);
    },
  );
});
