// Stored states and their merge: LWW keeps the highest (timestamp, node); vector clocks keep
// every sibling no other covers; merge is a join (commutative, idempotent); results keep
// "never written" apart from "deleted".
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { emptyDots } from "../../impl/vector-clock.ts";
import type { KeyState } from "../../impl/versions.ts";
import { assertStateInvariants, compareLww, dottedSibling, dropTombstones, lwwSibling, mergeStates, resultOf } from "../../impl/versions.ts";

const value = (v: string) => ({ tombstone: false, value: v, tombstoneId: undefined, deletedAt: -1 });
const tombstone = (id: string, at: number) => ({ tombstone: true, value: undefined, tombstoneId: id, deletedAt: at });

describe("compareLww", () => {
  it("orders by timestamp, then by node id, then a tombstone over a value", () => {
    const at = (timestamp: number, node: string) => lwwSibling(value("v"), timestamp, node);
    expect(compareLww(at(1000, "n2"), at(2000, "n1"))).toBe(-1);
    expect(compareLww(at(2000, "n1"), at(1000, "n2"))).toBe(1);
    expect(compareLww(at(1000, "n1"), at(1000, "n2"))).toBe(-1);
    expect(compareLww(at(1000, "n2"), at(1000, "n1"))).toBe(1);
    const dead = lwwSibling(tombstone("d", 1), 1000, "n1");
    expect(compareLww(dead, at(1000, "n1"))).toBe(1);
    expect(compareLww(at(1000, "n1"), dead)).toBe(-1);
    expect(compareLww(dead, dead)).toBe(0);
    expect(compareLww(at(1000, "n1"), at(1000, "n1"))).toBe(0);
  });

  it("refuses a vector-clock sibling on either side", () => {
    const lww = lwwSibling(value("v"), 1000, "n1");
    const dotted = dottedSibling(value("v"), "n1", 1, emptyDots);
    expect(() => compareLww(lww, dotted)).toThrow("compareLww: not an LWW sibling");
    expect(() => compareLww(dotted, lww)).toThrow("compareLww: not an LWW sibling");
  });
});

describe("LWW states", () => {
  it("merge returns the local state itself when the incoming one is the same version", () => {
    const state: KeyState = [lwwSibling(value("v1"), 1000, "n1")];
    expect(mergeStates(state, [{ ...state[0]! }])).toBe(state);
  });

  it("a newer tombstone hides a value; an older one does not", () => {
    const v = [lwwSibling(value("v1"), 1000, "n1")];
    const newer = [lwwSibling(tombstone("d", 2), 2000, "n2")];
    const older = [lwwSibling(tombstone("d", 0), 500, "n2")];
    expect(resultOf(mergeStates(v, newer), "lww")).toEqual({ kind: "absent", reason: "deleted" });
    expect(resultOf(mergeStates(v, older), "lww")).toEqual({ kind: "value", value: "v1" });
    expect(resultOf(undefined, "lww")).toEqual({ kind: "absent", reason: "never-written" });
  });

  test.prop([fc.array(fc.tuple(fc.nat(50), fc.constantFrom("n1", "n2"), fc.boolean()), { minLength: 1, maxLength: 6 })])(
    "merge is order-independent and holds one version",
    (writes) => {
      const states: KeyState[] = writes.map(([t, node, dead], i) => [
        lwwSibling(dead ? tombstone(`d${i}`, t) : value(`v${i}`), t * 1000 + i, node),
      ]);
      const forward = states.reduce<KeyState | undefined>((acc, s) => mergeStates(acc, s), undefined)!;
      const backward = [...states].reverse().reduce<KeyState | undefined>((acc, s) => mergeStates(acc, s), undefined)!;
      expect(forward[0]!.id).toBe(backward[0]!.id);
      assertStateInvariants(forward);
    },
  );
});

describe("vector-clock states", () => {
  const v1 = dottedSibling(value("v1"), "n1", 1, emptyDots);
  it("a delete removes what its context covers and keeps a concurrent put as a sibling", () => {
    const del = dottedSibling(tombstone("d1", 3), "n2", 2, new Set(["n1:1"]));
    const v2 = dottedSibling(value("v2"), "n3", 3, emptyDots);
    const merged = mergeStates(mergeStates([v1], [del]), [v2]);
    expect(resultOf(merged, "vector-clock")).toEqual({ kind: "siblings", values: ["v2"], tombstones: ["d1"] });
    assertStateInvariants(merged);
  });

  it("a put whose context covers a tombstone supersedes it (re-creation)", () => {
    const del = dottedSibling(tombstone("d1", 3), "n2", 2, new Set(["n1:1"]));
    const again = dottedSibling(value("v3"), "n1", 4, new Set(["n1:1", "n2:2"]));
    expect(resultOf(mergeStates([del], [again]), "vector-clock")).toEqual({ kind: "siblings", values: ["v3"], tombstones: [] });
  });

  it("merge returns the local state itself when nothing is new", () => {
    const state: KeyState = [v1];
    expect(mergeStates(state, [v1])).toBe(state);
    expect(mergeStates(state, [{ ...v1 }])).toBe(state); // another replica's copy of the same version
    const del = dottedSibling(tombstone("d1", 3), "n2", 2, new Set(["n1:1"]));
    const deleted: KeyState = [del];
    expect(mergeStates(deleted, [v1])).toBe(deleted); // what the tombstone already covers
  });

  it("keeps siblings ordered by id, whichever side brought them", () => {
    const v2 = dottedSibling(value("v2"), "n2", 1, emptyDots);
    const v3 = dottedSibling(value("v3"), "n3", 1, emptyDots);
    const ids = (state: KeyState) => state.map((sibling) => sibling.id);
    expect(ids(mergeStates([v3], [v1]))).toEqual(["n1:1", "n3:1"]);
    expect(ids(mergeStates([v2, v3], [v1]))).toEqual(["n1:1", "n2:1", "n3:1"]);
    expect(ids(mergeStates([v1, v3], [v2]))).toEqual(["n1:1", "n2:1", "n3:1"]);
  });

  it("a tombstone-blind view drops the tombstones and keeps the values beside them", () => {
    const del = dottedSibling(tombstone("d1", 3), "n2", 2, new Set(["n1:1"]));
    const v2 = dottedSibling(value("v2"), "n3", 3, emptyDots);
    expect(dropTombstones([del, v2])).toEqual([v2]);
    expect(dropTombstones([del])).toBeUndefined();
    expect(dropTombstones(undefined)).toBeUndefined();
  });

  it("the invariant check rejects a covered sibling", () => {
    const del = dottedSibling(tombstone("d1", 3), "n2", 2, new Set(["n1:1"]));
    expect(() => assertStateInvariants([v1, del])).toThrow("invariant: sibling n1:1 is covered but still stored");
  });

  it("the invariant check rejects an empty state and two LWW versions of one key", () => {
    expect(() => assertStateInvariants([])).toThrow("invariant: a stored key state is never empty");
    const two = [lwwSibling(value("v1"), 1000, "n1"), lwwSibling(value("v2"), 2000, "n1")];
    expect(() => assertStateInvariants(two)).toThrow("invariant: LWW replica holds 2 versions of a key");
  });
});
