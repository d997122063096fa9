// The nearest-name suggestions: edit distance is a metric, one typo of a valid name finds
// that name, and a name far from every valid one suggests nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, nearestNames } from "../../../cli/args/index.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const word = fc.string({ unit: fc.constantFrom(..."abcdefgh-"), maxLength: 10 });
const runOptions = ["seed", "ops", "bug", "versioning", "linearizable", "read-quorum", "write-quorum", "gc", "read-repair", "budget", "out", "json", "report", "help"];

describe(`editDistance (seed ${seed})`, () => {
  prop([word, word], { seed, numRuns: numRuns(300) })("is zero only on equal words, symmetric, and at most the longer length", (a, b) => {
    expect(editDistance(a, b) === 0).toBe(a === b);
    expect(editDistance(a, b)).toBe(editDistance(b, a));
    expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
  });

  prop([word, fc.nat(), fc.constantFrom("insert", "delete", "replace", "swap")], { seed, numRuns: numRuns(300) })("is at most 1 after one edit", (a, at, edit) => {
    const i = a.length === 0 ? 0 : at % a.length;
    const edited =
      edit === "insert" ? `${a.slice(0, i)}z${a.slice(i)}` : edit === "delete" ? a.slice(0, i) + a.slice(i + 1) : edit === "replace" ? `${a.slice(0, i)}z${a.slice(i + 1)}` : a.slice(0, i) + (a[i + 1] ?? "") + (a[i] ?? "") + a.slice(i + 2);
    expect(editDistance(a, edited)).toBeLessThanOrEqual(1);
  });

  it("counts insertions, deletions, substitutions and swaps of neighbours", () => {
    expect(editDistance("seeed", "seed")).toBe(1);
    expect(editDistance("otu", "out")).toBe(1);
    expect(editDistance("sede", "seed")).toBe(1);
    expect(editDistance("esed", "seed")).toBe(1);
    expect(editDistance("", "json")).toBe(4);
  });
});

describe(`nearestNames (seed ${seed})`, () => {
  prop([fc.constantFrom(...runOptions), fc.nat(), fc.constantFrom("insert", "delete", "replace", "swap")], { seed, numRuns: numRuns(300) })(
    "finds a valid name again after one typo in it, among the names as near",
    (name, at, edit) => {
      const i = at % name.length;
      const typo =
        edit === "insert" ? `${name.slice(0, i)}x${name.slice(i)}` : edit === "delete" ? name.slice(0, i) + name.slice(i + 1) : edit === "replace" ? `${name.slice(0, i)}x${name.slice(i + 1)}` : name.slice(0, i) + (name[i + 1] ?? "") + (name[i] ?? "") + name.slice(i + 2);
      if (typo.length < 3) return;
      expect(nearestNames(typo, runOptions)).toContain(name);
    },
  );

  it("suggests nothing for a word far from every name, and words ties together", () => {
    expect(nearestNames("frobnicate", runOptions)).toEqual([]);
    expect(didYouMean("seeed", runOptions, (n) => `--${n}`)).toBe("; did you mean --seed?");
    expect(didYouMean("read", runOptions, (n) => `--${n}`)).toBe("; did you mean --read-quorum or --read-repair?");
    expect(didYouMean("rn", ["run", "check", "report"])).toBe("; did you mean run?");
  });
});
