// Dots and their pruning: 0 never prunes; beyond the limit the busiest node's lowest
// counters go first; the result is a subset of the limit's size that depends only on the set.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dotId, pruneDots, summariseDots, unionDots } from "../../impl/vector-clock.ts";

const dots = (...ids: string[]) => new Set(ids);
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("dots", () => {
  it("union reuses an operand that the other adds nothing to; summaries are per-node maxima", () => {
    const a = dots("n1:1");
    expect(unionDots(a, new Set())).toBe(a);
    expect(unionDots(new Set(), a)).toBe(a);
    expect(sorted(unionDots(a, dots("n2:4")))).toEqual(["n1:1", "n2:4"]);
    expect(summariseDots(["n2:4", "n1:1", "n1:3", "node:with:colons:2"])).toEqual([
      ["n1", 3],
      ["n2", 4],
      ["node:with:colons", 2],
    ]);
    expect(summariseDots(["n1:3", "n1:1"])).toEqual([["n1", 3]]); // the maximum, not the last seen
  });
});

describe("pruneDots", () => {
  it("a limit of 0 never prunes, and a set within the limit is returned as is", () => {
    const big = new Set(Array.from({ length: 50 }, (_, i) => dotId("n1", i + 1)));
    expect(pruneDots(big, 0)).toBe(big);
    expect(pruneDots(big, 50)).toBe(big);
    expect(pruneDots(big, 49).size).toBe(49);
  });

  it("forgets one node's lowest counters first", () => {
    expect(sorted(pruneDots(dots("n1:3", "n1:1", "n1:2", "n1:10"), 2))).toEqual(["n1:10", "n1:3"]);
  });

  it("takes from the node holding the most dots, so a quiet node's low counters survive", () => {
    // n2:1 has the lowest counter overall, but n1 holds more dots: n1's oldest go first.
    const set = dots("n1:5", "n1:6", "n1:7", "n1:8", "n2:1");
    expect(sorted(pruneDots(set, 3))).toEqual(["n1:7", "n1:8", "n2:1"]);
  });

  it("breaks ties between equally busy nodes by the lowest node id", () => {
    const set = dots("n1:1", "n1:2", "n2:1", "n2:2", "n3:1", "n3:2");
    expect(sorted(pruneDots(set, 4))).toEqual(["n1:2", "n2:2", "n3:1", "n3:2"]);
    expect(sorted(pruneDots(set, 1))).toEqual(["n3:2"]);
    expect(sorted(pruneDots(dots("n2:1", "n1:1"), 1))).toEqual(["n2:1"]); // whatever order the set lists them in
  });

  test.prop([
    fc.uniqueArray(fc.tuple(fc.constantFrom("n1", "n2", "n3", "n4"), fc.integer({ min: 1, max: 40 })), {
      selector: ([node, counter]) => dotId(node, counter),
      maxLength: 40,
    }),
    fc.integer({ min: 0, max: 45 }),
  ])("keeps a subset of min(size, limit) dots, each node's newest, whatever the set's order", (pairs, limit) => {
    const ids = pairs.map(([node, counter]) => dotId(node, counter));
    const kept = pruneDots(new Set(ids), limit);
    const keptReversed = pruneDots(new Set([...ids].reverse()), limit);
    expect(sorted(kept)).toEqual(sorted(keptReversed));
    expect(kept.size).toBe(limit === 0 ? ids.length : Math.min(ids.length, limit));
    for (const dot of kept) expect(ids).toContain(dot);
    // Per node, every forgotten counter is lower than every kept one.
    for (const [node, counter] of pairs) {
      if (kept.has(dotId(node, counter))) continue;
      for (const [otherNode, otherCounter] of pairs) {
        if (otherNode === node && kept.has(dotId(otherNode, otherCounter))) expect(otherCounter).toBeGreaterThan(counter);
      }
    }
  });
});
