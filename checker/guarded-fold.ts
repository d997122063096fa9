// A history's fold for the spec (model/history-context.ts) under a memory limit: events go
// into the fold until the heap in use passes the limit (memory-guard.ts); from then on the
// fold is dropped and only the operations and keys are counted, so reading and recording go
// on in bounded memory, and the check says it is unknown, not a crash.
import { HistoryFold } from "../model/history-context.ts";
import type { HistoryEvent, HistoryHeader, Key } from "../model/vocabulary.ts";
import { checkPrepared, type CheckProgress } from "./check-history.ts";
import type { CheckOptions } from "./linearizability/index.ts";
import { MemoryGuard } from "./memory-guard.ts";
import { indexedSupersession } from "./supersession-index.ts";
import type { HistoryCheck } from "./verdict.ts";

/** GuardedFold folds one history's events, or counts them once its memory limit is passed. */
export class GuardedFold {
  private fold: HistoryFold | undefined;
  private readonly guard: MemoryGuard;
  /** Once the fold is dropped: the events it had taken, and the operations and keys counted since its start. */
  private foldedEvents = 0;
  private operations = 0;
  private readonly keys = new Set<Key>();

  /** constructor takes the history's header and the memory limit in bytes (default: memory-guard.ts's). */
  constructor(
    private readonly header: HistoryHeader,
    memoryBytes?: number,
  ) {
    this.fold = new HistoryFold(header);
    this.guard = new MemoryGuard(memoryBytes);
  }

  /** add takes the next event. */
  add(event: HistoryEvent): void {
    if (this.fold === undefined) {
      if (event.kind === "invoke") {
        this.operations++;
        this.keys.add(event.key);
      }
      return;
    }
    this.fold.add(event);
    if (this.guard.afterEvent()) this.drop(this.fold);
  }

  /** drop keeps of the fold only what the unknown check reports, and lets the garbage collector take the rest. */
  private drop(fold: HistoryFold): void {
    this.foldedEvents = fold.events;
    this.operations = fold.operations.length;
    for (const op of fold.operations) this.keys.add(op.key);
    this.fold = undefined;
  }

  /** check is the history's check: the spec's, or unknown when the fold outgrew the memory limit. */
  check(options: CheckOptions = {}, progress?: CheckProgress): HistoryCheck {
    if (this.fold !== undefined) return checkPrepared(this.fold.context(indexedSupersession), options, progress);
    return {
      verdict: "unknown",
      level: this.header.consistency,
      anomalies: [],
      explained: [],
      unknown: [{ key: null, steps: 0, limit: "memory", events: this.foldedEvents, memoryBytes: this.guard.limitBytes }],
      unchecked: [],
      statistics: { operations: this.operations, keys: this.keys.size },
      eventsAre: "event-indices",
    };
  }
}
