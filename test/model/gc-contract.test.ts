// The GC contract judged precisely: breaches explain only what they can have caused,
// repairs count per range and in event order, and the store's own early purges are bugs.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { ClusterEvent } from "../../model/vocabulary.ts";
import { buildHistory, value, type TestOp } from "../support/history-builder.ts";

const kinds = (check: ReturnType<typeof checkHistory>) => check.anomalies.map((a) => a.kind).sort();
const explainedKinds = (check: ReturnType<typeof checkHistory>) => check.explained.map((a) => a.kind).sort();
const timeout = { gc: { mode: "timeout" as const, graceTicks: 10 } };
const replicas = ["n1", "n2", "n3"];

// put 1, delete, then a read of 1 after a barrier: a resurrection unless a breach explains it.
const resurrected: TestOp[] = [
  { op: "put", value: "1", process: 0, at: [0, 1] },
  { op: "delete", process: 1, at: [2, 3] },
  { op: "get", process: 2, at: [30, 31], result: value("1") },
];
const purge = (time: number, extra: Partial<Extract<ClusterEvent, { kind: "gc-purge" }>> = {}): ClusterEvent => ({
  kind: "gc-purge",
  time,
  node: "n1",
  key: "x",
  deletedAt: 2,
  replicas,
  ...extra,
});
const fullRound = (time: number, complete: boolean, syncedReplicaSets?: string[][]): ClusterEvent => {
  const round: ClusterEvent = { kind: "anti-entropy-round", time, startedAt: time, full: true, complete, nodes: replicas };
  if (syncedReplicaSets !== undefined) round.syncedReplicaSets = syncedReplicaSets;
  return round;
};
const barrier: ClusterEvent = { kind: "barrier", time: 25 };

describe("repairs are judged per range", () => {
  it("an incomplete round that synced the key's replica set is a repair of it", () => {
    const check = checkHistory(buildHistory("eventual", resurrected, [fullRound(5, false, [["n1", "n2", "n3"]]), purge(15), barrier], timeout));
    expect(kinds(check)).toEqual(["resurrection"]);
    expect(explainedKinds(check)).toEqual([]);
  });
  it("an incomplete round that synced other ranges only is no repair of it: the purge breaches the contract", () => {
    const check = checkHistory(buildHistory("eventual", resurrected, [fullRound(5, false, [["n2", "n3", "n4"]]), purge(15), barrier], timeout));
    expect(kinds(check)).toEqual([]);
    expect(explainedKinds(check)).toEqual(["gc-grace-violation", "gc-grace-violation"]);
  });
});

describe("order comes from event positions", () => {
  it("a repair recorded before the delete's completion in the same tick does not cover the delete", () => {
    // The delete completes at 3; a round at tick 3 recorded before that completion.
    const ops: TestOp[] = [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "delete", process: 1, at: [2, 3] },
      { op: "get", process: 2, at: [30, 31], result: value("1") },
    ];
    const history = buildHistory("eventual", ops, [purge(15), barrier], timeout);
    const completion = history.events.findIndex((e) => e.kind === "complete" && e.op === "delete");
    history.events.splice(completion, 0, fullRound(3, true));
    expect(kinds(checkHistory(history))).toEqual([]);
    const after = buildHistory("eventual", ops, [purge(15), barrier], timeout);
    after.events.splice(completion + 1, 0, fullRound(3, true));
    expect(kinds(checkHistory(after))).toEqual(["resurrection"]);
  });
  it("a node restarted and partitioned off in the same tick never rejoined: its absence is one breach", () => {
    const away: ClusterEvent[] = [
      { kind: "crash", time: 1, node: "n3" },
      { kind: "restart", time: 8, node: "n3" },
      { kind: "partition", time: 8, groups: [["n1", "n2"], ["n3"]] },
      { kind: "heal", time: 16 },
      barrier,
    ];
    const check = checkHistory(buildHistory("eventual", resurrected.slice(0, 2), away, timeout));
    expect(check.explained.some((a) => a.message.includes("n3 was unreachable from 1 to 16"))).toBe(true);
  });
});

describe("a breach explains only what it can have caused", () => {
  it("a purge before the value read was written explains nothing", () => {
    const ops: TestOp[] = [
      { op: "put", value: "0", process: 0, at: [0, 1] },
      { op: "delete", process: 1, at: [2, 3] },
      { op: "put", value: "1", process: 0, at: [20, 21] },
      { op: "delete", process: 1, at: [22, 23] },
      { op: "get", process: 2, at: [30, 31], result: value("1") },
    ];
    // The tombstone of the first delete (deleted at 2) is purged at 15, before put 1.
    const check = checkHistory(buildHistory("eventual", ops, [purge(15), barrier], timeout));
    expect(kinds(check)).toEqual(["resurrection"]);
    expect(explainedKinds(check)).toEqual(["gc-grace-violation"]);
  });
  it("a purge after the read explains nothing", () => {
    const check = checkHistory(buildHistory("eventual", resurrected, [barrier, purge(40)], timeout));
    expect(kinds(check)).toEqual(["resurrection"]);
  });
  it("a stale hint explains a read of the value it carried, and no other", () => {
    const ops = (read: string): TestOp[] => [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "put", value: "2", process: 0, at: [2, 3] },
      { op: "delete", process: 1, at: [4, 5] },
      { op: "get", process: 2, at: [30, 31], result: value(read) },
    ];
    const hint: ClusterEvent[] = [
      fullRound(6, true),
      { kind: "gc-purge", time: 16, node: "n1", key: "x", deletedAt: 4 },
      { kind: "hint-delivered", time: 20, holder: "n1", target: "n3", key: "x", tombstone: false, value: "1", storedAt: 0 },
      barrier,
    ];
    expect(kinds(checkHistory(buildHistory("eventual", ops("1"), hint, timeout)))).toEqual([]);
    expect(kinds(checkHistory(buildHistory("eventual", ops("2"), hint, timeout)))).toEqual(["resurrection"]);
  });
  it("a bug found on a read is kept even when another rule's finding on it is explained", () => {
    // p1 and the delete are concurrent-free; p2 comes after the delete, so reading 1 after
    // the barrier loses p2 (a bug) even though the purge explains the resurrection of 1.
    const ops: TestOp[] = [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "delete", process: 1, at: [2, 3] },
      { op: "put", value: "2", process: 0, at: [17, 18] },
      { op: "get", process: 2, at: [30, 31], result: value("1") },
    ];
    const check = checkHistory(buildHistory("eventual", ops, [purge(15), barrier], timeout));
    expect(kinds(check)).toEqual(["lost-write"]);
  });
});

describe("the store's own early purges are bugs", () => {
  it("under timeout, a purge inside the grace period is early-purge, whether or not a read shows it", () => {
    const check = checkHistory(buildHistory("eventual", resurrected.slice(0, 2), [purge(5)], timeout));
    expect(kinds(check)).toEqual(["early-purge"]);
    expect(check.anomalies[0]!.message).toContain("before the grace period");
  });
  it("under keep any purge is early; under immediate none is judged", () => {
    const ops = resurrected.slice(0, 2);
    expect(kinds(checkHistory(buildHistory("eventual", ops, [purge(50)], { gc: { mode: "keep" } })))).toEqual(["early-purge"]);
    expect(kinds(checkHistory(buildHistory("eventual", ops, [purge(50)], { gc: { mode: "immediate" } })))).toEqual([]);
  });
  it("under repair, a purge needs a round that synced the key's range after the delete was invoked", () => {
    const ops = resurrected.slice(0, 2);
    const repair = { gc: { mode: "repair" as const } };
    expect(kinds(checkHistory(buildHistory("eventual", ops, [fullRound(10, true), purge(50)], repair)))).toEqual([]);
    expect(kinds(checkHistory(buildHistory("eventual", ops, [fullRound(1, true), purge(50)], repair)))).toEqual(["early-purge"]);
    expect(kinds(checkHistory(buildHistory("eventual", ops, [fullRound(10, false, [["n2", "n3", "n4"]]), purge(50)], repair)))).toEqual(["early-purge"]);
  });
  it("an early purge breaches nothing: it explains no read", () => {
    const check = checkHistory(buildHistory("eventual", resurrected, [purge(5), barrier], timeout));
    expect(kinds(check)).toEqual(["early-purge", "resurrection"]);
    expect(explainedKinds(check)).toEqual([]);
  });
});

describe("the levels agree on a read the purge overlaps", () => {
  it("a get at [14, 21] reading the value a purge at 15 let back is explained at every level", () => {
    const ops: TestOp[] = [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "delete", process: 1, at: [2, 3] },
      { op: "get", process: 2, at: [14, 21], result: value("1") },
    ];
    // A barrier before the get, so that the delete has taken effect for the LWW levels too.
    for (const level of ["eventual", "quorum", "linearizable"] as const) {
      const check = checkHistory(buildHistory(level, ops, [{ kind: "barrier", time: 10 }, purge(15)], timeout));
      expect(kinds(check), level).toEqual([]);
      expect(check.explained.some((a) => a.key === "x"), level).toBe(true);
    }
  });
});

describe("under vector clocks a tombstone hides only what its delete had seen", () => {
  it("the purge of a delete that had not seen the value explains no resurrection of it", () => {
    const empty = { values: [], tombstones: [] };
    const seen1 = { values: ["1"], tombstones: [] };
    const ops = (purgedDeleteSaw: { values: string[]; tombstones: string[] }): TestOp[] => [
      { op: "put", value: "1", context: empty, process: 0, at: [0, 1] },
      { op: "delete", tombstone: "d1", context: seen1, process: 1, at: [2, 3] },
      { op: "delete", tombstone: "d2", context: purgedDeleteSaw, process: 2, at: [4, 5] },
      { op: "get", process: 3, at: [30, 31], result: { kind: "siblings", values: ["1"], tombstones: ["d1"] } },
    ];
    const events: ClusterEvent[] = [{ kind: "gc-purge", time: 16, node: "n1", key: "x", deletedAt: 4 }, barrier];
    const config = { ...timeout, versioning: "vector-clock" as const };
    // d2 is purged with no repair (a breach), but d2 never saw "1": d1, still there, hides it.
    expect(kinds(checkHistory(buildHistory("causal", ops(empty), events, config)))).toContain("resurrection");
    // Had d2 seen "1", its purge could have let "1" back.
    expect(kinds(checkHistory(buildHistory("causal", ops(seen1), events, config)))).not.toContain("resurrection");
  });
});

describe("a rebuild drops what the last repair before the absence could not sync", () => {
  // put 1 completes; put 2 is invoked, then a complete repair runs (2 is not written yet),
  // then n3 is cut off and 2 completes on n3's side alone; n3 is rebuilt after a long
  // absence, and the get after the rejoin reads 1 (the rebuild dropped 2).
  const ops: TestOp[] = [
    { op: "put", value: "1", process: 0, at: [0, 1] },
    { op: "put", value: "2", process: 1, at: [3, 6] },
    { op: "get", process: 2, at: [30, 31], result: value("1") },
  ];
  const events: ClusterEvent[] = [
    fullRound(4, true),
    { kind: "partition", time: 5, groups: [["n1", "n2"], ["n3"]] },
    { kind: "heal", time: 20 },
    { kind: "node-repaired", time: 21, node: "n3" },
  ];
  const guarded = { ...timeout, rejoinGuard: true };
  for (const level of ["linearizable", "quorum"] as const) {
    it(`explains the lost write at the ${level} level although it was invoked before that repair`, () => {
      const check = checkHistory(buildHistory(level, ops, events, guarded));
      expect(kinds(check)).toEqual([]);
      expect(check.explained.some((a) => a.key === "x" && a.message.includes("rebuilt by the rejoin guard"))).toBe(true);
    });
  }
  it("does not explain losing a write that completed before the repair", () => {
    const synced: TestOp[] = [ops[0]!, { ...ops[1]!, at: [2, 3] }, ops[2]!];
    expect(kinds(checkHistory(buildHistory("quorum", synced, events, guarded)))).toEqual(["stale-read"]);
  });
});

describe("a hint that expired while its target was out too long", () => {
  // put 1 waits in a hint at n1 for n2, down 2..30 (grace 10); the hint expires at 14. A
  // read after n2's rejoin that misses 1 is the breach's doing, not the store's.
  const hintExpired = (valueCarried: string, time = 14): ClusterEvent => ({ kind: "hint-expired", time, holder: "n1", target: "n2", storedAt: 3, key: "x", tombstone: false, value: valueCarried });
  const ops = (readAt: [number, number]): TestOp[] => [
    { op: "put", value: "0", process: 0, at: [0, 1] },
    { op: "put", value: "1", process: 0, at: [3, 4] },
    { op: "get", process: 1, at: readAt, result: value("0") },
  ];
  const down: ClusterEvent[] = [
    { kind: "crash", time: 2, node: "n2" },
    { kind: "restart", time: 30, node: "n2" },
  ];
  const run = (hint: ClusterEvent, readAt: [number, number] = [35, 36]) =>
    checkHistory(buildHistory("eventual", ops(readAt), [...down, hint, { kind: "barrier", time: 33 }], { ...timeout, sloppyQuorum: true, rejoinGuard: false }));

  it("explains a lost write whose value the expired hint carried", () => {
    const check = run(hintExpired("1"));
    expect(kinds(check)).toEqual([]);
    expect(explainedKinds(check)).toContain("gc-grace-violation");
  });

  it("does not explain it when the hint carried another value", () => {
    expect(kinds(run(hintExpired("other")))).toEqual(["lost-write"]);
  });
});

