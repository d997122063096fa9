// The spec's assembly (model/spec.ts): each level applies its rules to each key; every
// breach is reported whether or not a read shows it; and when several rules find something
// in one read, the most specific speaks for it (docs/spec.md, "Verdicts").
import fc from "fast-check";
import { describe, expect } from "vitest";
import type { Anomaly, AnomalyKind } from "../../model/anomaly.ts";
import { CausalPast } from "../../model/causal-past.ts";
import { prepareHistory } from "../../model/history-context.ts";
import { checkCausalConvergence } from "../../model/rules/causal-convergence.ts";
import { checkCausalRead } from "../../model/rules/causal-read.ts";
import { checkEarlyPurges } from "../../model/rules/early-purge.ts";
import { checkLwwConvergence } from "../../model/rules/lww-convergence.ts";
import { checkLwwRead } from "../../model/rules/lww-read.ts";
import { breachAnomalies, judgeHistory, judgeKey, keepMostSpecific } from "../../model/spec.ts";
import type { ConsistencyLevel, GcConfig } from "../../model/vocabulary.ts";
import { causalHistory } from "../support/causal-histories.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { phasedHistory } from "../support/phased-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const specificFirst: AnomalyKind[] = [
  "phantom-read",
  "future-read",
  "resurrection",
  "lost-write",
  "sibling-lost",
  "sibling-spurious",
  "stale-read",
  "gc-grace-violation",
  "clock-skew",
];
const level = fc.constantFrom<ConsistencyLevel>("linearizable", "quorum", "eventual");
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const histories = fc.oneof(
  level.chain((l) => phasedHistory({ level: l, keys: ["x"], maxOpsPerPhase: 4, extraEvents: 4, gc: timeout })),
  level.chain((l) => clusterHistory({ level: l })),
  causalHistory({ purges: true, gc: timeout }),
);

describe("keepMostSpecific", () => {
  const anomaly = fc.record({ kind: fc.constantFrom(...specificFirst), read: fc.option(fc.nat(4), { nil: undefined }), id: fc.nat(1000) }).map(({ kind, read, id }): Anomaly => {
    const a: Anomaly = { kind, events: [id], message: `finding ${id}` };
    if (read !== undefined) a.read = read;
    return a;
  });
  prop([fc.array(anomaly, { maxLength: 12 })], options)(`keeps every finding not about one read, and per read the most specific, first found among equals (seed ${seed})`, (anomalies) => {
    const kept = keepMostSpecific(anomalies);
    const rest = anomalies.filter((a) => a.read === undefined);
    const reads = [...new Set(anomalies.filter((a) => a.read !== undefined).map((a) => a.read))];
    const best = reads.map((read) => {
      const mine = anomalies.filter((a) => a.read === read);
      const rank = Math.min(...mine.map((a) => specificFirst.indexOf(a.kind)));
      return mine.find((a) => specificFirst.indexOf(a.kind) === rank)!;
    });
    expect(kept).toEqual([...rest, ...best]);
    for (const [i, a] of kept.entries()) expect(a).toBe(i < rest.length ? rest[i] : best[i - rest.length]);
  });
});

describe("judgeKey and judgeHistory", () => {
  prop([histories], options)(`each level applies its own rules to each key (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const level = h.header.consistency;
    for (const history of context.keys.values()) {
      const gets = history.operations.filter((op) => op.kind === "get" && op.outcome === "ok");
      let expected: Anomaly[];
      if (level === "causal") {
        const past = new CausalPast(history);
        expected = [...gets.flatMap((get) => checkCausalRead(context, history, past, get)), ...checkCausalConvergence(context, history, past)];
      } else {
        const reads = gets.flatMap((get) => checkLwwRead(context, history, get, level === "quorum") ?? []);
        expected = level === "linearizable" ? reads : [...reads, ...checkLwwConvergence(context, history)];
      }
      expect(judgeKey(context, history)).toEqual(expected);
    }
  });

  prop([histories], options)(`a history's findings are its breaches, its early purges and its keys', the most specific per read (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const breaches = breachAnomalies(context.breaches);
    expect(breaches).toEqual(context.breaches.map((b) => ({ kind: "gc-grace-violation", events: b.events, message: b.message })));
    const keys = [...context.keys.values()].flatMap((history) => judgeKey(context, history));
    expect(judgeHistory(context)).toEqual(keepMostSpecific([...breaches, ...checkEarlyPurges(context), ...keys]));
  });
});
