// A history's fold for the spec (model/history-context.ts) under a memory limit. Events go
// into the fold until the heap in use passes the limit (memory-guard.ts). Then the fold
// forgets the operations and keeps only the cluster log, while a census counts each key's
// operations: a history that can be read again (a file) is then checked a group of keys at
// a time (grouped-check.ts), and the log keeps only what every group needs (group-log.ts).
// If the log alone grows too big, or the history cannot be read again, the check says it
// is unknown rather than crash; reading and recording go on in bounded memory either way.
import { isClusterEvent } from "../model/cluster-log.ts";
import { HistoryFold } from "../model/history-context.ts";
import type { HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";
import { checkPrepared, type CheckProgress } from "./check-history.ts";
import { checkInGroups, opsPerGroupWithin, type GroupedCheck } from "./grouped-check.ts";
import { ReadingLog, sharedLog } from "./group-log.ts";
import { KeyCensus } from "./key-groups.ts";
import type { CheckOptions } from "./linearizability/index.ts";
import { MemoryGuard } from "./memory-guard.ts";
import { SharedNodeLists } from "./shared-node-lists.ts";
import { indexedSupersession } from "./supersession-index.ts";

/**
 * Regrouping says how a check that outgrew its fold goes on: `source` is the file to read the
 * history from again (undefined: it cannot be), and `onGroup` hears each group begin.
 */
export interface Regrouping {
  source: () => string | undefined;
  onGroup?: (group: number, of: number) => void;
}

/** GuardedFold folds one history's events; past its memory limit it keeps the cluster log and a census of the keys. */
export class GuardedFold {
  private fold: HistoryFold | undefined;
  private census: KeyCensus | undefined;
  private readonly guard: MemoryGuard;
  /** logGuard watches the heap once the operations are forgotten: the cluster log and the reader's own maps still grow. */
  private logGuard: MemoryGuard | undefined;
  /** foldedEvents and opsAtLimit: how far the whole fold got before the limit. */
  private foldedEvents = 0;
  private opsAtLimit = 0;
  private count = 0;
  private lastTime = 0;
  private readonly nodeLists = new SharedNodeLists();
  private readonly readingLog = new ReadingLog();

  /**
   * constructor takes the history's header and the memory limit in bytes (default:
   * memory-guard.ts's); `guard`, to test the passing of the limit, replaces the guard of the
   * whole fold.
   */
  constructor(
    private readonly header: HistoryHeader,
    memoryBytes?: number,
    guard?: MemoryGuard,
  ) {
    this.fold = new HistoryFold(header);
    this.guard = guard ?? new MemoryGuard(memoryBytes);
  }

  /** add takes the next event. */
  add(event: HistoryEvent): void {
    this.count++;
    this.lastTime = event.time;
    if (isClusterEvent(event)) {
      this.nodeLists.share(event);
      this.readingLog.see(event);
    }
    if (this.census !== undefined) {
      if (event.kind === "invoke") this.census.add(event.key);
      if (this.fold === undefined) return;
      this.fold.add(event);
      if (this.logGuard!.afterEvent()) this.fold = undefined;
      return;
    }
    this.fold!.add(event);
    if (this.guard.afterEvent()) this.forgetOperations(this.fold!);
  }

  /** forgetOperations counts the operations folded so far by key and lets the garbage collector take them. */
  private forgetOperations(fold: HistoryFold): void {
    this.foldedEvents = fold.events;
    this.opsAtLimit = fold.operations.length;
    this.census = KeyCensus.of(fold.operations);
    fold.forgetOperations();
    // The groups read again the purges and hints about their keys: the log need not hold them meanwhile.
    fold.narrowLog(this.readingLog.keeper(this.header, fold.log, fold.events - 1, this.lastTime));
    this.logGuard = new MemoryGuard(this.guard.limitBytes);
  }

  /**
   * check is the history's check: the spec's on the whole fold; else, when the history can
   * be read again, the spec's a group of keys at a time; else unknown.
   */
  async check(options: CheckOptions = {}, progress?: CheckProgress, regrouping?: Regrouping): Promise<GroupedCheck> {
    if (this.census === undefined) return { ok: true, check: checkPrepared(this.fold!.context(indexedSupersession), options, progress) };
    const source = regrouping?.source();
    if (this.fold !== undefined && source !== undefined) {
      // Every group reads again the cluster events about its own keys: only the rest is kept (group-log.ts).
      const log = sharedLog(this.header, this.fold.log);
      this.fold = undefined;
      const memoryBytes = this.guard.limitBytes;
      const opsPerGroup = opsPerGroupWithin(memoryBytes, this.opsAtLimit, this.guard.liveBytes);
      const first = { header: this.header, log, census: this.census, events: this.count };
      if (opsPerGroup > 0) return checkInGroups(first, { opsPerGroup, memoryBytes, source, onGroup: regrouping?.onGroup }, options, progress);
    }
    return {
      ok: true,
      check: {
        verdict: "unknown",
        level: this.header.consistency,
        anomalies: [],
        explained: [],
        unknown: [{ key: null, steps: 0, limit: "memory", events: this.foldedEvents, memoryBytes: this.guard.limitBytes }],
        unchecked: [],
        statistics: { operations: this.census.operations, keys: this.census.keys },
        eventsAre: "event-indices",
      },
    };
  }
}
