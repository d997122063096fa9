// The spec's rules one by one, on small histories built in code.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { absent, buildHistory, neverWritten, value } from "../support/history-builder.ts";

const lww = (timestamp: number, node: string) => ({ kind: "lww" as const, timestamp, node });

const kinds = (check: ReturnType<typeof checkHistory>) => check.anomalies.map((a) => a.kind).sort();
const explainedKinds = (check: ReturnType<typeof checkHistory>) => check.explained.map((a) => a.kind).sort();

describe("read sources (every level)", () => {
  it("a value nobody wrote is a phantom read", () => {
    const h = buildHistory("eventual", [{ op: "get", process: 0, at: [0, 1], result: value("ghost") }]);
    expect(kinds(checkHistory(h))).toEqual(["phantom-read"]);
  });
  it("a value written only by a failed put is a phantom read", () => {
    const h = buildHistory("eventual", [
      { op: "put", value: "1", process: 0, at: [0, 1], outcome: "fail" },
      { op: "get", process: 1, at: [2, 3], result: value("1") },
    ]);
    expect(kinds(checkHistory(h))).toEqual(["phantom-read"]);
  });
  it("a value whose put began after the get completed is a future read", () => {
    const h = buildHistory("eventual", [
      { op: "get", process: 1, at: [0, 1], result: value("1") },
      { op: "put", value: "1", process: 0, at: [2, 3] },
    ]);
    expect(kinds(checkHistory(h))).toEqual(["future-read"]);
  });
  it("a key read as deleted with no delete invoked is a phantom tombstone; never-written is fine", () => {
    const deleted = buildHistory("eventual", [{ op: "get", process: 0, at: [0, 1], result: absent }]);
    const never = buildHistory("eventual", [{ op: "get", process: 0, at: [0, 1], result: neverWritten }]);
    expect(kinds(checkHistory(deleted))).toEqual(["phantom-read"]);
    expect(kinds(checkHistory(never))).toEqual([]);
  });
});

describe("quorum level: no stale reads", () => {
  it("absent after a completed put and no delete is stale", () => {
    const h = buildHistory("quorum", [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "get", process: 1, at: [2, 3], result: neverWritten },
    ]);
    expect(kinds(checkHistory(h))).toEqual(["stale-read"]);
  });
  it("an info put is never superseded by time alone, and a concurrent write may be seen or not", () => {
    const h = buildHistory("quorum", [
      { op: "put", value: "1", process: 0, at: [0, 1], outcome: "info" },
      { op: "put", value: "2", process: 2, at: [3, 8] },
      { op: "get", process: 1, at: [4, 5], result: value("1") },
      { op: "get", process: 3, at: [4, 6], result: value("2") },
    ]);
    expect(kinds(checkHistory(h))).toEqual([]);
  });
  it("new/old inversion between concurrent gets is allowed", () => {
    const h = buildHistory("quorum", [
      { op: "put", value: "1", process: 0, at: [0, 1] },
      { op: "put", value: "2", process: 0, at: [2, 10] },
      { op: "get", process: 1, at: [3, 4], result: value("2") },
      { op: "get", process: 2, at: [5, 6], result: value("1") },
    ]);
    expect(kinds(checkHistory(h))).toEqual([]);
  });
  it("an inverted LWW order between processes under injected skew is explained as clock-skew", () => {
    const ops = (first: number, second: number | undefined) => [
      { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number], version: lww(first, "n1") },
      { op: "put" as const, value: "2", process: 1, at: [2, 3] as [number, number], ...(second === undefined ? {} : { version: lww(second, "n2") }) },
      { op: "get" as const, process: 2, at: [4, 5] as [number, number], result: value("1") },
    ];
    const skew = [{ kind: "clock-skew" as const, time: 0, node: "n1", offsetTicks: 50 }];
    const skewed = checkHistory(buildHistory("quorum", ops(50, 2), skew));
    expect(kinds(skewed)).toEqual([]);
    expect(explainedKinds(skewed)).toEqual(["clock-skew"]);
    expect(kinds(checkHistory(buildHistory("quorum", ops(50, 2))))).toEqual(["stale-read"]);
    // Skew explains only an inversion the recorded versions prove: none recorded, or the
    // later write stamped later (as a delete that wrote no tombstone is), is a bug.
    expect(kinds(checkHistory(buildHistory("quorum", ops(50, undefined), skew)))).toEqual(["stale-read"]);
    expect(kinds(checkHistory(buildHistory("quorum", ops(1, 2), skew)))).toEqual(["stale-read"]);
  });
  it("an inversion within one process is a bug even under skew", () => {
    const h = buildHistory(
      "quorum",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "put", value: "2", process: 0, at: [2, 3] },
        { op: "get", process: 2, at: [4, 5], result: value("1") },
      ],
      [{ kind: "clock-skew", time: 0, node: "n1", offsetTicks: 50 }],
    );
    expect(kinds(checkHistory(h))).toEqual(["stale-read"]);
  });
});

describe("eventual level: convergence at barriers", () => {
  it("an info write may be the converged state", () => {
    const h = buildHistory(
      "eventual",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "put", value: "2", process: 1, at: [2, 3], outcome: "info" },
        { op: "get", process: 2, at: [11, 12], result: value("2") },
      ],
      [{ kind: "barrier", time: 10 }],
    );
    expect(kinds(checkHistory(h))).toEqual([]);
  });
  it("an older value after the barrier loses the later write", () => {
    const h = buildHistory(
      "eventual",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "put", value: "2", process: 1, at: [2, 3] },
        { op: "get", process: 2, at: [11, 12], result: value("1") },
      ],
      [{ kind: "barrier", time: 10 }],
    );
    expect(kinds(checkHistory(h))).toEqual(["lost-write"]);
  });
  it("a crash or partition after the barrier ends its window: a sloppy read may then miss the key", () => {
    const ops = [
      { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
      { op: "get" as const, process: 2, at: [14, 15] as [number, number], result: neverWritten },
    ];
    const quiet = checkHistory(buildHistory("eventual", ops, [{ kind: "barrier", time: 10 }]));
    const partitioned = checkHistory(buildHistory("eventual", ops, [{ kind: "barrier", time: 10 }, { kind: "partition", time: 12, groups: [["n1"], ["n2", "n3"]] }]));
    expect(kinds(quiet)).toEqual(["lost-write"]);
    expect(kinds(partitioned)).toEqual([]);
  });
  it("gets after the next write are not held to the barrier", () => {
    const h = buildHistory(
      "eventual",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "put", value: "2", process: 1, at: [12, 13] },
        { op: "get", process: 2, at: [14, 15], result: value("1") },
        { op: "get", process: 3, at: [14, 15], result: value("2") },
      ],
      [{ kind: "barrier", time: 10 }],
    );
    expect(kinds(checkHistory(h))).toEqual([]);
  });
});

describe("GC contract", () => {
  const timeout = { gc: { mode: "timeout" as const, graceTicks: 10 } };
  const downtime = [
    { kind: "crash" as const, time: 1, node: "n3" },
    { kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 },
    { kind: "restart" as const, time: 20, node: "n3" },
    { kind: "barrier" as const, time: 25 },
  ];
  const ops = [
    { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
    { op: "delete" as const, process: 1, at: [2, 3] as [number, number] },
    { op: "get" as const, process: 2, at: [26, 27] as [number, number], result: value("1") },
  ];
  // With the rejoin guard on, n3 is rebuilt from its peers when it comes back.
  const rebuilt = [...downtime, { kind: "node-repaired" as const, time: 20, node: "n3" }];
  const breaches = (check: ReturnType<typeof checkHistory>) => check.explained.filter((a) => a.key === undefined).map((a) => a.message);
  // A complete full repair between the delete and the purge: the operator's side kept.
  const repaired = { kind: "anti-entropy-round" as const, time: 9, startedAt: 8, full: true, complete: true, nodes: ["n1", "n2", "n3"] };
  const briefDowntime = [
    { kind: "crash" as const, time: 1, node: "n3" },
    { kind: "restart" as const, time: 5, node: "n3" },
    repaired,
    { kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 },
    { kind: "barrier" as const, time: 25 },
  ];

  it("under keep, repair and immediate no resurrection is explained", () => {
    // Under keep any purge, and under repair one with no repair of the range after the
    // delete, is the store's own early purge.
    const expected = { keep: ["early-purge", "resurrection"], repair: ["early-purge", "resurrection"], immediate: ["resurrection"] };
    for (const mode of ["keep", "repair", "immediate"] as const) {
      const check = checkHistory(buildHistory("eventual", ops, downtime, { gc: { mode, graceTicks: 10 } }));
      expect(kinds(check)).toEqual(expected[mode]);
      expect(explainedKinds(check)).toEqual([]);
    }
  });
  it("a node down longer than the grace period is a breach, with or without the rejoin guard", () => {
    const unguarded = breaches(checkHistory(buildHistory("eventual", ops, downtime, timeout)));
    const guarded = breaches(checkHistory(buildHistory("eventual", ops, rebuilt, { ...timeout, rejoinGuard: true })));
    expect(unguarded.some((m) => m.includes("n3 was unreachable") && m.includes("rejoined unrepaired"))).toBe(true);
    expect(guarded.some((m) => m.includes("n3 was unreachable") && m.includes("rebuilt by the rejoin guard"))).toBe(true);
  });
  it("a guarded node that was never rebuilt after its rejoin was not protected: the absence explains a resurrection", () => {
    const forced = checkHistory(buildHistory("eventual", ops, downtime.map((e) => (e.kind === "gc-purge" ? { ...e, time: 15 } : e)), { ...timeout, rejoinGuard: true }));
    expect(kinds(forced)).toEqual([]);
    expect(breaches(forced).some((m) => m.includes("rejoined unrepaired"))).toBe(true);
  });
  it("under the rejoin guard, only a missing repair explains a resurrection; a long absence explains a lost write", () => {
    const repairedDowntime = [...rebuilt.slice(0, 1), { ...repaired, time: 21, startedAt: 20, nodes: ["n1", "n2", "n3"] }, ...rebuilt.slice(1)]
      .map((e) => (e.kind === "gc-purge" ? { ...e, time: 22 } : e.kind === "restart" ? { ...e, time: 19 } : e));
    const resurrected = checkHistory(buildHistory("eventual", ops, repairedDowntime, { ...timeout, rejoinGuard: true }));
    expect(kinds(resurrected)).toEqual(["resurrection"]);
    const lostWhileAway = [
      { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
      { op: "put" as const, value: "2", process: 1, at: [5, 6] as [number, number] },
      { op: "get" as const, process: 2, at: [26, 27] as [number, number], result: value("1") },
    ];
    // n3 crashed took no writes, so a write made meanwhile is not the rebuild's to lose...
    const crashed = checkHistory(buildHistory("eventual", lostWhileAway, rebuilt, { ...timeout, rejoinGuard: true }));
    expect(kinds(crashed)).toEqual(["lost-write"]);
    // ...but cut off by a partition it was up, may have held one alone, and the rebuild dropped it.
    const cutOff = [
      { kind: "partition" as const, time: 1, groups: [["n1", "n2"], ["n3"]] },
      { kind: "heal" as const, time: 20 },
      { kind: "node-repaired" as const, time: 20, node: "n3" },
      { kind: "barrier" as const, time: 25 },
    ];
    const lost = checkHistory(buildHistory("eventual", lostWhileAway, cutOff, { ...timeout, rejoinGuard: true }));
    expect(kinds(lost)).toEqual([]);
    expect(lost.explained.some((a) => a.key === "x" && a.message.includes("rebuilt by the rejoin guard"))).toBe(true);
  });
  it("a missing repair explains a read after the first purge, before the key's last purge", () => {
    const purges = [
      { kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 },
      { kind: "barrier" as const, time: 25 },
      { kind: "gc-purge" as const, time: 40, node: "n2", key: "x", deletedAt: 2 },
    ];
    const check = checkHistory(buildHistory("eventual", ops, purges, timeout));
    expect(kinds(check)).toEqual([]);
    expect(explainedKinds(check)).toEqual(["gc-grace-violation", "gc-grace-violation"]);
  });
  it("a purge with no complete repair since the delete is a breach that explains the resurrection", () => {
    const check = checkHistory(buildHistory("eventual", ops, downtime, { ...timeout, rejoinGuard: true }));
    expect(kinds(check)).toEqual([]);
    expect(breaches(check).some((m) => m.includes("no repair of its range"))).toBe(true);
  });
  it("with the contract kept (brief downtime, a complete repair before the purge) a resurrection is a bug", () => {
    const check = checkHistory(buildHistory("eventual", ops, briefDowntime, timeout));
    expect(kinds(check)).toEqual(["resurrection"]);
    expect(explainedKinds(check)).toEqual([]);
  });
  it("a purge before the grace period ran out breaches nothing: the resurrection is the store's bug", () => {
    const early = downtime.map((e) => (e.kind === "gc-purge" ? { ...e, time: 5 } : e.kind === "restart" ? { ...e, time: 9 } : e));
    const check = checkHistory(buildHistory("eventual", ops, early, timeout));
    expect(kinds(check)).toEqual(["early-purge", "resurrection"]);
    expect(explainedKinds(check)).toEqual([]);
  });
  it("a partition that cuts a node off from the main group longer than the grace period is a breach", () => {
    const partitioned = [
      { kind: "partition" as const, time: 1, groups: [["n1", "n2"], ["n3"]] },
      { kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 },
      { kind: "heal" as const, time: 20 },
      { kind: "barrier" as const, time: 25 },
    ];
    const check = checkHistory(buildHistory("eventual", ops, partitioned, timeout));
    expect(kinds(check)).toEqual([]);
    expect(breaches(check).some((m) => m.includes("n3 was unreachable from 1 to 20"))).toBe(true);
  });
  it("a hint older than the grace period delivered after its key's tombstone was purged is a breach", () => {
    const hint = [
      { kind: "hint-stored" as const, time: 0, holder: "n1", target: "n3", key: "x", tombstone: false, value: "1" },
      repaired,
      { kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 },
      { kind: "hint-delivered" as const, time: 20, holder: "n1", target: "n3", key: "x", tombstone: false, value: "1", storedAt: 0 },
    ];
    const check = checkHistory(buildHistory("eventual", ops.slice(0, 2), hint, timeout));
    expect(explainedKinds(check)).toEqual(["gc-grace-violation"]);
    expect(check.explained[0]!.message).toContain("hint");
  });
});

describe("causal level", () => {
  const empty = { values: [], tombstones: [] };
  it("a value shown beside the write that had seen it is spurious", () => {
    const h = buildHistory(
      "causal",
      [
        { op: "put", value: "1", context: empty, process: 0, at: [0, 1] },
        { op: "put", value: "2", context: { values: ["1"], tombstones: [] }, process: 0, at: [2, 3] },
        { op: "get", process: 1, at: [4, 5], result: { kind: "siblings", values: ["1", "2"], tombstones: [] } },
      ],
      [],
      { versioning: "vector-clock" },
    );
    expect(kinds(checkHistory(h))).toEqual(["sibling-spurious"]);
  });
  it("concurrent puts are both siblings at a barrier; showing one loses the other", () => {
    const ops = (shown: string[]) => [
      { op: "put" as const, value: "1", context: empty, process: 0, at: [0, 1] as [number, number] },
      { op: "put" as const, value: "2", context: empty, process: 1, at: [0, 1] as [number, number] },
      { op: "get" as const, process: 2, at: [11, 12] as [number, number], result: { kind: "siblings" as const, values: shown, tombstones: [] } },
    ];
    const barrier = [{ kind: "barrier" as const, time: 10 }];
    expect(kinds(checkHistory(buildHistory("causal", ops(["1", "2"]), barrier, { versioning: "vector-clock" })))).toEqual([]);
    expect(kinds(checkHistory(buildHistory("causal", ops(["2"]), barrier, { versioning: "vector-clock" })))).toEqual(["sibling-lost"]);
  });
});

describe("clock-skew explanations are bounded by the clock spread", () => {
  it("skew of 50 ticks cannot explain an inversion of writes 100 ticks apart", () => {
    const h = buildHistory(
      "quorum",
      [
        { op: "put", value: "1", process: 0, at: [0, 1] },
        { op: "put", value: "2", process: 1, at: [101, 102] },
        { op: "get", process: 2, at: [104, 105], result: value("1") },
      ],
      [{ kind: "clock-skew", time: 0, node: "n1", offsetTicks: 50 }],
    );
    const check = checkHistory(h);
    expect(kinds(check)).toEqual(["stale-read"]);
    expect(explainedKinds(check)).toEqual([]);
  });
  it("nodes skewed in opposite directions widen the spread", () => {
    const h = buildHistory(
      "quorum",
      [
        { op: "put", value: "1", process: 0, at: [0, 1], version: lww(90, "n1") },
        { op: "put", value: "2", process: 1, at: [81, 82], version: lww(42, "n2") },
        { op: "get", process: 2, at: [104, 105], result: value("1") },
      ],
      [
        { kind: "clock-skew", time: 0, node: "n1", offsetTicks: 50 },
        { kind: "clock-skew", time: 0, node: "n2", offsetTicks: -40 },
      ],
    );
    expect(explainedKinds(checkHistory(h))).toEqual(["clock-skew"]);
  });
});

describe("writes a rejoin guard's rebuild drops", () => {
  const partitioned = [
    { kind: "partition" as const, time: 2, groups: [["n1", "n2"], ["n3"]] },
    { kind: "heal" as const, time: 20 },
    { kind: "node-repaired" as const, time: 20, node: "n3" },
    { kind: "barrier" as const, time: 21 },
  ];
  const ops = [
    { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
    { op: "put" as const, value: "2", process: 1, at: [5, 6] as [number, number] },
    { op: "get" as const, process: 2, at: [22, 23] as [number, number], result: value("1") },
  ];
  const guarded = { gc: { mode: "timeout" as const, graceTicks: 10 }, rejoinGuard: true };
  it("linearizable: a history that linearizes only with the rebuild's reset is explained", () => {
    const check = checkHistory(buildHistory("linearizable", ops, partitioned, guarded));
    expect(kinds(check)).toEqual([]);
    expect(check.explained.some((a) => a.key === "x" && a.message.includes("rebuilt by the rejoin guard"))).toBe(true);
  });
  it("linearizable: a value back after its tombstone was purged with no repair is explained, without a barrier", () => {
    const lin = [
      { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
      { op: "delete" as const, process: 1, at: [2, 3] as [number, number] },
      { op: "get" as const, process: 2, at: [20, 21] as [number, number], result: value("1") },
    ];
    const purged = [{ kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 }];
    const timeout = { gc: { mode: "timeout" as const, graceTicks: 10 } };
    const explained = checkHistory(buildHistory("linearizable", lin, purged, timeout));
    expect(kinds(explained)).toEqual([]);
    expect(explained.explained.some((a) => a.key === "x" && a.message.includes("no repair of its range"))).toBe(true);
    expect(kinds(checkHistory(buildHistory("linearizable", lin, [], timeout)))).toEqual(["not-linearizable"]);
  });
  it("linearizable: with no long absence the same reads are a bug", () => {
    const short = partitioned.map((e) => (e.kind === "heal" ? { ...e, time: 8 } : e));
    expect(kinds(checkHistory(buildHistory("linearizable", ops, short, guarded)))).toEqual(["not-linearizable"]);
  });
  it("causal: a sibling lost to the rebuild is explained", () => {
    const empty = { values: [], tombstones: [] };
    const causalOps = [
      { op: "put" as const, value: "1", context: empty, process: 0, at: [0, 1] as [number, number] },
      { op: "put" as const, value: "2", context: empty, process: 1, at: [5, 6] as [number, number] },
      { op: "get" as const, process: 2, at: [22, 23] as [number, number], result: { kind: "siblings" as const, values: ["1"], tombstones: [] } },
    ];
    const check = checkHistory(buildHistory("causal", causalOps, partitioned, { ...guarded, versioning: "vector-clock" }));
    expect(kinds(check)).toEqual([]);
    expect(check.explained.some((a) => a.key === "x")).toBe(true);
  });
});
