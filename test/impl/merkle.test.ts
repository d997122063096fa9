// Merkle indexes: equal content hashes equal in any insertion order; a difference is found in its leaf.
import { describe, expect, it } from "vitest";
import { MerkleIndex, differingLeaves } from "../../impl/merkle.ts";

describe("MerkleIndex", () => {
  it("finds exactly the leaf that differs", () => {
    const a = new MerkleIndex(2, 8);
    const b = new MerkleIndex(2, 8);
    a.update(9, "x", 0, 111);
    a.update(12, "y", 0, 222);
    b.update(12, "y", 0, 222);
    b.update(9, "x", 0, 111);
    expect(differingLeaves(a, b, 1)).toEqual([]);
    b.update(12, "y", 222, 333);
    expect(differingLeaves(a, b, 1)).toEqual([12]);
    expect(differingLeaves(a, b, 0)).toEqual([]);
  });

  it("forgets a removed key", () => {
    const index = new MerkleIndex(1, 4);
    index.update(1, "x", 0, 5);
    index.update(1, "x", 5, 0);
    expect([...index.keysOf(1)]).toEqual([]);
    expect(index.hashOf(0, 4)).toBe(new MerkleIndex(1, 4).hashOf(0, 4));
  });
});
