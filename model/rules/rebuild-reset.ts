// What a rejoin guard's rebuild may do to a key, for the linearizable level. A node cut
// off longer than the grace period is rebuilt from its peers when it rejoins, dropping
// what it held alone: a key it served while cut off may fall back to a state the rest of
// the cluster kept, which is any state a write invoked before the node was cut off may
// have left, or absent. The spec models that as writes that may take effect at the rejoin
// or never (info ops), so that the search can tell such a reset from a bug.
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";

/** RebuildReset is the synthetic ops for one guarded breach, and the breach they stand for. */
export interface RebuildReset {
  breachIndex: number;
  operations: Operation[];
}

/** rebuildResets lists, per guarded long absence, the states a rebuild may reset `history`'s key to. */
export function rebuildResets(context: HistoryContext, history: KeyHistory): RebuildReset[] {
  const resets: RebuildReset[] = [];
  let synthetic = 0;
  context.breaches.forEach((breach, breachIndex) => {
    if (breach.kind !== "unreachable-too-long" || breach.rebuilt !== true) return;
    const before = history.operations.filter((op) => op.kind !== "get" && op.outcome !== "fail" && op.callAt < breach.fromEvent);
    const latestOkCall = Math.max(-Infinity, ...before.filter((op) => op.outcome === "ok").map((op) => op.callAt));
    const mayBeLast = before.filter((op) => op.kind === "put" && (op.outcome === "info" || op.returnAt >= latestOkCall));
    const reset = (kind: "put" | "delete", value?: string): Operation => {
      const op: Operation = {
        process: -1 - synthetic++,
        kind,
        key: history.key,
        outcome: "info",
        callAt: breach.toEvent,
        returnAt: Infinity,
        callTime: breach.to,
        returnTime: Infinity,
        invokeIndex: breach.toEvent,
      };
      if (value !== undefined) op.value = value;
      return op;
    };
    resets.push({ breachIndex, operations: [reset("delete"), ...mayBeLast.map((put) => reset("put", put.value))] });
  });
  return resets;
}
