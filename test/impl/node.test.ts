// A node's storage and the indexes derived from it: writing through setState keeps the key
// count and the set of keys holding a tombstone exact, as values and tombstones come and go.
import { describe, expect, it } from "vitest";
import { StoreNode } from "../../impl/node.ts";
import { lwwSibling } from "../../impl/versions.ts";

const value = lwwSibling({ tombstone: false, value: "v1", tombstoneId: undefined, deletedAt: -1 }, 1000, "n1");
const tombstone = lwwSibling({ tombstone: true, value: undefined, tombstoneId: "d1", deletedAt: 2 }, 2000, "n1");

describe("StoreNode", () => {
  it("counts its keys and knows which hold a tombstone", () => {
    const node = new StoreNode("n1", 1, 4);
    node.setState("x", 0, [value]);
    node.setState("y", 1, [value]);
    expect(node.keyCount).toBe(2);
    expect([...node.tombstoneKeys]).toEqual([]);
    node.setState("x", 0, [tombstone]);
    expect([...node.tombstoneKeys]).toEqual(["x"]);
    node.setState("x", 0, undefined);
    expect(node.keyCount).toBe(1);
    expect([...node.tombstoneKeys]).toEqual([]);
  });
});
