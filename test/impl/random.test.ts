// The seeded generator: same seed, same stream; ranges respected; zero-probability draws consume nothing.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Random } from "../../impl/random.ts";

describe("Random", () => {
  test.prop([fc.integer()])("replays the same stream from the same seed", (seed) => {
    const a = new Random(seed);
    const b = new Random(seed);
    for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  test.prop([fc.integer(), fc.integer({ min: 1, max: 1000 })])("int stays in [0, bound)", (seed, bound) => {
    const random = new Random(seed);
    for (let i = 0; i < 50; i++) {
      const x = random.int(bound);
      expect(x >= 0 && x < bound && Number.isInteger(x)).toBe(true);
    }
  });

  it("between includes both ends; pick refuses an empty array", () => {
    const random = new Random(7);
    const seen = new Set(Array.from({ length: 200 }, () => random.between(-2, 2)));
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => random.pick([])).toThrow("Random.pick: empty array");
  });

  it("differs between seeds", () => {
    expect(new Random(1).nextUint32()).not.toBe(new Random(2).nextUint32());
  });

  it("chance(0) consumes no randomness, so adding a zero-probability fault changes nothing", () => {
    const a = new Random(5);
    const b = new Random(5);
    a.chance(0);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});
