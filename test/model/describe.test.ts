// Sentences for people: what a get returned and which operation is meant must be told
// apart in a message, so the descriptions name every part and never print placeholders.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeOperation, describeResult } from "../../model/describe.ts";
import { pairOperations } from "../../model/operations.ts";
import type { GetResult, HistoryEvent, OperationKind, Outcome } from "../../model/vocabulary.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const text = fc.string({ unit: fc.constantFrom("a", "b", "1", " ", ","), maxLength: 3 });
const result: fc.Arbitrary<GetResult> = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), value: text }),
  fc.record({ kind: fc.constant("absent" as const), reason: fc.constantFrom("never-written" as const, "deleted" as const) }),
  fc.record({
    kind: fc.constant("siblings" as const),
    values: fc.uniqueArray(text, { maxLength: 3 }),
    tombstones: fc.uniqueArray(text, { maxLength: 3 }),
  }),
);
const options = { seed, numRuns: numRuns() };

describe("describeResult", () => {
  prop([result, result], options)(`tells different results apart, and names the same result alike (seed ${seed})`, (a, b) => {
    expect(describeResult(a) === describeResult(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });

  prop([result], options)(`names every value and every tombstone it shows (seed ${seed})`, (r) => {
    const described = describeResult(r);
    if (r.kind === "value") expect(described).toBe(JSON.stringify(r.value));
    if (r.kind === "absent") expect(described).toContain(r.reason);
    if (r.kind === "siblings") {
      for (const v of r.values) expect(described).toContain(JSON.stringify(v));
      for (const t of r.tombstones) expect(described).toContain(`tombstone ${t}`);
      // One separator between two siblings, so that each is named apart.
      expect(described.split(", ").length).toBeGreaterThanOrEqual(r.values.length + r.tombstones.length);
    }
    expect(described).not.toBe(describeResult(undefined));
  });

  it("an unknown result is named, not left blank", () => {
    expect(describeResult(undefined).length).toBeGreaterThan(0);
  });
});

describe("describeOperation", () => {
  const operation = fc.record({
    kind: fc.constantFrom<OperationKind>("put", "delete", "get"),
    key: text,
    value: text,
    outcome: fc.constantFrom<Outcome>("ok", "fail", "info"),
    process: fc.nat(9),
    call: fc.nat(50),
    length: fc.integer({ min: 1, max: 50 }),
  });
  const build = (o: { kind: OperationKind; key: string; value: string; outcome: Outcome; process: number; call: number; length: number }) => {
    const events: HistoryEvent[] = [
      { kind: "invoke", time: o.call, process: o.process, op: o.kind, key: o.key, ...(o.kind === "put" ? { value: o.value } : {}) },
      { kind: "complete", time: o.call + o.length, process: o.process, op: o.kind, key: o.key, outcome: o.outcome },
    ];
    return pairOperations(events)[0]!;
  };

  prop([operation], options)(`names the kind, key, written value, outcome, interval and process (seed ${seed})`, (o) => {
    const described = describeOperation(build(o));
    // A put's argument is its value; a delete or get has only the key.
    const argument = o.kind === "put" ? `, ${JSON.stringify(o.value)}` : "";
    expect(described.startsWith(`${o.kind}(${JSON.stringify(o.key)}${argument}) `)).toBe(true);
    expect(described).toContain(` ${o.outcome} `);
    expect(described).toContain(`[${o.call}, `);
    expect(described).toMatch(new RegExp(`process ${o.process}$`));
    // An op that never completed has an open interval: its end is marked, never a number.
    if (o.outcome === "info") expect(described).not.toContain(`, ${o.call + o.length}]`);
    else expect(described).toContain(`, ${o.call + o.length}]`);
    expect(described).not.toMatch(/undefined|Infinity|\[\d+, \]/);
  });

  prop([operation, operation], options)(`tells apart operations that differ in what it names (seed ${seed})`, (a, b) => {
    const named = (o: typeof a) => [o.kind, o.key, o.kind === "put" ? o.value : "", o.outcome, o.process, o.call, o.outcome === "info" ? -1 : o.call + o.length];
    const same = JSON.stringify(named(a)) === JSON.stringify(named(b));
    expect(describeOperation(build(a)) === describeOperation(build(b))).toBe(same);
  });
});
