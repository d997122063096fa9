// The store and the checker meet: every scripted scenario of the store, checked against
// the spec. Within each GC mode's contract the correct store's histories are valid; with
// each known bug switched on, the checker convicts the history with the bug's anomaly.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";
import {
  downDuringDelete,
  gcModes,
  lateValueHint,
  mechanisms,
  recreatedAfterDelete,
  resurrectingBugs,
  skewedPutThenDelete,
} from "../support/bug-scenarios.ts";

const bugKinds = (history: Parameters<typeof checkHistory>[0]) => {
  const check = checkHistory(history);
  return { check, kinds: new Set<AnomalyKind>(check.anomalies.map((a) => a.kind)) };
};

describe("the correct store's scenario histories are valid", () => {
  for (const mechanism of mechanisms) {
    for (const gc of gcModes) {
      it(`down during a delete, ${mechanism}, gc ${gc}`, () => {
        const { check } = bugKinds(downDuringDelete(mechanism, gc).history);
        expect(check.anomalies).toEqual([]);
        expect(check.verdict).toBe("valid");
      });
    }
  }
  it("a late value hint is shadowed", () => expect(checkHistory(lateValueHint([]).history).anomalies).toEqual([]));
  it("a re-created key survives a late tombstone", () => expect(checkHistory(recreatedAfterDelete([]).history).anomalies).toEqual([]));
  it("one process's own ops under skew", () => expect(checkHistory(skewedPutThenDelete([]).history).anomalies).toEqual([]));
});

describe("the checker convicts every known bug", () => {
  for (const [mechanism, bug] of resurrectingBugs) {
    for (const gc of gcModes) {
      it(`${bug} through ${mechanism} under gc ${gc}: resurrection`, () => {
        const { check, kinds } = bugKinds(downDuringDelete(mechanism, gc, [bug]).history);
        expect(check.verdict).toBe("invalid");
        expect(kinds.has("resurrection")).toBe(true);
      });
    }
  }
  it("doomstone re-stamping a late value hint: resurrection", () => {
    expect(bugKinds(lateValueHint(["doomstone"]).history).kinds.has("resurrection")).toBe(true);
  });
  it("doomstone re-stamping a late tombstone hint: lost-write", () => {
    expect(bugKinds(recreatedAfterDelete(["doomstone"]).history).kinds.has("lost-write")).toBe(true);
  });
  it("lww-skew inverting one process's own ops: a bug, not explained by the skew", () => {
    const { check, kinds } = bugKinds(skewedPutThenDelete(["lww-skew"]).history);
    expect(check.verdict).toBe("invalid");
    expect([...kinds].some((k) => k === "resurrection" || k === "lost-write" || k === "stale-read")).toBe(true);
    expect(check.explained.filter((a) => a.kind === "clock-skew")).toEqual([]);
  });
});
