// The store's own purge rule: every purge its GC mode did not allow yet is reported as
// `early-purge`, once per tombstone, whether or not a read shows it, and never anything else.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { checkHistory } from "../../../checker/check-history.ts";
import { prepareHistory } from "../../../model/history-context.ts";
import { isEarlyPurge } from "../../../model/purges.ts";
import { checkEarlyPurges } from "../../../model/rules/early-purge.ts";
import type { GcConfig } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const anyMode = clusterHistory({ gc: fc.constantFrom<GcConfig>({ mode: "keep" }, { mode: "repair" }, { mode: "immediate" }, { mode: "timeout", graceTicks: 6 }) });

describe("checkEarlyPurges", () => {
  prop([anyMode], options)(`reports each tombstone purged early once, with exactly its early purges (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const gc = h.header.config.gc;
    const early = context.purges.filter((p) => isEarlyPurge(gc, p, context.repairs));
    const tombstones = [...new Set(early.map((p) => JSON.stringify([p.key, p.deletedAt])))];
    const anomalies = checkEarlyPurges(context);
    expect(anomalies.map((a) => a.kind)).toEqual(tombstones.map(() => "early-purge"));
    anomalies.forEach((anomaly, n) => {
      const [key, deletedAt] = JSON.parse(tombstones[n]!) as [string, number];
      const mine = early.filter((p) => p.key === key && p.deletedAt === deletedAt);
      expect(anomaly.key).toBe(key);
      expect(anomaly.events).toEqual(mine.map((p) => p.event));
      expect(anomaly.read).toBeUndefined();
      // The message names the key, every node that purged it and when, and why it was early.
      expect(anomaly.message).toContain(JSON.stringify(key));
      expect(anomaly.message).toContain(mine.map((p) => `${p.node} at ${p.time}`).join(", "));
      const why = { keep: "keep", timeout: `${gc.graceTicks} ticks`, repair: "repair", immediate: "acknowledged" }[gc.mode];
      expect(anomaly.message).toContain(why);
      // The reason is said in words, between the nodes and the consequence: not just the mode's name.
      const nodes = mine.map((p) => `${p.node} at ${p.time}`).join(", ");
      const reason = anomaly.message.slice(anomaly.message.indexOf(nodes) + nodes.length + 2, anomaly.message.lastIndexOf(": "));
      expect(reason.split(" ").length).toBeGreaterThanOrEqual(4);
    });
    // Under immediate no purge is judged; under keep every one is early.
    if (gc.mode === "immediate") expect(anomalies).toEqual([]);
    if (gc.mode === "keep") expect(early).toHaveLength(context.purges.length);
  });

  prop([anyMode], options)(`an early purge always reaches the verdict as an early-purge bug (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    const early = context.purges.filter((p) => isEarlyPurge(h.header.config.gc, p, context.repairs));
    const check = checkHistory(h);
    const reported = check.anomalies.filter((a) => a.kind === "early-purge");
    for (const purge of early) expect(reported.some((a) => a.key === purge.key && a.events.includes(purge.event))).toBe(true);
    expect(reported.flatMap((a) => a.events).sort((a, b) => a - b)).toEqual(early.map((p) => p.event));
    if (early.length > 0) expect(check.verdict).toBe("invalid");
  });
});
