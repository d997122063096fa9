// What a breach of the GC contract may do to a key, for the linearizable level, where no
// barrier is needed to see it. Two things can happen:
// - a rejoin guard rebuilds a node cut off longer than the grace period from its peers,
//   dropping what it held alone: the key may fall back, at the rejoin, to absent or to a
//   state a write invoked before the node was cut off may have left;
// - a tombstone purged under a breach (no repair, a long absence, a stale hint) lets a
//   replica that missed the delete push back a value the delete had hidden: from the
//   purge on, the key may fall back to the value of any put the tombstone hid (a replica
//   that missed the delete may have missed later puts too, so not only the last one).
// The spec models each fallback as writes that may take effect there or never (info ops),
// so that the search can tell such a fallback from a bug.
import type { GcBreach } from "../gc-contract.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { hidesPut } from "../purges.ts";
import type { Ticks } from "../vocabulary.ts";

/**
 * maxFallbackPuts bounds the values one rebuild may fall back to: each is an op the search
 * may place or skip, and too many make it exponential. Past the bound the latest are kept,
 * so a finding may stay unexplained, never wrongly explained.
 */
const maxFallbackPuts = 8;

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
  const lastPuts = (before: (op: Operation) => boolean) => mayBeLastPuts(history.operations.filter(before));
  // A fallback matters only if a get that completes after it reads what it restores; the
  // others would only widen the search (each is an op the search may place anywhere after
  // it, or skip). "From the purge on" includes a get the purge overlaps.
  const lastRead = lastReadPositions(history);
  const readLater = (op: Operation) => (lastRead.get(op.kind === "delete" ? absentState : op.value!) ?? -1) > op.callAt;
  for (const breach of context.breaches) {
    const operations: Operation[] = [];
    if (breach.kind === "unreachable-too-long" && breach.rebuilt === true) {
      const exposedFrom = breach.exposedFromEvent ?? breach.fromEvent;
      const wroteMeanwhile = history.operations.some((op) => op.kind !== "get" && op.callAt >= exposedFrom && op.callAt <= breach.toEvent);
      if (wroteMeanwhile) {
        operations.push(fallback("delete", breach.toEvent, breach.to));
        // The peers hold what the last complete repair gave them, plus any of the writes
        // since that reached them before the absence.
        const exposed = history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail" && op.callAt >= exposedFrom && op.callAt < breach.fromEvent);
        const candidates = [...lastPuts((op) => op.callAt < exposedFrom), ...exposed].slice(-maxFallbackPuts);
        for (const put of candidates) operations.push(fallback("put", breach.toEvent, breach.to, put.value));
      }
    }
    for (const purge of breach.purged) {
      if (purge.key !== history.key) continue;
      const hidden = history.operations.filter((op) => op.kind === "put" && op.outcome !== "fail" && op.invokeIndex < purge.event && hidesPut(purge, op));
      for (const put of hidden) operations.push(fallback("put", purge.event, purge.time, put.value));
    }
    const useful = operations.filter(readLater);
    if (useful.length > 0) resets.push({ breach, operations: useful });
  }
  return resets;
}

const absentState = "\u0000absent";

/** lastReadPositions maps each value a get returned (and absent) to the last completion of a get that read it. */
function lastReadPositions(history: KeyHistory): Map<string, number> {
  const last = new Map<string, number>();
  for (const op of history.operations) {
    if (op.kind !== "get" || op.outcome !== "ok" || op.result === undefined) continue;
    const state = op.result.kind === "value" ? op.result.value : op.result.kind === "absent" ? absentState : undefined;
    if (state !== undefined) last.set(state, Math.max(last.get(state) ?? -1, op.returnAt));
  }
  return last;
}

/**
 * mayBeLastPuts keeps the puts (not failed) that may be last among these puts in real
 * time: what a replica that missed the deletes since may still hold. Deletes are left out
 * on purpose; a fallback to absent is its own op.
 */
function mayBeLastPuts(ops: Operation[]): Operation[] {
  const puts = ops.filter((op) => op.kind === "put" && op.outcome !== "fail");
  const latestOkCall = Math.max(-Infinity, ...puts.filter((op) => op.outcome === "ok").map((op) => op.callAt));
  return puts.filter((op) => op.outcome === "info" || op.returnAt >= latestOkCall);
}
