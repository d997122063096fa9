// Convergence at barriers under last-write-wins: the gets of a window agree, and what they
// agree on is the final state of some real-time order of the writes before the barrier
// (checked against a brute-force enumeration); a state that cannot be final is a lost
// write, explained only by a purge, a rebuild or a clock skew that accounts for it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareHistory } from "../../../model/history-context.ts";
import { eventList } from "../../../model/anomaly.ts";
import { operationEvents, precedes, type Operation } from "../../../model/operations.ts";
import { convergenceWindows, writesBefore } from "../../../model/rules/convergence-window.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "../../../model/rules/explain.ts";
import { checkLwwConvergence } from "../../../model/rules/lww-convergence.ts";
import type { GcConfig, GetResult } from "../../../model/vocabulary.ts";
import { hidesPut } from "../../../model/purges.ts";
import { buildHistory } from "../../support/history-builder.ts";
import { phasedHistory } from "../../support/phased-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const kept = fc.oneof(phasedHistory(), phasedHistory({ keys: ["x"], maxOpsPerPhase: 4 }));
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const withCauses = fc.oneof(
  phasedHistory({ keys: ["x"], maxOpsPerPhase: 4, extraEvents: 5, gc: timeout }),
  phasedHistory({ keys: ["x"], maxOpsPerPhase: 4, skews: true }),
  purgedDeleteHistory({ gc: timeout }),
);

/** finalStates lists the last write of every real-time order of the writes (null: none, the initial state). */
function lastWrites(writes: readonly Operation[]): Array<Operation | null> {
  const ok = writes.filter((w) => w.outcome === "ok");
  const info = writes.filter((w) => w.outcome === "info");
  const lasts = new Set<Operation | null>();
  const chosen = (mask: number) => [...ok, ...info.filter((_, i) => mask & (1 << i))];
  for (let mask = 0; mask < 1 << info.length; mask++) {
    const set = chosen(mask);
    if (set.length === 0) lasts.add(null);
    // A write can be last of the set iff no other write of it comes after it in real time.
    for (const w of set) if (!set.some((other) => precedes(w, other))) lasts.add(w);
  }
  return [...lasts];
}

const stateOf = (result: GetResult | undefined) => (result?.kind === "value" ? `value:${result.value}` : "absent");

describe("checkLwwConvergence", () => {
  prop([kept], options)(`reports divergence exactly for windows whose gets disagree, absent agreeing with absent (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const windows = convergenceWindows(history, context.barriers);
      const disagreeing = windows.filter((w) => new Set(w.gets.map((g) => stateOf(g.result))).size > 1);
      const found = checkLwwConvergence(context, history).filter((a) => a.kind === "divergence");
      expect(found.map((a) => a.events[0])).toEqual(disagreeing.map((w) => w.barrier.event));
    }
  });

  prop([kept], options)(`reports a lost write exactly for a read of a state no real-time order leaves (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const found = checkLwwConvergence(context, history).filter((a) => a.kind !== "divergence");
      const expected: number[] = [];
      for (const window of convergenceWindows(history, context.barriers)) {
        const lasts = lastWrites(writesBefore(window));
        for (const get of window.gets) {
          const result = get.result;
          let final: boolean;
          if (result?.kind === "value") {
            const put = history.putByValue.get(result.value);
            // A value nobody wrote before the barrier is the read-source rules' to judge.
            final = put === undefined || put.outcome === "fail" || put.invokeIndex > window.barrier.event || lasts.includes(put);
          } else {
            final = lasts.some((w) => w === null || w.kind === "delete");
          }
          if (!final) expected.push(get.completeIndex!);
        }
        // Under keep, with no skew, nothing explains a lost write.
      }
      expect(found.map((a) => [a.kind, a.read])).toEqual(expected.map((read) => ["lost-write", read]));
      for (const anomaly of found) {
        const window = convergenceWindows(history, context.barriers).find((w) => w.gets.some((g) => g.completeIndex === anomaly.read))!;
        // It stands on the get and the ok writes that may be last: those that should have won.
        const get = window.gets.find((g) => g.completeIndex === anomaly.read)!;
        const shouldWin = lastWrites(writesBefore(window)).filter((w): w is Operation => w !== null && w.outcome === "ok");
        expect(anomaly.events).toEqual(eventList(operationEvents(get), ...shouldWin.map(operationEvents)));
      }
    }
  });

  prop([withCauses], options)(`a lost write is explained by a purge, a rebuild or a skew only when that cause accounts for it (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      for (const anomaly of checkLwwConvergence(context, history).filter((a) => a.kind !== "divergence")) {
        const window = convergenceWindows(history, context.barriers).find((w) => w.gets.some((g) => g.completeIndex === anomaly.read))!;
        const get = window.gets.find((g) => g.completeIndex === anomaly.read)!;
        const lost = lastWrites(writesBefore(window)).filter((w): w is Operation => w !== null && w.outcome === "ok");
        const deletes = writesBefore(window).filter((w) => w.kind === "delete");
        const winner = get.result?.kind === "value" ? history.putByValue.get(get.result.value) : deletes[deletes.length - 1];
        const plain = { ...anomaly, kind: "lost-write" as const };
        // Missing deletes, or puts a purged tombstone hid: the value back is the breach's resurrection.
        const purgedAway = (w: Operation) => w.kind === "delete" || context.purges.some((p) => p.key === w.key && p.event < get.completeIndex! && hidesPut(p, w));
        const byPurge = winner?.kind === "put" && lost.every(purgedAway) && explainByGcBreach(context, plain, get, winner).kind !== "lost-write";
        const byRebuild = explainLostWriteByGcBreach(context, plain, lost).kind !== "lost-write";
        // An absent key does not say whose tombstone won: any delete may be the skewed winner.
        const candidates = get.result?.kind === "value" ? [winner] : deletes.filter((d) => d.outcome !== "fail");
        const bySkew = candidates.some((candidate) => explainByClockSkew(context, plain, get, candidate, lost).kind !== "lost-write");
        const expected = byPurge || byRebuild ? "gc-grace-violation" : bySkew ? "clock-skew" : "lost-write";
        expect(anomaly.kind).toBe(expected);
      }
    }
  });

  it("an absent read is explained by the skew of any delete that beats the missing write, not only the last delete", () => {
    // p1's delete, stamped by a node 17 ticks ahead, beats p0's later put; p0's own delete
    // came last and does not. The store kept p1's tombstone: a skew, not a bug.
    const lww = (timestamp: number, node: string) => ({ kind: "lww" as const, timestamp, node });
    const h = buildHistory(
      "eventual",
      [
        { op: "delete", process: 1, at: [0, 2], version: lww(21_000, "n2") },
        { op: "delete", process: 0, at: [1, 3], version: lww(3_001, "n1") },
        { op: "put", value: "p0", process: 0, at: [4, 6], version: lww(5_000, "n1") },
        { op: "get", process: 2, at: [10, 11], result: { kind: "absent", reason: "deleted" } },
      ],
      [
        { kind: "clock-skew", time: 0, node: "n2", offsetTicks: 17 },
        { kind: "barrier", time: 8 },
      ],
      { sloppyQuorum: true },
    );
    const context = prepareHistory(h);
    const [anomaly] = checkLwwConvergence(context, context.keys.get("x")!);
    expect(anomaly?.kind).toBe("clock-skew");
    expect(anomaly?.message).toContain('delete("x") ok [0, 2] by process 1');
  });

  it("a value a breach brought back explains a missing put that a purged tombstone had hidden", () => {
    // n3, down 2..20 (grace 6, no rejoin guard), still holds "0". Put "1" is superseded by an
    // info delete whose tombstone is purged at 13; n3 rejoins and pushes "0" back. "1" is
    // missing because the delete hid it, not because the store lost it.
    const lww = (timestamp: number, node: string) => ({ kind: "lww" as const, timestamp, node });
    const h = buildHistory(
      "eventual",
      [
        { op: "put", value: "0", process: 0, at: [0, 1], version: lww(1000, "n1") },
        { op: "put", value: "1", process: 0, at: [3, 4], version: lww(3000, "n1") },
        { op: "delete", process: 1, at: [5, 30], outcome: "info", version: lww(5000, "n1") },
        { op: "get", process: 2, at: [25, 26], result: { kind: "value", value: "0" } },
      ],
      [
        { kind: "crash", time: 2, node: "n3" },
        { kind: "gc-purge", time: 13, node: "n1", key: "x", deletedAt: 5, version: lww(5000, "n1"), replicas: ["n1", "n2", "n3"] },
        { kind: "restart", time: 20, node: "n3" },
        { kind: "barrier", time: 22 },
      ],
      { gc: { mode: "timeout", graceTicks: 6 }, rejoinGuard: false, sloppyQuorum: true },
    );
    const context = prepareHistory(h);
    const kinds = checkLwwConvergence(context, context.keys.get("x")!).map((anomaly) => anomaly.kind);
    expect(kinds).toEqual(["gc-grace-violation"]);
  });
});

