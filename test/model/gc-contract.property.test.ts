// The GC contract on generated histories: only `timeout` mode has breaches; a store's
// early purge is never one; each breach is found where its definition (docs/spec.md, "The
// GC contract") says, and explains only what it can have caused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breachExplainsLostWrite, breachExplainsRead, findGcBreaches, type GcBreach } from "../../model/gc-contract.ts";
import { prepareHistory } from "../../model/history-context.ts";
import { hidesPut, isEarlyPurge, repairedBefore, type PurgedTombstone } from "../../model/purges.ts";
import { unreachableIntervals } from "../../model/reachability.ts";
import { clusterLogOf } from "../../model/cluster-log.ts";
import type { ClusterEvent, GcConfig, History } from "../../model/vocabulary.ts";
import { clusterHistory, nodes } from "../support/cluster-histories.ts";
import { purgedDeleteHistory } from "../support/purged-delete-histories.ts";
import { buildHistory } from "../support/history-builder.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const graceTicks = 6;
const timeout: GcConfig = { mode: "timeout", graceTicks };
const timeoutHistory = fc.oneof(clusterHistory({ gc: fc.constant(timeout), maxEvents: 14 }), purgedDeleteHistory({ gc: fc.constant(timeout) }));
const options = { seed, numRuns: numRuns() };

function onTimePurges(h: History) {
  const context = prepareHistory(h);
  return { context, onTime: context.purges.filter((p) => !isEarlyPurge(h.header.config.gc, p, context.repairs)) };
}

const byKind = <K extends GcBreach["kind"]>(breaches: GcBreach[], kind: K) => breaches.filter((b): b is Extract<GcBreach, { kind: K }> => b.kind === kind);

describe("findGcBreaches", () => {
  prop([clusterHistory({ gc: fc.constantFrom<GcConfig>({ mode: "keep" }, { mode: "repair" }, { mode: "immediate" }, { mode: "timeout" }) })], options)(
    `finds no breach outside timeout mode, nor without a grace period (seed ${seed})`,
    (h) => {
      const { context } = onTimePurges(h);
      expect(context.breaches).toEqual([]);
      expect(findGcBreaches(h.header, clusterLogOf(h.events), context.purges, context.repairs)).toEqual([]);
    },
  );

  prop([timeoutHistory], options)(`never counts a purge the store made early as a breach's (seed ${seed})`, (h) => {
    const { context, onTime } = onTimePurges(h);
    for (const breach of context.breaches) for (const purge of breach.purged) expect(onTime).toContain(purge);
    const kinds = context.breaches.map((b) => b.kind);
    // Listed by kind: absences, then overdue repairs, then stale hints.
    expect(kinds).toEqual([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  prop([timeoutHistory], options)(
    `unreachable-too-long: one per absence longer than the grace period that ended in a rejoin (seed ${seed})`,
    (h) => {
      const { context, onTime } = onTimePurges(h);
      const intervals = unreachableIntervals(nodes, clusterLogOf(h.events));
      const long = intervals.filter((i) => i.to !== undefined && i.to - i.from > graceTicks);
      const breaches = byKind(context.breaches, "unreachable-too-long");
      expect(breaches.map((b) => [b.node, b.from, b.to, b.fromEvent, b.toEvent])).toEqual(long.map((i) => [i.node, i.from, i.to, i.fromEvent, i.toEvent]));
      breaches.forEach((breach, n) => {
        const interval = long[n]!;
        // Rebuilt: guarded, and a node-repaired of it after the rejoin, before it is next cut off.
        const next = intervals.find((i) => i.node === breach.node && i.fromEvent > interval.fromEvent);
        const repaired = h.events.some(
          (e, index) => e.kind === "node-repaired" && e.node === breach.node && index > breach.toEvent && index < (next?.fromEvent ?? Infinity),
        );
        expect(breach.rebuilt).toBe(h.header.config.rejoinGuard && repaired);
        // Exposed: from the last complete full repair before the absence, to the rejoin (or the crash).
        const repairs = h.events.flatMap((e, index) => (e.kind === "anti-entropy-round" && e.full && e.complete && index < breach.fromEvent ? [{ time: e.startedAt, index }] : []));
        const last = repairs[repairs.length - 1] ?? { time: 0, index: 0 };
        expect([breach.exposedFrom, breach.exposedFromEvent]).toEqual([last.time, last.index]);
        expect(breach.exposedTo).toBe(interval.downThroughout ? interval.from : interval.to);
        expect(breach.exposedToEvent).toBe(interval.downThroughout ? interval.fromEvent : interval.toEvent);
        // What other nodes purged meanwhile it may push back, unless it was rebuilt.
        const meanwhile = onTime.filter((p) => p.node !== breach.node && p.event > breach.fromEvent && p.event < breach.toEvent);
        expect(breach.purged).toEqual(breach.rebuilt ? [] : meanwhile);
        const expiredFor = h.events.flatMap((e, index) => (e.kind === "hint-expired" && (e.target === breach.node || e.holder === breach.node) && index > breach.fromEvent && e.storedAt + graceTicks < breach.to ? [index] : []));
        expect(breach.expiredHints.map((hint) => hint.event)).toEqual(expiredFor);
        expect(breach.events).toEqual([...new Set([breach.fromEvent, breach.toEvent, ...meanwhile.map((p) => p.event), ...expiredFor])].sort((a, b) => a - b));
        // The message says who was away, when, for how long, and what was purged meanwhile.
        expect(breach.message).toContain(`${breach.node} was unreachable from ${breach.from} to ${breach.to} (${breach.to - breach.from} ticks`);
        for (const p of meanwhile) expect(breach.message).toContain(JSON.stringify(p.key));
        if (meanwhile.length === 0) expect(breach.message).toMatch(/none\.$/);
        // Up to five keys are all named, with nothing left to count.
        expect(breach.message).not.toContain("more");
        expect(breach.message.includes("rebuilt")).toBe(breach.rebuilt);
      });
    },
  );

  prop([timeoutHistory], options)(`repair-overdue: one per tombstone purged on time with no repair since its delete (seed ${seed})`, (h) => {
    const { context, onTime } = onTimePurges(h);
    const overdue = onTime.filter((p) => !repairedBefore(context.repairs, p));
    const tombstones = [...new Set(overdue.map((p) => `${p.key}@${p.deletedAt}`))];
    const breaches = byKind(context.breaches, "repair-overdue");
    expect(breaches.map((b) => `${b.key}@${b.from}`)).toEqual(tombstones);
    for (const breach of breaches) {
      const purged = overdue.filter((p) => p.key === breach.key && p.deletedAt === breach.from);
      expect(breach.purged).toEqual(purged);
      expect([breach.node, breach.to, breach.fromEvent, breach.toEvent]).toEqual([purged[0]!.node, purged.at(-1)!.time, purged[0]!.event, purged.at(-1)!.event]);
      expect(breach.events).toEqual(purged.map((p) => p.event));
      // It lists every node that purged the tombstone, each once, apart.
      expect(breach.message).toContain(` ${[...new Set(purged.map((p) => p.node))].join(", ")} `);
      expect(breach.message).toContain(JSON.stringify(breach.key));
    }
  });

  prop([timeoutHistory], options)(`stale-hint: a value hint older than the grace period delivered after a later tombstone of its key was purged (seed ${seed})`, (h) => {
    const { context, onTime } = onTimePurges(h);
    const expected = h.events.flatMap((e, index) => {
      if (e.kind !== "hint-delivered" || e.tombstone || e.time - e.storedAt <= graceTicks) return [];
      const purged = onTime.filter((p) => p.key === e.key && p.event < index && p.deletedAt >= e.storedAt);
      return purged.length === 0 ? [] : [{ index, e, purged }];
    });
    const breaches = byKind(context.breaches, "stale-hint");
    expect(breaches.map((b) => b.fromEvent)).toEqual(expected.map((x) => x.index));
    breaches.forEach((breach, n) => {
      const { index, e, purged } = expected[n]!;
      expect([breach.key, breach.node, breach.from, breach.to, breach.toEvent, breach.value]).toEqual([e.key, e.target, e.storedAt, e.time, index, e.value]);
      expect(breach.purged).toEqual(purged);
      expect(breach.events).toEqual([...new Set([index, ...purged.map((p) => p.event)])].sort((a, b) => a - b));
      expect(breach.message).toContain(`${e.target} at ${e.time}`);
    });
  });

  it("names at most five keys purged during an absence, and counts the rest", () => {
    const absenceWith = (keys: string[]) => {
      const cluster: ClusterEvent[] = [
        { kind: "crash", time: 1, node: "n3" },
        ...keys.map((key, i): ClusterEvent => ({ kind: "gc-purge", time: 20 + i, node: "n1", key, deletedAt: 2, replicas: nodes })),
        { kind: "restart", time: 40, node: "n3" },
      ];
      return byKind(prepareHistory(buildHistory("eventual", [], cluster, { gc: timeout })).breaches, "unreachable-too-long")[0]!;
    };
    const seven = absenceWith(["a", "b", "c", "d", "e", "f", "g"]);
    expect(seven.purged).toHaveLength(7);
    expect(seven.message).toContain('"a", "b", "c", "d", "e" and 2 more');
    expect(seven.message).not.toContain('"f"');
    const five = absenceWith(["a", "b", "c", "d", "e"]);
    expect(five.message).toContain('"a", "b", "c", "d", "e".');
    expect(five.message).not.toContain("more");
  });
});

const order: GcBreach["kind"][] = ["unreachable-too-long", "repair-overdue", "stale-hint"];

describe("what a breach explains", () => {
  prop([timeoutHistory], options)(
    `a lost write only through a rebuild (one the last repair could not sync, invoked before the node stopped taking writes) or a hint for the node that expired (seed ${seed})`,
    (h) => {
      const { context } = onTimePurges(h);
      for (const breach of context.breaches) {
        for (const write of context.operations.filter((op) => op.kind !== "get")) {
          // Not synced: not complete when the repair ran (an info write never is).
          const unsynced = (b: { exposedFromEvent: number }) => write.outcome === "info" || write.completeIndex === undefined || write.completeIndex > b.exposedFromEvent;
          const exposed = breach.kind === "unreachable-too-long" && breach.rebuilt && unsynced(breach) && write.invokeIndex <= breach.exposedToEvent;
          // Or its copy waited in a hint the node held or was meant to receive, which expired while the node was out.
          const inExpiredHint =
            breach.kind === "unreachable-too-long" &&
            h.events.some((event, index) => {
              if (event.kind !== "hint-expired" || (event.target !== breach.node && event.holder !== breach.node) || index <= breach.fromEvent || event.storedAt + graceTicks >= breach.to || event.key !== write.key) return false;
              if (write.kind === "put") return !event.tombstone && event.value === write.value;
              return event.tombstone && write.version !== undefined && JSON.stringify(event.version) === JSON.stringify(write.version);
            });
          expect(breachExplainsLostWrite(breach, write)).toBe(exposed || inExpiredHint);
        }
      }
    },
  );

  prop([timeoutHistory], options)(
    `a read of a put only after the breach took effect, through a purge of the key after the put that hides it (seed ${seed})`,
    (h) => {
      const { context } = onTimePurges(h);
      const gets = context.operations.filter((op) => op.kind === "get");
      const puts = context.operations.filter((op) => op.kind === "put");
      for (const breach of context.breaches) {
        for (const get of gets) {
          const readAt = get.completeIndex ?? Infinity;
          for (const put of puts.filter((p) => p.key === get.key)) {
            const hides = (p: PurgedTombstone) => p.key === get.key && p.event > put.invokeIndex && hidesPut(p, put);
            const expected =
              breach.kind === "repair-overdue"
                ? breach.purged.some((p) => hides(p) && p.event < readAt)
                : breach.kind === "unreachable-too-long"
                  ? breach.toEvent < readAt && breach.purged.some(hides)
                  : breach.toEvent < readAt && breach.key === get.key && breach.value === put.value;
            expect(breachExplainsRead(breach, get, put)).toBe(expected);
            // A level that reads "hides" differently is asked instead; a stale hint does not ask.
            expect(breachExplainsRead(breach, get, put, () => false)).toBe(breach.kind === "stale-hint" && expected);
          }
        }
      }
    },
  );
});
