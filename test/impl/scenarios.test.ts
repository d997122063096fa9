// The scenarios behind issue 2: a replica is down during a delete and comes back. Within
// each GC mode's contract, neither read repair, nor anti-entropy, nor hint delivery brings
// the deleted value back; with each relevant bug switch on, it does come back. Every
// assertion reads get results from the recorded history.
import { describe, expect, it } from "vitest";
import type { BugName } from "../../impl/index.ts";
import {
  downDuringDelete,
  gcModes,
  lateValueHint,
  mechanisms,
  recreatedAfterDelete,
  resurrectingBugs,
  skewedPutThenDelete,
  type Mechanism,
} from "../support/bug-scenarios.ts";
import { okGetsAfter, returnsValue } from "./helpers.ts";

describe("a replica down during a delete comes back", () => {
  for (const mechanism of mechanisms) {
    for (const gc of gcModes) {
      it(`${mechanism} does not bring the value back under gc ${gc}`, () => {
        const { history, deletedAt } = downDuringDelete(mechanism, gc);
        const gets = okGetsAfter(history, deletedAt);
        expect(gets.length).toBe(mechanism === "read-repair" ? 4 : 3);
        // The mechanism under test really carried the tombstone to the returning replica.
        const carried = history.events.some((event) =>
          mechanism === "hint-delivery"
            ? event.kind === "hint-delivered" && event.tombstone
            : event.kind === "repair-write" && event.source === mechanism && event.tombstone,
        );
        expect(carried).toBe(true);
        for (const get of gets) {
          expect(get.result?.kind).toBe("absent");
          expect(returnsValue(get, "v1")).toBe(false);
        }
      });
    }
  }
});

describe("with a bug switch on, the value comes back", () => {
  for (const [mechanism, bug] of resurrectingBugs) {
    for (const gc of gcModes) {
      it(`${bug} resurrects through ${mechanism} under gc ${gc}`, () => {
        const { history, deletedAt } = downDuringDelete(mechanism, gc, [bug]);
        const gets = okGetsAfter(history, deletedAt);
        expect(gets.some((get) => returnsValue(get, "v1"))).toBe(true);
        // After the final barrier the store has converged on the resurrected value.
        expect(returnsValue(gets[gets.length - 1]!, "v1")).toBe(true);
      });
    }
  }
});

describe("a hint older than a delete", () => {
  it("is shadowed by the tombstone when delivered", () => {
    const { history, deletedAt } = lateValueHint([]);
    const delivered = history.events.filter((event) => event.kind === "hint-delivered");
    expect(delivered.length).toBeGreaterThan(0);
    for (const get of okGetsAfter(history, deletedAt)) expect(get.result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("resurrects the value under the doomstone bug (re-stamped at delivery)", () => {
    const { history, deletedAt } = lateValueHint(["doomstone"]);
    const gets = okGetsAfter(history, deletedAt);
    expect(gets.every((get) => returnsValue(get, "v1"))).toBe(true);
  });
});

describe("re-creating a key after its delete", () => {
  it("keeps the new value when the old tombstone's hint arrives late", () => {
    const { history, recreatedAt } = recreatedAfterDelete([]);
    for (const get of okGetsAfter(history, recreatedAt)) expect(get.result).toEqual({ kind: "value", value: "v2" });
  });

  it("loses the new value under the doomstone bug", () => {
    const { history, recreatedAt } = recreatedAfterDelete(["doomstone"]);
    const gets = okGetsAfter(history, recreatedAt);
    expect(gets.at(-1)?.result).toEqual({ kind: "absent", reason: "deleted" });
  });
});

describe("one process's own ops under clock skew", () => {
  it("are never inverted: the hybrid clock carries the client's last timestamp", () => {
    const { history, deletedAt } = skewedPutThenDelete([]);
    for (const get of okGetsAfter(history, deletedAt)) expect(get.result).toEqual({ kind: "absent", reason: "deleted" });
  });

  it("are inverted under the lww-skew bug (wall clocks trusted)", () => {
    const { history, deletedAt } = skewedPutThenDelete(["lww-skew"]);
    expect(okGetsAfter(history, deletedAt).every((get) => returnsValue(get, "v1"))).toBe(true);
  });
});
