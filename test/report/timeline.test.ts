// The timeline a report draws: a lane per process, the cluster and each node; ops as bars
// from invoke to complete (info ones open-ended); cluster conditions as spans, the rest
// as marks in the lane of the node they happened on.
import { describe, expect, it } from "vitest";
import { readHistoryFile } from "../../histories/index.ts";
import type { History } from "../../model/index.ts";
import { buildTimeline, type MarkItem, type SpanItem } from "../../report/index.ts";
import { buildHistory } from "../support/history-builder.ts";

async function example(name: string): Promise<History> {
  const read = await readHistoryFile(`histories/examples/${name}.jsonl`);
  if (!read.ok) throw new Error(read.error.message);
  return read.history;
}

describe("buildTimeline", () => {
  it("lays out the resurrection example: three client lanes, the cluster, three nodes, n3 down from crash to restart", async () => {
    const timeline = buildTimeline(await example("ex2-resurrection-after-downtime-bad"));
    expect(timeline.lanes.map((lane) => lane.label)).toEqual(["process 0", "process 1", "process 2", "cluster", "n1", "n2", "n3"]);
    expect([timeline.startTicks, timeline.endTicks]).toEqual([0, 27]);
    const operations = timeline.items.filter((item) => item.kind === "operation");
    expect(operations.map((op) => [op.lane, op.label, op.outcome, op.startTicks, op.endTicks, op.events])).toEqual([
      [0, 'put x="1"', "ok", 0, 1, [0, 2]],
      [1, "delete x", "ok", 2, 3, [3, 4]],
      [2, 'get x → "1"', "ok", 26, 27, [7, 8]],
    ]);
    const down = timeline.items.find((item): item is SpanItem => item.kind === "span" && item.span === "down");
    expect(down).toMatchObject({ lane: 6, startTicks: 1, endTicks: 20, openEnded: false, events: [1, 5] });
    const barrier = timeline.items.find((item): item is MarkItem => item.kind === "mark");
    expect(barrier).toMatchObject({ mark: "barrier", lane: 3, startTicks: 25, events: [6] });
  });

  it("draws an info op open-ended, from its invoke to the moment the client gave up", async () => {
    const timeline = buildTimeline(await example("ex5-info-delete-took-effect-linearizable-bad"));
    const info = timeline.items.find((item) => item.kind === "operation" && item.outcome === "info");
    expect(info).toMatchObject({ op: "delete", openEnded: true, startTicks: 2, endTicks: 3 });
  });

  it("gives partitions, hints, repairs, purges, skew and anti-entropy rounds to the lanes they concern", () => {
    const history = buildHistory(
      "eventual",
      [{ op: "put", key: "k", value: "v", process: 0, at: [0, 2] }],
      [
        { kind: "partition", time: 1, groups: [["n1", "n2"], ["n3"]] },
        { kind: "hint-stored", time: 2, holder: "n1", target: "n3", key: "k", tombstone: false, value: "v" },
        { kind: "clock-skew", time: 3, node: "n2", offsetTicks: -4 },
        { kind: "heal", time: 5 },
        { kind: "hint-delivered", time: 6, holder: "n1", target: "n3", storedAt: 2, key: "k", tombstone: false, value: "v" },
        { kind: "anti-entropy-round", time: 9, full: true, complete: true, nodes: ["n2", "n3"], startedAt: 7 },
        { kind: "repair-write", time: 9, node: "n2", source: "anti-entropy", key: "k", tombstone: true },
        { kind: "gc-purge", time: 10, node: "n3", key: "k", deletedAt: 4 },
        { kind: "crash", time: 11, node: "n2" },
      ],
    );
    const timeline = buildTimeline(history);
    const n = (node: string) => timeline.lanes.findIndex((lane) => lane.label === node);
    const spans = timeline.items.filter((item): item is SpanItem => item.kind === "span");
    expect(spans.filter((s) => s.span === "partition")).toMatchObject([{ lane: 1, startTicks: 1, endTicks: 5, label: "partition n1 n2 | n3" }]);
    expect(spans.filter((s) => s.span === "partition-side").map((s) => [s.lane, s.side])).toEqual([[n("n1"), 0], [n("n2"), 0], [n("n3"), 1]]);
    expect(spans.filter((s) => s.span === "anti-entropy").map((s) => [s.lane, s.startTicks, s.endTicks])).toEqual([[n("n2"), 7, 9], [n("n3"), 7, 9]]);
    expect(spans.find((s) => s.span === "down")).toMatchObject({ lane: n("n2"), startTicks: 11, endTicks: timeline.endTicks, openEnded: true });
    const marks = timeline.items.filter((item): item is MarkItem => item.kind === "mark");
    expect(marks.map((m) => [m.mark, timeline.lanes[m.lane]!.label, m.label])).toEqual([
      ["hint-stored", "n1", 'hint for n3 stored: k="v"'],
      ["clock-skew", "n2", "clock -4 ticks"],
      ["hint-delivered", "n3", 'hint from n1 delivered: k="v"'],
      ["repair-write", "n2", "anti-entropy wrote tombstone k"],
      ["gc-purge", "n3", "gc purged the tombstone of k (deleted at 4)"],
    ]);
    expect(marks.find((m) => m.mark === "hint-delivered")?.fromLane).toBe(n("n1"));
  });

  it("keeps its items sorted by start, the order the page culls by", async () => {
    const { items } = buildTimeline(await example("ex3-gc-grace-violation-explained"));
    expect(items.map((item) => item.startTicks)).toEqual(items.map((item) => item.startTicks).sort((a, b) => a - b));
  });

  it("gives an empty history a time axis one tick wide", () => {
    const timeline = buildTimeline(buildHistory("eventual", []));
    expect([timeline.startTicks, timeline.endTicks, timeline.items.length]).toEqual([0, 1, 0]);
  });
});
