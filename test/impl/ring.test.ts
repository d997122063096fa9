// The consistent-hashing ring: preference lists are N distinct nodes, stable, spread out.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { Ring } from "../../impl/ring.ts";

const nodes = ["n1", "n2", "n3", "n4", "n5"];

describe("Ring", () => {
  test.prop([fc.string()])("gives every key N distinct replicas, the head of its walk", (key) => {
    const ring = new Ring(nodes, 8, 3);
    const replicas = ring.preferenceList(key);
    expect(new Set(replicas).size).toBe(3);
    const walk = ring.walkOf(ring.rangeOf(key));
    expect(walk.length).toBe(5);
    expect(walk.slice(0, 3)).toEqual(replicas);
  });

  it("spreads keys over every node", () => {
    const ring = new Ring(nodes, 8, 3);
    const primaries = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const first = ring.preferenceList(`k${i}`)[0]!;
      primaries.set(first, (primaries.get(first) ?? 0) + 1);
    }
    expect(primaries.size).toBe(5);
    for (const count of primaries.values()) expect(count).toBeGreaterThan(50);
  });

  it("is the same ring every time", () => {
    expect(new Ring(nodes, 8, 3).preferenceList("x")).toEqual(new Ring(nodes, 8, 3).preferenceList("x"));
  });

  it("rejects N above the node count", () => {
    expect(() => new Ring(nodes, 8, 6)).toThrow();
  });
});
