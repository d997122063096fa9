// Everything about a whole history that the per-key rules consult: its operations by
// key, its barriers, the GC-contract breaches, and whether a clock skew was injected.
import { isClusterEvent, isLoggedEvent, type ClusterLog, type LoggedEvent } from "./cluster-log.ts";
import { firstAfter } from "./event-order.ts";
import { findGcBreaches, type GcBreach } from "./gc-contract.ts";
import { indexKeyHistories, plainSupersession, type KeyHistory, type SupersessionIndex } from "./key-history.ts";
import { OperationPairer, type Operation } from "./operations.ts";
import { purgedTombstones, repairRounds, type PurgedTombstone, type RepairRound } from "./purges.ts";
import type { History, HistoryEvent, HistoryHeader, Key, Ticks } from "./vocabulary.ts";

/**
 * Barrier is a moment of quiescence: where eventual consistency owes convergence.
 * `quietUntil` is the index of the first crash or partition after it (Infinity if none):
 * the barrier's promise lasts while the cluster stays as quiet as the barrier left it.
 */
export interface Barrier {
  time: Ticks;
  event: number;
  quietUntil: number;
}

/** HistoryContext is a history prepared for the spec's rules. */
export interface HistoryContext {
  header: HistoryHeader;
  operations: Operation[];
  keys: Map<Key, KeyHistory>;
  barriers: Barrier[];
  /** purges: every gc-purge, tied to the delete that wrote the tombstone. */
  purges: PurgedTombstone[];
  /** repairs: every full anti-entropy round. */
  repairs: RepairRound[];
  breaches: GcBreach[];
  /** firstPurge: per key, the index of the first gc-purge event of one of its tombstones. */
  firstPurge: Map<Key, number>;
  /** tombstonePurged: per delete, the index of the first gc-purge of the tombstone it may have written. */
  tombstonePurged: Map<Operation, number>;
  /** firstSkewEvent: index of the first clock-skew event with a non-zero offset, if any. */
  firstSkewEvent?: number;
  /**
   * skewSpreads: after each clock-skew event (by index), the widest spread between two
   * nodes' clock offsets seen so far, in ticks: how far apart two coordinators' clocks
   * may have been, and so how large a real-time gap skew can invert.
   */
  skewSpreads: Array<{ event: number; spreadTicks: number }>;
}

/**
 * prepareHistory pairs operations, groups them by key and collects the cluster facts.
 * `index` answers the supersession questions: the plain definitions by default.
 */
export function prepareHistory(history: History, index: SupersessionIndex = plainSupersession): HistoryContext {
  const fold = new HistoryFold(history.header);
  for (const event of history.events) fold.add(event);
  return fold.context(index);
}

/**
 * FoldPart narrows a fold to a part of a history: the operations on `keys` only (default:
 * every key), and of the cluster events the rules read, those `log` keeps (default: all). A
 * checker whose history is too long to fold at once folds it a group of keys at a time,
 * each group with the cluster events about its keys.
 */
export interface FoldPart {
  keys?: ReadonlySet<Key>;
  log?: (logged: LoggedEvent) => boolean;
}

/**
 * HistoryFold takes a history one event at a time, keeping only what the spec's rules read:
 * the paired operations and the cluster log. A reader of a long file feeds it line by line
 * and never holds the events themselves, which take several times the memory of the
 * operations; prepareHistory feeds it a history held in memory.
 */
export class HistoryFold {
  private pairer = new OperationPairer();
  private entries: LoggedEvent[] = [];
  private count = 0;

  constructor(
    private readonly header: HistoryHeader,
    private part: FoldPart = {},
  ) {}

  /** add takes the next event of the history. */
  add(event: HistoryEvent): void {
    const index = this.count++;
    if (isClusterEvent(event)) {
      if (!isLoggedEvent(event)) return;
      const logged = { index, event };
      if (this.part.log === undefined || this.part.log(logged)) this.entries.push(logged);
    } else if (this.part.keys === undefined || this.part.keys.has(event.key)) this.pairer.add(event, index);
  }

  /**
   * forgetOperations drops the operations folded so far and folds no more of them; the
   * cluster log goes on. For a checker whose history outgrew its memory: it keeps the log
   * and folds the operations again later, a group of keys at a time.
   */
  forgetOperations(): void {
    this.pairer = new OperationPairer();
    this.part = { ...this.part, keys: new Set() };
  }

  /**
   * narrowLog drops the logged events `keep` refuses, and from now on logs only those it
   * accepts: for a checker that will read the others again when it needs them.
   */
  narrowLog(keep: (logged: LoggedEvent) => boolean): void {
    this.entries = this.entries.filter(keep);
    const before = this.part.log;
    this.part = { ...this.part, log: before === undefined ? keep : (logged) => before(logged) && keep(logged) };
  }

  /** events is how many events were added. */
  get events(): number {
    return this.count;
  }

  /** operations are the operations paired so far, in invocation order. */
  get operations(): readonly Operation[] {
    return this.pairer.operations;
  }

  /** log is the cluster log folded so far. */
  get log(): ClusterLog {
    return { entries: this.entries };
  }

  /**
   * context is the history prepared for the rules: call it once, after the last event.
   * `log` is the history's cluster log when this fold was told not to keep it.
   */
  context(index: SupersessionIndex = plainSupersession, log: ClusterLog = this.log): HistoryContext {
    return prepareContext(this.header, this.pairer.operations, log, index);
  }
}

/** prepareContext is prepareHistory from what the rules read of a history: its header, its paired operations and its cluster log. */
export function prepareContext(header: HistoryHeader, operations: Operation[], log: ClusterLog, index: SupersessionIndex = plainSupersession): HistoryContext {
  const barriers: Barrier[] = [];
  let firstSkewEvent: number | undefined;
  const firstPurge = new Map<Key, number>();
  const offsets = new Map<string, number>(header.config.nodes.map((node) => [node, 0]));
  const skewSpreads: HistoryContext["skewSpreads"] = [];
  let widest = 0;
  for (const { index, event } of log.entries) {
    if (event.kind === "clock-skew") {
      offsets.set(event.node, event.offsetTicks);
      const values = [...offsets.values()];
      widest = Math.max(widest, Math.max(...values) - Math.min(...values));
      skewSpreads.push({ event: index, spreadTicks: widest });
    }
    if (event.kind === "gc-purge" && !firstPurge.has(event.key)) firstPurge.set(event.key, index);
    if (event.kind === "barrier") barriers.push({ time: event.time, event: index, quietUntil: Infinity });
    if (event.kind === "crash" || event.kind === "partition") {
      for (let b = barriers.length - 1; b >= 0 && barriers[b]!.quietUntil === Infinity; b--) barriers[b]!.quietUntil = index;
    }
    if (event.kind === "clock-skew" && event.offsetTicks !== 0 && firstSkewEvent === undefined) firstSkewEvent = index;
  }
  const keys = indexKeyHistories(operations, index);
  const purges = purgedTombstones(log, keys);
  const repairs = repairRounds(log);
  const tombstonePurged = new Map<Operation, number>();
  for (const purge of purges) for (const op of purge.deletes) if (!tombstonePurged.has(op)) tombstonePurged.set(op, purge.event);
  const context: HistoryContext = {
    header,
    operations,
    keys,
    barriers,
    purges,
    repairs,
    breaches: findGcBreaches(header, log, purges, repairs),
    firstPurge,
    tombstonePurged,
    skewSpreads,
  };
  if (firstSkewEvent !== undefined) context.firstSkewEvent = firstSkewEvent;
  return context;
}

/** skewSpreadBefore is the widest clock spread recorded before event `index` (0 with no skew). */
export function skewSpreadBefore(context: HistoryContext, index: number): number {
  const after = firstAfter(context.skewSpreads, index - 1);
  return after === 0 ? 0 : context.skewSpreads[after - 1]!.spreadTicks;
}

/** lastBarrierBefore finds the last barrier recorded before event `index`, if any. */
export function lastBarrierBefore(barriers: readonly Barrier[], index: number): Barrier | undefined {
  const after = firstAfter(barriers, index - 1);
  return after === 0 ? undefined : barriers[after - 1];
}

/** tombstoneGoneBefore says whether GC purged `deleteOp`'s tombstone somewhere before event `index`. */
export function tombstoneGoneBefore(context: HistoryContext, deleteOp: Operation, index: number): boolean {
  return (context.tombstonePurged.get(deleteOp) ?? Infinity) < index;
}
