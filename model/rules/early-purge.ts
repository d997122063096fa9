// The store's own purge rule: a tombstone purged before the history's GC mode allows is a
// store bug, reported whether or not a read shows its effect (SPEC-NOTES: under `keep`
// nothing is purged; under `timeout` not before the grace period; under `repair` not
// before a repair of the key's range). It never counts as a breach of the operator's contract.
import type { Anomaly } from "../anomaly.ts";
import type { HistoryContext } from "../history-context.ts";
import { isEarlyPurge, type PurgedTombstone } from "../purges.ts";
import type { GcConfig } from "../vocabulary.ts";

/** checkEarlyPurges reports every purge the store made before its GC mode allowed. */
export function checkEarlyPurges(context: HistoryContext): Anomaly[] {
  const gc = context.header.config.gc;
  return context.purges
    .filter((purge) => isEarlyPurge(gc, purge, context.repairs))
    .map((purge) => ({
      kind: "early-purge" as const,
      key: purge.key,
      events: [purge.event],
      message: `${purge.node} purged the tombstone of ${JSON.stringify(purge.key)} deleted at ${purge.deletedAt} at ${purge.time}, ${whyEarly(gc, purge)}: a replica that missed the delete can bring the value back.`,
    }));
}

function whyEarly(gc: GcConfig, purge: PurgedTombstone): string {
  switch (gc.mode) {
    case "keep":
      return "although GC mode keep never purges";
    case "timeout":
      return `${purge.time - purge.deletedAt} ticks after the delete, before the grace period of ${gc.graceTicks} ticks ran out`;
    case "repair":
      return "before any repair of its range that began after the delete";
    case "immediate":
      return "before every replica acknowledged it";
    default: {
      const unreachable: never = gc.mode;
      return unreachable;
    }
  }
}
