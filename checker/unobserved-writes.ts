// A search shortcut, not a rule: an info write whose value no read observes from its
// invocation on can be left out of a register's linearizability search without changing
// the answer. Placed anywhere, it sets the state to a value no later read returns, so the
// reads between it and the next write would have to return that value: there are none,
// and without it every read keeps the state it had. Each info write left in doubles the
// orders the search may try, and breach fallbacks add many.
import type { Operation } from "../model/operations.ts";

const absentState = "\u0000absent";

/** dropUnobservedInfoWrites keeps every op but the info writes no read completing at or after their invocation observes. */
export function dropUnobservedInfoWrites(operations: readonly Operation[]): Operation[] {
  const lastRead = new Map<string, number>();
  for (const op of operations) {
    if (op.kind !== "get" || op.outcome !== "ok" || op.result === undefined) continue;
    const state = op.result.kind === "value" ? op.result.value : op.result.kind === "absent" ? absentState : undefined;
    if (state !== undefined) lastRead.set(state, Math.max(lastRead.get(state) ?? -Infinity, op.returnAt));
  }
  return operations.filter((op) => {
    if (op.kind === "get" || op.outcome !== "info") return true;
    const state = op.kind === "delete" ? absentState : op.value!;
    return (lastRead.get(state) ?? -Infinity) >= op.callAt;
  });
}
