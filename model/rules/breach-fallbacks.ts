// What a breach of the GC contract may do to a key, for the linearizable level, where no
// barrier is needed to see it. Two things can happen:
// - a rejoin guard rebuilds a node cut off longer than the grace period from its peers,
//   dropping what it held alone: the key may fall back, at the rejoin, to absent or to a
//   state a write invoked before the node was cut off may have left;
// - a tombstone purged under a breach (no repair, a long absence, a stale hint) lets a
//   replica that missed the delete push back a value the delete had hidden: from the
//   purge on, the key may fall back to the value of any put the tombstone hid (a replica
//   that missed the delete may have missed later puts too, so not only the last one).
// The spec models each fallback as a write that may take effect at that point or later,
// or never (an info op), so that a search can tell such a fallback from a bug.
import type { GcBreach } from "../gc-contract.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { hidesPut } from "../purges.ts";
import type { Ticks } from "../vocabulary.ts";

/** BreachFallback is the synthetic ops for one breach, and the breach they stand for. */
export interface BreachFallback {
  breach: GcBreach;
  operations: Operation[];
}

/** breachFallbacks lists, per breach that can touch `history`'s key, the states it may reset the key to. */
export function breachFallbacks(context: HistoryContext, history: KeyHistory): BreachFallback[] {
  const resets: BreachFallback[] = [];
  let synthetic = 0;
  const fallback = (kind: "put" | "delete", at: number, atTicks: Ticks, value?: string): Operation => {
    const op: Operation = {
      process: -1 - synthetic++,
      kind,
      key: history.key,
      outcome: "info",
      callAt: at,
      returnAt: Infinity,
      callTime: atTicks,
      returnTime: Infinity,
      invokeIndex: at,
    };
    if (value !== undefined) op.value = value;
    return op;
  };
  const puts = history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail");
  for (const breach of context.breaches) {
    const operations: Operation[] = [];
    if (breach.kind === "unreachable-too-long" && breach.rebuilt) {
      // A write the last complete repair before the absence could not sync (it had not
      // completed when the repair ran), invoked before the node stopped taking writes.
      const exposedFrom = breach.exposedFromEvent;
      const unsynced = (op: Operation) => op.returnAt > exposedFrom;
      const wroteMeanwhile = history.operations.some((op) => op.kind !== "get" && unsynced(op) && op.callAt <= breach.exposedToEvent);
      if (wroteMeanwhile) {
        operations.push(fallback("delete", breach.toEvent, breach.to));
        // The peers hold what the last complete repair gave them (a put that may be last
        // before it), plus any of the writes since that reached them before the absence.
        const before = mayBeLastPuts(puts.filter((op) => !unsynced(op)));
        const exposed = puts.filter((op) => unsynced(op) && op.callAt < breach.fromEvent);
        for (const put of [...before, ...exposed]) operations.push(fallback("put", breach.toEvent, breach.to, put.value));
      }
    }
    for (const purge of breach.purged) {
      if (purge.key !== history.key) continue;
      const hidden = puts.filter((op) => op.invokeIndex < purge.event && hidesPut(purge, op));
      for (const put of hidden) operations.push(fallback("put", purge.event, purge.time, put.value));
    }
    if (operations.length > 0) resets.push({ breach, operations });
  }
  return resets;
}

/**
 * mayBeLastPuts keeps the puts (not failed) that may be last among these puts in real
 * time: what a replica that missed the deletes since may still hold. Deletes are left out
 * on purpose; a fallback to absent is its own op.
 */
function mayBeLastPuts(puts: Operation[]): Operation[] {
  const latestOkCall = Math.max(-Infinity, ...puts.filter((op) => op.outcome === "ok").map((op) => op.callAt));
  return puts.filter((op) => op.outcome === "info" || op.returnAt >= latestOkCall);
}
