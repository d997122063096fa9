// Explanations re-label a finding only when its cause is in the history: a breach that
// explains the read or every lost write, or a clock skew wide enough to have inverted every
// loser against the winner; otherwise the very same finding comes back, a bug.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventList, type Anomaly } from "../../../model/anomaly.ts";
import { breachExplainsLostWrite, breachExplainsRead } from "../../../model/gc-contract.ts";
import { prepareHistory, skewSpreadBefore } from "../../../model/history-context.ts";
import { lwwNewer } from "../../../model/lww-order.ts";
import type { Operation } from "../../../model/operations.ts";
import { explainByClockSkew, explainByGcBreach, explainLostWriteByGcBreach } from "../../../model/rules/explain.ts";
import type { ClusterEvent, History, Versioning } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { buildHistory, type TestOp } from "../../support/history-builder.ts";
import { chance, numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const timeout = fc.constant({ mode: "timeout" as const, graceTicks: 6 });
const timeoutHistory = fc.oneof(clusterHistory({ gc: timeout, maxEvents: 14 }), purgedDeleteHistory({ gc: timeout }));
const finding = (get: Operation): Anomaly => ({ kind: "resurrection", key: get.key, events: [get.invokeIndex], message: "a finding.", read: get.completeIndex ?? -1 });

describe("explainByGcBreach", () => {
  prop([timeoutHistory], options)(`explains a read exactly when some breach explains it, by the first such breach (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const gets = context.operations.filter((op) => op.kind === "get");
    for (const get of gets) {
      for (const put of context.operations.filter((op) => op.kind === "put" && op.key === get.key)) {
        const anomaly = finding(get);
        const breach = context.breaches.find((b) => breachExplainsRead(b, get, put));
        const explained = explainByGcBreach(context, anomaly, get, put);
        if (breach === undefined) {
          expect(explained).toBe(anomaly);
        } else {
          expect(explained.kind).toBe("gc-grace-violation");
          expect(explained.events).toEqual(eventList(anomaly.events, breach.events));
          expect(explained.message.startsWith(anomaly.message)).toBe(true);
          expect(explained.message).toContain(breach.message);
        }
        // The level's own reading of "hides" is the one asked.
        expect(explainByGcBreach(context, anomaly, get, put, () => false).kind === "gc-grace-violation").toBe(
          context.breaches.some((b) => breachExplainsRead(b, get, put, () => false)),
        );
      }
    }
  });

  prop([timeoutHistory, fc.array(fc.nat(7), { maxLength: 3 })], options)(
    `explains lost writes only when a breach explains every one of them, never none (seed ${seed})`,
    (h, picks) => {
      const context = prepareHistory(h);
      const writes = context.operations.filter((op) => op.kind !== "get");
      const lost = [...new Set(picks.filter((p) => p < writes.length))].map((p) => writes[p]!);
      const anomaly: Anomaly = { kind: "lost-write", key: "x", events: [0], message: "lost." };
      const breaches = lost.map((w) => context.breaches.find((b) => breachExplainsLostWrite(b, w)));
      const explained = explainLostWriteByGcBreach(context, anomaly, lost);
      if (lost.length === 0 || breaches.includes(undefined)) {
        expect(explained).toBe(anomaly);
      } else {
        expect(explained.kind).toBe("gc-grace-violation");
        expect(explained.events).toEqual(eventList(anomaly.events, ...breaches.map((b) => b!.events)));
        expect(explained.message).toContain(breaches[0]!.message);
      }
    },
  );
});

describe("a rebuild explains only what it can have caused", () => {
  it("a rebuild after a read explains no stale read of it", () => {
    // The get read absent at [3, 4], after put 1 completed: a stale read. n2's long absence
    // and rebuild come later (10 to 21); they cannot have caused it, yet they explain it.
    const h = buildHistory(
      "quorum",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "get", process: 1, at: [3, 4], result: { kind: "absent", reason: "never-written" } },
      ],
      [
        { kind: "crash", time: 10, node: "n2" },
        { kind: "restart", time: 20, node: "n2" },
        { kind: "node-repaired", time: 21, node: "n2" },
      ],
      { gc: { mode: "timeout", graceTicks: 6 }, rejoinGuard: true },
    );
    const context = prepareHistory(h);
    const get = context.operations.find((op) => op.kind === "get")!;
    const put = context.operations.find((op) => op.kind === "put")!;
    const stale: Anomaly = { kind: "stale-read", key: "x", events: [0, 1, 2, 3], message: "stale.", read: get.completeIndex! };
    expect(explainLostWriteByGcBreach(context, stale, [put])).toBe(stale);
  });
});

interface SkewCase {
  versioning: Versioning;
  skews: Array<{ time: number; node: string; offsetTicks: number }>;
  /** losers: each begins `gapTicks` after the winner completed, with a timestamp `olderBy` below the winner's. */
  losers: Array<{ process: number; gapTicks: number; olderBy: number | undefined }>;
  winnerVersioned: boolean;
  getAfterSkews: boolean;
}

const skewCase: fc.Arbitrary<SkewCase> = fc.record({
  versioning: fc.constantFrom<Versioning>("lww", "lww", "lww", "lww", "lww", "vector-clock"),
  // Offsets from a small set, so that gaps often equal the spread exactly (an offset of 0 is no skew).
  skews: fc.array(fc.record({ time: fc.nat(4), node: fc.constantFrom("n1", "n2", "n3"), offsetTicks: fc.constantFrom(0, 3, -2, 5) }), { minLength: 1, maxLength: 3 }),
  losers: fc.array(
    fc.record({ process: fc.constantFrom(0, 1, 1, 2, 2), gapTicks: fc.integer({ min: -1, max: 6 }), olderBy: fc.option(fc.constantFrom(-1, 0, 1, 1, 2, 2), { nil: undefined, freq: 8 }) }),
    { minLength: 1, maxLength: 2 },
  ),
  winnerVersioned: chance(0.9),
  getAfterSkews: chance(0.9),
});

/** skewHistory: the winner (process 0) at [5, 6], its losers after it, skews, and a get. */
function skewHistory(c: SkewCase): History {
  const stamp = 50;
  const ops: TestOp[] = [{ op: "put", value: "w", process: 0, at: [5, 6], ...(c.winnerVersioned ? { version: { kind: "lww" as const, timestamp: stamp, node: "n1" } } : {}) }];
  let ownFree = 7;
  c.losers.forEach((l, i) => {
    // Process 0's losers run one after another: a process has one op at a time.
    const start = l.process === 0 ? Math.max(6 + l.gapTicks, ownFree) : 6 + l.gapTicks;
    if (l.process === 0) ownFree = start + 2;
    const op: TestOp = { op: "put", value: `l${i}`, process: l.process === 0 ? 0 : 10 * l.process + i, at: [start, start + 1] };
    if (l.olderBy !== undefined) op.version = { kind: "lww", timestamp: stamp - l.olderBy, node: "n1" };
    ops.push(op);
  });
  const getAt = c.getAfterSkews ? 30 : 2;
  ops.push({ op: "get", process: 99, at: [getAt, getAt + 1], result: { kind: "value", value: "w" } });
  const skews: ClusterEvent[] = c.skews.map((s) => ({ kind: "clock-skew", ...s }));
  return buildHistory("quorum", ops, skews, { versioning: c.versioning });
}

describe("explainByClockSkew", () => {
  prop([skewCase], options)(
    `explains an inversion only of other processes' writes that the spread can cover and the versions prove (seed ${seed})`,
    (c) => {
      const context = prepareHistory(skewHistory(c));
      const [winner, ...losers] = context.operations.filter((op) => op.kind === "put");
      if (winner === undefined) throw new Error("no winner");
      const get = context.operations.find((op) => op.kind === "get")!;
      const anomaly = finding(get);
      const spread = skewSpreadBefore(context, get.completeIndex!);
      const inverted = (loser: Operation) => loser.process !== winner.process && loser.callTime - winner.returnTime <= spread && lwwNewer(winner.version, loser.version) === true;
      const explains = c.versioning === "lww" && context.firstSkewEvent !== undefined && losers.length > 0 && losers.every(inverted);
      const explained = explainByClockSkew(context, anomaly, get, winner, losers);
      if (!explains) {
        expect(explained).toBe(anomaly);
      } else {
        expect(explained.kind).toBe("clock-skew");
        expect(explained.events).toEqual(eventList(anomaly.events, [context.firstSkewEvent!]));
        expect(explained.message).toContain(`${spread} ticks`);
      }
      expect(explainByClockSkew(context, anomaly, get, undefined, losers)).toBe(anomaly);
      expect(explainByClockSkew(context, anomaly, get, winner, [])).toBe(anomaly);
      // One process's own writes are never inverted, however wide the spread.
      expect(explainByClockSkew(context, anomaly, get, winner, [winner])).toBe(anomaly);
    },
  );
});
