// Client operations as bars: each invoke paired with its completion (the spec's own
// pairing, model/operations.ts), in its process's lane, coloured on the page by outcome.
import { pairOperations, type History, type Operation, type Ticks } from "../model/index.ts";
// model/index.ts does not name operationEvents; reached directly, as checker/ does.
import { operationEvents } from "../model/operations.ts";
import { linearizableKvModel, type KvInput } from "../model/sequential/index.ts";
import type { LaneLayout } from "./lanes.ts";
import type { OperationItem } from "./timeline-item.ts";

/** operationItems lays out every client operation of a history; `endTicks` is where open ones trail off to. */
export function operationItems(history: History, layout: LaneLayout, endTicks: Ticks): OperationItem[] {
  return pairOperations(history.events).map((op) => {
    const completed = op.completeIndex === undefined ? undefined : history.events[op.completeIndex];
    const openEnded = op.outcome === "info";
    return {
      kind: "operation",
      lane: layout.processLane.get(op.process)!,
      startTicks: op.callTime,
      endTicks: openEnded ? (completed?.time ?? endTicks) : op.returnTime,
      openEnded,
      outcome: op.outcome,
      op: op.kind,
      key: op.key,
      label: operationLabel(op),
      events: operationEvents(op),
    };
  });
}

/**
 * operationLabel names an operation briefly, as the linearizability engine's model does
 * (`put k="v"`, `get k → "v"`); a get that did not return ok read nothing to show.
 */
export function operationLabel(op: Operation): string {
  if (op.kind === "get" && op.outcome !== "ok") return `get ${op.key}`;
  const input: KvInput = op.kind === "put" ? { kind: "put", key: op.key, value: op.value ?? "" } : { kind: op.kind, key: op.key };
  return linearizableKvModel.describeOperation(input, op.result ?? null);
}
