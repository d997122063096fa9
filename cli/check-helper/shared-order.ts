// The search order of one check as threads share it: a few integers in shared memory that
// they read and change with atomic operations. The main thread and its helpers
// (helper-thread.ts) each hold a SharedOrder over the same buffer.
import type { PartitionOutcome } from "../../checker/linearizability/index.ts";

/** Slot names the integers of the shared buffer. */
const enum Slot {
  /** Count: how many positions the order has, set by the main thread; the helper claims only if it prepared as many. */
  Count,
  /** Next: the next position not yet claimed. */
  Next,
  /** FirstInvalid: the earliest position found invalid, or noPosition. */
  FirstInvalid,
  /** HelpersDone: how many helpers claim no more and have sent what they settled. */
  HelpersDone,
  /** Heartbeat: a helper adds one at each pause of its searches, so that a wait can tell a busy helper from a dead one. */
  Heartbeat,
  /** Fingerprint: the main thread's fingerprint of its searches; a helper claims only if it computed the same. */
  Fingerprint,
}

const slots = 6;

/** noPosition stands for "none" in the slots that hold a position. */
const noPosition = 0x7fffffff;

/** SettledByHelper is the message a helper sends when it is done: its outcomes by position, or the error it stopped at. */
export type SettledByHelper = { settled: Array<[number, PartitionOutcome]> } | { error: string };

/** SharedOrder is one thread's handle on the shared integers. */
export class SharedOrder {
  private readonly slots: Int32Array;

  /** constructor takes the shared buffer, or makes a new one (the main thread). */
  constructor(readonly buffer: SharedArrayBuffer = SharedOrder.newBuffer()) {
    this.slots = new Int32Array(buffer);
  }

  private static newBuffer(): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(slots * Int32Array.BYTES_PER_ELEMENT);
    const view = new Int32Array(buffer);
    view[Slot.Count] = -1;
    view[Slot.FirstInvalid] = noPosition;
    return buffer;
  }

  /** setCount records how many positions the main thread's order has. */
  setCount(count: number): void {
    Atomics.store(this.slots, Slot.Count, count);
  }

  /** setFingerprint records the main thread's fingerprint of its searches. */
  setFingerprint(fingerprint: number): void {
    Atomics.store(this.slots, Slot.Fingerprint, fingerprint | 0);
  }

  /** sameSearches says whether a helper's order of `count` searches with `fingerprint` is the main thread's (it prepared the same history). */
  sameSearches(count: number, fingerprint: number): boolean {
    return Atomics.load(this.slots, Slot.Count) === count && Atomics.load(this.slots, Slot.Fingerprint) === (fingerprint | 0);
  }

  /** claim takes the next position, or undefined when none is left or, with `stop`, when it lies past a position found invalid. */
  claim(count: number, stop: boolean): number | undefined {
    if (stop && Atomics.load(this.slots, Slot.Next) > this.firstInvalid()) return undefined;
    const position = Atomics.add(this.slots, Slot.Next, 1);
    if (position >= count || (stop && position > this.firstInvalid())) return undefined;
    return position;
  }

  /** claimedSoFar is how many positions are taken, at most `count`. */
  claimedSoFar(count: number): number {
    return Math.min(count, Atomics.load(this.slots, Slot.Next));
  }

  /** foundInvalid lowers the first invalid position to `position` if it is earlier. */
  foundInvalid(position: number): void {
    for (;;) {
      const current = Atomics.load(this.slots, Slot.FirstInvalid);
      if (position >= current || Atomics.compareExchange(this.slots, Slot.FirstInvalid, current, position) === current) return;
    }
  }

  /** firstInvalid is the earliest position found invalid, Infinity if none. */
  firstInvalid(): number {
    const position = Atomics.load(this.slots, Slot.FirstInvalid);
    return position === noPosition ? Infinity : position;
  }

  beat(): void {
    Atomics.add(this.slots, Slot.Heartbeat, 1);
  }

  heartbeat(): number {
    return Atomics.load(this.slots, Slot.Heartbeat);
  }

  /** helperDone counts one more helper done and wakes a main thread waiting for them. */
  helperDone(): void {
    Atomics.add(this.slots, Slot.HelpersDone, 1);
    Atomics.notify(this.slots, Slot.HelpersDone);
  }

  /** waitForHelpers blocks up to `ms` for `helpers` helpers to be done, and says whether they are. */
  waitForHelpers(helpers: number, ms: number): boolean {
    const done = Atomics.load(this.slots, Slot.HelpersDone);
    if (done >= helpers) return true;
    Atomics.wait(this.slots, Slot.HelpersDone, done, ms);
    return Atomics.load(this.slots, Slot.HelpersDone) >= helpers;
  }
}
