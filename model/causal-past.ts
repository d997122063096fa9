// Causality under vector clocks, as the history shows it: a put or delete carries the
// context of an earlier get, so it has seen (and supersedes) exactly the writes that get
// returned, and everything those writes had seen in turn.
import type { KeyHistory } from "./key-history.ts";
import type { Operation } from "./operations.ts";
import type { PurgedTombstone } from "./purges.ts";

/** CausalPast answers "had `later` seen `earlier`?" for one key, memoising each op's past. */
export class CausalPast {
  readonly #history: KeyHistory;
  readonly #pasts = new Map<Operation, Set<Operation>>();

  constructor(history: KeyHistory) {
    this.#history = history;
  }

  /** parents lists the writes an op's context names directly. */
  parents(op: Operation): Operation[] {
    const context = op.context;
    if (context === undefined) return [];
    const found: Operation[] = [];
    for (const value of context.values) {
      const put = this.#history.putByValue.get(value);
      if (put !== undefined) found.push(put);
    }
    for (const tombstone of context.tombstones) {
      const deleteOp = this.#history.deleteByTombstone.get(tombstone);
      if (deleteOp !== undefined) found.push(deleteOp);
    }
    return found;
  }

  /** pastOf is every write `op` had seen, directly or through the writes it saw. */
  pastOf(op: Operation): Set<Operation> {
    const known = this.#pasts.get(op);
    if (known !== undefined) return known;
    const past = new Set<Operation>();
    const stack = this.parents(op);
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (past.has(next)) continue;
      past.add(next);
      const cached = this.#pasts.get(next);
      if (cached !== undefined) for (const earlier of cached) past.add(earlier);
      else stack.push(...this.parents(next));
    }
    this.#pasts.set(op, past);
    return past;
  }

  /** hasSeen says whether `later` had seen `earlier`. */
  hasSeen(later: Operation, earlier: Operation): boolean {
    return this.pastOf(later).has(earlier);
  }

  /** tombstoneHides is the causal reading of "a purged tombstone hides a put": its delete had seen the put. */
  readonly tombstoneHides = (purge: PurgedTombstone, put: Operation): boolean => purge.deletes.some((d) => this.hasSeen(d, put));

  /** frontier keeps the writes of `writes` that no other write of it had seen. */
  frontier(writes: readonly Operation[]): Operation[] {
    return writes.filter((write) => !writes.some((other) => other !== write && this.hasSeen(other, write)));
  }
}
