// The simulator's event queue: a binary min-heap ordered by (time, insertion sequence),
// so events due at the same tick run in the order they were scheduled and a run is
// reproducible byte for byte.
import type { Ticks } from "../model/vocabulary.ts";

/** Action is what a scheduled event does when its time comes. */
export type Action = () => void;

interface Entry {
  time: Ticks;
  sequence: number;
  action: Action;
}

/** EventQueue holds future actions and owns simulated time (`now`). */
export class EventQueue {
  private heap: Entry[] = [];
  private sequence = 0;
  /** now is the current simulated time in ticks; it never goes backwards. */
  now: Ticks = 0;

  /** size is the number of pending events. */
  get size(): number {
    return this.heap.length;
  }

  /** at schedules an action at an absolute time (never before now). */
  at(time: Ticks, action: Action): void {
    if (time < this.now) throw new Error(`EventQueue.at: time ${time} is before now ${this.now}`);
    const entry: Entry = { time, sequence: this.sequence++, action };
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as Entry;
      if (!before(entry, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = entry;
  }

  /** after schedules an action delayTicks from now. */
  after(delayTicks: Ticks, action: Action): void {
    this.at(this.now + delayTicks, action);
  }

  /** nextTime is the time of the earliest pending event, or undefined when empty. */
  nextTime(): Ticks | undefined {
    return this.heap[0]?.time;
  }

  /** step runs the earliest event; returns false when the queue is empty. */
  step(): boolean {
    const entry = this.pop();
    if (entry === undefined) return false;
    this.now = entry.time;
    entry.action();
    return true;
  }

  /** runUntil runs every event due at or before `time`, then sets now to `time`. */
  runUntil(time: Ticks): void {
    while (this.heap.length > 0 && (this.heap[0] as Entry).time <= time) this.step();
    if (time > this.now) this.now = time;
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let index = 0;
    const length = heap.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && before(heap[right] as Entry, heap[left] as Entry)) child = right;
      const childEntry = heap[child] as Entry;
      if (!before(childEntry, last)) break;
      heap[index] = childEntry;
      index = child;
    }
    heap[index] = last;
    return top;
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.time < y.time || (x.time === y.time && x.sequence < y.sequence);
}
