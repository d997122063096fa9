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

  it("puts a key that hashes exactly onto a token in the range that token ends, the token's node first", () => {
    const ring = new Ring(nodes, 8, 3);
    // A vnode's token is the hash of "node#index", so that very string lands on it.
    for (const node of nodes) expect(ring.walkOf(ring.rangeOf(`${node}#3`))[0]).toBe(node);
  });

  it("refuses a replication factor above the node count, and a range it does not have", () => {
    expect(() => new Ring(["n1", "n2"], 4, 3)).toThrow("Ring: replication factor 3 exceeds 2 nodes");
    const ring = new Ring(nodes, 8, 3);
    expect(() => ring.walkOf(ring.rangeCount)).toThrow(`Ring.walkOf: no range ${ring.rangeCount}`);
    expect(() => ring.replicasOfRange(-1)).toThrow("Ring.replicasOfRange: no range -1");
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
