// The fallbacks a breach offers the linearizable search, against docs/spec.md: a rebuilt
// node may reset a key it was exposed to, at its rejoin, to absent or to a value some put
// may have left with its peers; a purge under a breach may bring back, from the purge on,
// any value its tombstone hid. Each fallback is a write that may take effect or not.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory } from "../../../model/history-context.ts";
import { precedes, type Operation } from "../../../model/operations.ts";
import { hidesPut } from "../../../model/purges.ts";
import { breachFallbacks } from "../../../model/rules/breach-fallbacks.ts";
import type { GcConfig } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const histories = fc.oneof(
  clusterHistory({ level: "linearizable", gc: timeout, maxEvents: 14, config: { rejoinGuard: true } }),
  clusterHistory({ level: "linearizable", gc: timeout, maxEvents: 14 }),
  purgedDeleteHistory({ level: "linearizable", gc: timeout }),
);

/** A fallback as what it restores: its kind, value, where and when it may take effect. */
const described = (op: Operation) => `${op.kind} ${op.value ?? "-"} @${op.callAt}/${op.callTime}`;

describe("breachFallbacks", () => {
  prop([histories], options)(`offers, per breach, exactly the states the breach may reset the key to (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const puts = history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail");
      const expected = context.breaches.flatMap((breach) => {
        const offered: string[] = [];
        if (breach.kind === "unreachable-too-long" && breach.rebuilt) {
          // Exposed: not complete when the last complete repair before the absence ran.
          const unsynced = (op: Operation) => op.outcome === "info" || op.completeIndex === undefined || op.completeIndex > breach.exposedFromEvent;
          const wrote = history.operations.some((op) => op.kind !== "get" && unsynced(op) && op.invokeIndex <= breach.exposedToEvent);
          if (wrote) {
            offered.push(`delete - @${breach.toEvent}/${breach.to}`);
            // What the peers may hold: a put that may be last among those the repair synced, or one since.
            const synced = puts.filter((op) => !unsynced(op));
            const mayBeLast = synced.filter((op) => !synced.some((other) => other.outcome === "ok" && precedes(op, other)));
            const since = puts.filter((op) => unsynced(op) && op.invokeIndex < breach.fromEvent);
            for (const put of [...mayBeLast, ...since]) offered.push(`put ${put.value} @${breach.toEvent}/${breach.to}`);
          }
        }
        for (const purge of breach.purged.filter((p) => p.key === history.key)) {
          for (const put of puts.filter((op) => op.invokeIndex < purge.event && hidesPut(purge, op))) offered.push(`put ${put.value} @${purge.event}/${purge.time}`);
        }
        return offered.length === 0 ? [] : [{ breach, offered }];
      });
      const fallbacks = breachFallbacks(context, history);
      expect(fallbacks.map((f) => ({ breach: f.breach, offered: f.operations.map(described) }))).toEqual(expected);
    }
  });

  prop([histories], options)(`each fallback is a write of the key that may take effect from its point on, or never (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const synthetic = breachFallbacks(context, history).flatMap((f) => f.operations);
      const processes = new Set(synthetic.map((op) => op.process));
      expect(processes.size).toBe(synthetic.length);
      for (const op of synthetic) {
        expect(op.process).toBeLessThan(0);
        expect([op.key, op.outcome, op.returnAt, op.returnTime, op.invokeIndex, op.completeIndex]).toEqual([history.key, "info", Infinity, Infinity, op.callAt, undefined]);
        // A fallback to absent carries no value; one to a value restores what a real put wrote.
        if (op.kind === "delete") expect(op.value).toBeUndefined();
        else expect(history.putByValue.get(op.value!)?.outcome).not.toBe("fail");
        // Nothing comes after it in real time.
        for (const other of history.operations) expect(precedes(op, other)).toBe(false);
      }
    }
  });
});
