// Reachability: a node is cut off while it is down or outside the main group (the first
// largest group; unlisted nodes form one more group, listed last). Its intervals are the
// stretches it is cut off, never overlap, end only where it is up and in the main group,
// and a node cut off again in the tick it rejoined, with nothing else recorded in between, never rejoined.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unreachableIntervals, type UnreachableInterval } from "../../model/reachability.ts";
import { clusterLogOf } from "../../model/cluster-log.ts";
import type { HistoryEvent, NodeId } from "../../model/vocabulary.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

/** isReachabilityEvent: the events that change who is cut off. */
const isReachabilityEvent = (event: HistoryEvent): boolean => ["crash", "restart", "partition", "heal"].includes(event.kind);

const nodes: NodeId[] = ["n1", "n2", "n3", "n4"];

type Change =
  | { kind: "crash" | "restart"; node: number }
  | { kind: "bounce"; node: number; partitioned: boolean }
  | { kind: "partition"; groupOf: number[]; groupOrder: number[] }
  | { kind: "heal" }
  | { kind: "barrier" };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("crash" as const, "restart" as const), node: fc.nat(3) }) },
  {
    weight: 2,
    // groupOf: each node's group (3 = not listed); groupOrder: the order groups are listed in.
    arbitrary: fc.record({
      kind: fc.constant("partition" as const),
      groupOf: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
      groupOrder: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "heal" as const }) },
  // A restart and, in the same tick, a crash again or a partition that cuts the node off.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bounce" as const), node: fc.nat(3), partitioned: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "barrier" as const }) },
);

/** eventsOf lays changes out in time; a gap of 0 records two changes in one tick. */
const history = fc.array(fc.tuple(change, fc.constantFrom(0, 0, 1, 2, 5)), { maxLength: 25 }).map((steps) => {
  let time = 0;
  return steps.flatMap(([c, gap]): HistoryEvent[] => {
    time += gap;
    switch (c.kind) {
      case "crash":
      case "restart":
        return [{ kind: c.kind, time, node: nodes[c.node]! }];
      case "bounce": {
        const node = nodes[c.node]!;
        const down = time;
        time += 3;
        const again: HistoryEvent = c.partitioned ? { kind: "partition", time, groups: [nodes.filter((n) => n !== node), [node]] } : { kind: "crash", time, node };
        return [{ kind: "crash", time: down, node }, { kind: "restart", time, node }, again];
      }
      case "partition":
        // Empty groups are listed too: they must not count as the main group.
        return [{ kind: "partition", time, groups: c.groupOrder.map((g) => nodes.filter((_, n) => c.groupOf[n] === g)) }];
      case "heal":
      case "barrier":
        return [{ kind: c.kind, time }];
    }
  });
});

/** statuses says, after each event, which nodes are cut off and which are down (the definition). */
function statuses(events: HistoryEvent[]): Array<{ cutOff: Set<NodeId>; down: Set<NodeId> }> {
  const down = new Set<NodeId>();
  let main = new Set(nodes);
  return events.map((event) => {
    if (event.kind === "crash") down.add(event.node);
    if (event.kind === "restart") down.delete(event.node);
    if (event.kind === "heal") main = new Set(nodes);
    if (event.kind === "partition") {
      const listed = new Set(event.groups.flat());
      const groups = [...event.groups, nodes.filter((n) => !listed.has(n))];
      const size = Math.max(...groups.map((g) => g.length));
      main = new Set(groups.find((g) => g.length === size));
    }
    return { cutOff: new Set(nodes.filter((n) => down.has(n) || !main.has(n))), down: new Set(down) };
  });
}

const options = { seed, numRuns: numRuns(200) };

describe("unreachableIntervals", () => {
  prop([history], options)(`per node, intervals are ordered, never overlap, and only the last may stay open (seed ${seed})`, (events) => {
    const intervals = unreachableIntervals(nodes, clusterLogOf(events));
    for (const node of nodes) {
      const mine = intervals.filter((i) => i.node === node);
      mine.forEach((interval, k) => {
        expect(interval.from).toBe(events[interval.fromEvent]!.time);
        if (interval.toEvent !== undefined) {
          expect(interval.to).toBe(events[interval.toEvent]!.time);
          expect(interval.toEvent).toBeGreaterThan(interval.fromEvent);
        } else {
          expect(interval.to).toBeUndefined();
        }
        const next = mine[k + 1];
        if (next === undefined) return;
        expect(interval.toEvent).toBeDefined();
        expect(next.fromEvent).toBeGreaterThan(interval.toEvent!);
        // A rejoin lasts past its tick, or something else was recorded before the node was cut off again.
        const between = events.slice(interval.toEvent! + 1, next.fromEvent);
        if (between.every(isReachabilityEvent)) expect(next.from).toBeGreaterThan(interval.to!);
      });
    }
  });

  prop([history], options)(
    `an interval begins where the node is cut off, ends only where it is up and in the main group, and covers every moment it is cut off (seed ${seed})`,
    (events) => {
      const intervals = unreachableIntervals(nodes, clusterLogOf(events));
      const status = statuses(events);
      const before = (i: number) => (i === 0 ? new Set<NodeId>() : status[i - 1]!.cutOff);
      for (const interval of intervals) {
        expect(status[interval.fromEvent]!.cutOff.has(interval.node)).toBe(true);
        expect(before(interval.fromEvent).has(interval.node)).toBe(false);
        const end = interval.toEvent ?? events.length;
        if (interval.toEvent !== undefined) {
          expect(status[interval.toEvent]!.cutOff.has(interval.node)).toBe(false);
          // Not cut off again in the same tick, with nothing else recorded in between.
          for (let j = interval.toEvent + 1; j < events.length && events[j]!.time === interval.to && isReachabilityEvent(events[j]!); j++) {
            expect(status[j]!.cutOff.has(interval.node)).toBe(false);
          }
        }
        // Inside, the node is cut off but for a rejoin undone in its own tick.
        for (let i = interval.fromEvent; i < end; i++) {
          if (status[i]!.cutOff.has(interval.node)) continue;
          const recut = status.findIndex((s, j) => j > i && s.cutOff.has(interval.node));
          expect(recut).toBeGreaterThan(i);
          expect(events[recut]!.time).toBe(events[i]!.time);
        }
        // downThroughout: down at every moment it was cut off.
        const downAll = status.slice(interval.fromEvent, end).every((s) => !s.cutOff.has(interval.node) || s.down.has(interval.node));
        expect(interval.downThroughout).toBe(downAll);
      }
      status.forEach((s, i) => {
        for (const node of s.cutOff) {
          const covering = intervals.filter((v) => v.node === node && v.fromEvent <= i && i < (v.toEvent ?? Infinity));
          expect(covering).toHaveLength(1);
        }
      });
      for (const node of nodes) {
        const open = intervals.filter((v) => v.node === node && v.toEvent === undefined);
        expect(open.length).toBe(events.length > 0 && status[events.length - 1]!.cutOff.has(node) ? 1 : 0);
      }
    },
  );

  it("the main group is the largest, ties go to the group listed first, and unlisted nodes lose ties", () => {
    const cut = (groups: NodeId[][]) =>
      unreachableIntervals(nodes, clusterLogOf([{ kind: "partition", time: 1, groups }])).map((i: UnreachableInterval) => i.node).sort();
    expect(cut([["n3", "n4"], ["n1", "n2"]])).toEqual(["n1", "n2"]);
    expect(cut([["n1", "n2"], ["n3", "n4"]])).toEqual(["n3", "n4"]);
    expect(cut([["n1", "n2"]])).toEqual(["n3", "n4"]);
    expect(cut([["n1"], ["n2"]])).toEqual(["n1", "n2"]);
    expect(cut([[], ["n4"]])).toEqual(["n4"]);
    expect(cut([[]])).toEqual([]);
  });
});
