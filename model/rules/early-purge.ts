// The store's own purge rule: a tombstone purged before the history's GC mode allows is a
// store bug, reported whether or not a read shows its effect (SPEC-NOTES: under `keep`
// nothing is purged; under `timeout` not before the grace period; under `repair` not
// before a repair of the key's range). It never counts as a breach of the operator's contract.
import type { Anomaly } from "../anomaly.ts";
import { appendTo } from "../grouped-lists.ts";
import type { HistoryContext } from "../history-context.ts";
import { isEarlyPurge, tombstoneName, type PurgedTombstone } from "../purges.ts";
import type { GcConfig } from "../vocabulary.ts";

/** checkEarlyPurges reports, per tombstone, the nodes that purged it before the GC mode allowed. */
export function checkEarlyPurges(context: HistoryContext): Anomaly[] {
  const gc = context.header.config.gc;
  const byTombstone = new Map<string, PurgedTombstone[]>();
  for (const purge of context.purges) {
    if (!isEarlyPurge(gc, purge, context.repairs)) continue;
    appendTo(byTombstone, tombstoneName(purge), purge);
  }
  return [...byTombstone.values()].map((purges) => {
    const first = purges[0]!;
    const nodes = purges.map((p) => `${p.node} at ${p.time}`).join(", ");
    return {
      kind: "early-purge" as const,
      key: first.key,
      events: purges.map((p) => p.event),
      message: `the tombstone of ${JSON.stringify(first.key)} deleted at ${first.deletedAt} was purged by ${nodes}, ${whyEarly(gc, first)}: a replica that missed the delete can bring the value back.`,
    };
  });
}

function whyEarly(gc: GcConfig, purge: PurgedTombstone): string {
  switch (gc.mode) {
    case "keep":
      return "although GC mode keep never purges";
    case "timeout":
      return `before the grace period of ${gc.graceTicks} ticks since the delete ran out`;
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
