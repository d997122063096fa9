// The causal read rules against their definitions, on generated causal histories: every
// sibling names a write that could be seen; none is shown beside a write that had seen it;
// a value a delete had seen is resurrected once the delete took effect; and with strict
// quorums no ok write completed before the get began goes missing unless a sibling (or a
// purged tombstone) had seen it.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { CausalPast } from "../../../model/causal-past.ts";
import { lastBarrierBefore, prepareHistory, tombstoneGoneBefore, type HistoryContext } from "../../../model/history-context.ts";
import type { KeyHistory } from "../../../model/key-history.ts";
import { operationEvents, type Operation } from "../../../model/operations.ts";
import { checkCausalRead, resolveSiblings } from "../../../model/rules/causal-read.ts";
import type { ClusterConfig } from "../../../model/vocabulary.ts";
import { causalHistory } from "../../support/causal-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const quorums = fc.constantFrom<Partial<ClusterConfig>>({}, {}, { sloppyQuorum: true }, { readQuorum: 1, writeQuorum: 2 }, { readQuorum: 2, writeQuorum: 1 });
const histories = causalHistory({ config: quorums, purges: true });

/** expectedKinds applies the causal read rules as docs/spec.md states them (GC mode keep: nothing is explained). */
function expectedKinds(context: HistoryContext, history: KeyHistory, past: CausalPast, get: Operation): string[] {
  const result = get.result;
  const named: Array<Operation | undefined> =
    result?.kind === "siblings"
      ? [...result.values.map((v) => history.putByValue.get(v)), ...result.tombstones.map((t) => history.deleteByTombstone.get(t))]
      : result?.kind === "value"
        ? [history.putByValue.get(result.value)]
        : [];
  const kinds: string[] = [];
  const shown: Operation[] = [];
  for (const writer of named) {
    if (writer === undefined || writer.outcome === "fail") kinds.push("phantom-read");
    else if (writer.invokeIndex > get.completeIndex!) kinds.push("future-read");
    else shown.push(writer);
  }
  const barrier = lastBarrierBefore(context.barriers, get.invokeIndex);
  for (const write of shown) {
    const hidden =
      write.kind === "put" &&
      barrier !== undefined &&
      history.operations.some((d) => d.kind === "delete" && d.outcome === "ok" && d.completeIndex! < barrier.event && past.hasSeen(d, write));
    if (hidden) kinds.push("resurrection");
    else if (shown.some((other) => other !== write && past.hasSeen(other, write))) kinds.push("sibling-spurious");
  }
  const { readQuorum, writeQuorum, replicationFactor, sloppyQuorum } = context.header.config;
  if (!sloppyQuorum && readQuorum + writeQuorum > replicationFactor) {
    const gone = (w: Operation) => w.kind === "delete" && tombstoneGoneBefore(context, w, get.completeIndex!);
    const missed = history.operations.filter(
      (w) =>
        w.kind !== "get" &&
        w.outcome === "ok" &&
        w.completeIndex! < get.invokeIndex &&
        !shown.includes(w) &&
        !shown.some((s) => past.hasSeen(s, w)) &&
        !gone(w) &&
        !history.operations.some((d) => d.kind === "delete" && d.outcome !== "fail" && gone(d) && past.hasSeen(d, w)),
    );
    if (missed.length > 0) kinds.push("sibling-lost");
  }
  return kinds.sort();
}

describe("checkCausalRead", () => {
  prop([histories], options)(`finds what the causal read rules define, and nothing else (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const anomalies = checkCausalRead(context, history, past, get);
        expect(anomalies.map((a) => a.kind).sort()).toEqual(expectedKinds(context, history, past, get));
        for (const anomaly of anomalies) expect(anomaly.read).toBe(get.completeIndex);
      }
    }
  });

  prop([histories], options)(`a lost sibling names the latest writes that went missing, not what they superseded (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const past = new CausalPast(history);
      for (const get of history.operations.filter((op) => op.kind === "get" && op.outcome === "ok")) {
        const lost = checkCausalRead(context, history, past, get).find((a) => a.kind === "sibling-lost");
        if (lost === undefined) continue;
        const shown = resolveSiblings(history, get).writes;
        const named = history.operations.filter((w) => w !== get && w.kind !== "get" && lost.events.includes(w.invokeIndex));
        expect(named.length).toBeGreaterThan(0);
        for (const w of named) {
          expect(w.outcome).toBe("ok");
          expect(w.completeIndex!).toBeLessThan(get.invokeIndex);
          expect(shown).not.toContain(w);
          // None of them had seen another: only the frontier is named.
          for (const other of named) if (other !== w) expect(past.hasSeen(other, w)).toBe(false);
        }
        expect(lost.events).toEqual([...new Set([...operationEvents(get), ...named.flatMap(operationEvents)])].sort((a, b) => a - b));
      }
    }
  });
});
