// The memory a lazarus history's check may hold. The spec's fold keeps every operation and
// cluster event (a few hundred bytes each), so a long enough history outgrows the process:
// Node would die of "heap out of memory" (exit 134, a V8 dump). The guard looks at the heap
// every so many events; past its limit the check forgets the operations and reads the
// history again a group of keys at a time (guarded-fold.ts), or says it is unknown, how far
// it got, and how to give it more memory, rather than crash.
import { collectGarbage } from "./full-gc.ts";
import { heapLimitBytes, heapStatistics } from "./heap-limit.ts";

/** defaultShareOfHeap is the part of Node's heap limit a check may fill by default: the rest is for the rules' own work after the fold. */
const defaultShareOfHeap = 0.7;

/**
 * defaultCeilingBytes caps the default limit: past it a check reads the history again in
 * groups of keys rather than fill the machine. Beside the heap in use, V8 keeps garbage,
 * young objects and pages it has not handed back (some half a GiB on a history of 10^7
 * operations), so a check under 1 GiB of heap stays well under 2 GiB in all; --memory raises it.
 */
const defaultCeilingBytes = 2 ** 30;

/** eventsBetweenLooks: the heap is looked at every this many events, a few microseconds each time. */
const eventsBetweenLooks = 16_384;

/** defaultMemoryBytes is the limit a check gets unless told otherwise. */
export function defaultMemoryBytes(): number {
  return Math.floor(Math.min(heapLimitBytes() * defaultShareOfHeap, defaultCeilingBytes));
}

/**
 * liveShareToPass: past the limit, the heap is collected and the limit counts as passed only
 * if what is still reachable fills this share of it. The heap in use also counts garbage
 * that V8, far from its own limit, has no reason to collect yet; without the collection a
 * check would give up on garbage. Each collection that clears the limit so leaves a quarter
 * of it to fill with garbage before the next, which bounds their cost.
 */
export const liveShareToPass = 0.75;

/** MemoryGuard says when the heap in use has passed `limitBytes`, looking every `eventsBetweenLooks` events. */
export class MemoryGuard {
  private sinceLook = 0;
  private passed = false;
  /** liveBytes: the heap still in use after the collection that found the limit passed (0 before). */
  liveBytes = 0;

  constructor(readonly limitBytes: number = defaultMemoryBytes()) {}

  /** afterEvent counts one more event folded and says whether the limit is passed (it stays passed). */
  afterEvent(): boolean {
    if (this.passed || ++this.sinceLook < eventsBetweenLooks) return this.passed;
    this.sinceLook = 0;
    if (heapStatistics().used_heap_size <= this.limitBytes) return false;
    collectGarbage();
    const live = heapStatistics().used_heap_size;
    this.passed = live > this.limitBytes * liveShareToPass;
    if (this.passed) this.liveBytes = live;
    return this.passed;
  }
}
