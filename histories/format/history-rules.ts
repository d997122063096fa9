// The rules that span lines: time never goes backwards, each process has at most one
// open operation and completes what it invoked, put values and tombstone ids are unique.
// Invokes still open at the end are allowed: they are indeterminate, like `info`.
import type { HistoryEvent, Key, OperationKind, ProcessId, Ticks } from "../../model/vocabulary.ts";
import { quote, type HistoryErrorAt } from "./error.ts";

interface OpenOperation {
  op: OperationKind;
  key: Key;
  line: number;
}

/** HistoryRules follows a history event by event and reports the first rule it breaks. */
export class HistoryRules {
  private lastTime: Ticks = 0;
  private lastTimeLine = 0;
  private readonly open = new Map<ProcessId, OpenOperation>();
  /** putValues maps each put's value to the line of its invoke. */
  private readonly putValues = new Map<string, number>();
  /** tombstones maps each delete's tombstone id to the line of its invoke. */
  private readonly tombstones = new Map<string, number>();

  /** check takes the next event, found on line `line`; it returns an error, or undefined if the event fits. */
  check(event: HistoryEvent, line: number): HistoryErrorAt | undefined {
    if (event.time < this.lastTime) {
      return {
        code: "time-backwards",
        line,
        field: "time",
        message: `found time ${event.time} after time ${this.lastTime} on line ${this.lastTimeLine}; expected events in non-decreasing time`,
        fix: "sort the events by time (a stable sort keeps the order of events with equal time)",
      };
    }
    this.lastTime = event.time;
    this.lastTimeLine = line;
    if (event.kind === "invoke") return this.invoke(event, line);
    if (event.kind === "complete") return this.complete(event, line);
    return undefined;
  }

  private invoke(event: Extract<HistoryEvent, { kind: "invoke" }>, line: number): HistoryErrorAt | undefined {
    const open = this.open.get(event.process);
    if (open !== undefined) {
      return {
        code: "overlapping-invoke",
        line,
        field: "process",
        message: `found a second invoke for process ${event.process}, whose ${open.op} of ${quote(open.key)} on line ${open.line} is still open; expected one operation at a time per process`,
        fix: "complete the open operation first (outcome info if its result is unknown), or give this invoke a new process id",
      };
    }
    if (event.value !== undefined) {
      const earlier = this.putValues.get(event.value);
      if (earlier !== undefined) {
        return {
          code: "duplicate-put-value",
          line,
          field: "value",
          message: `found value ${quote(event.value)}, already written by the put on line ${earlier}; expected every put to write a unique value`,
          fix: "make each put's value unique (the checker tells writes apart by their values)",
        };
      }
      this.putValues.set(event.value, line);
    }
    if (event.tombstone !== undefined) {
      const earlier = this.tombstones.get(event.tombstone);
      if (earlier !== undefined) {
        return {
          code: "duplicate-tombstone",
          line,
          field: "tombstone",
          message: `found tombstone ${quote(event.tombstone)}, already named by the delete on line ${earlier}; expected unique tombstone ids`,
          fix: "give each delete its own tombstone id",
        };
      }
      this.tombstones.set(event.tombstone, line);
    }
    this.open.set(event.process, { op: event.op, key: event.key, line });
    return undefined;
  }

  private complete(event: Extract<HistoryEvent, { kind: "complete" }>, line: number): HistoryErrorAt | undefined {
    const open = this.open.get(event.process);
    if (open === undefined) {
      return {
        code: "complete-without-invoke",
        line,
        field: "process",
        message: `found a complete for process ${event.process}, which has no open invoke; expected an invoke of this ${event.op} earlier`,
        fix: "add the missing invoke before this line, or remove this complete",
      };
    }
    for (const field of ["op", "key"] as const) {
      if (event[field] !== open[field]) {
        return {
          code: "mismatched-complete",
          line,
          field,
          message: `found ${field} ${quote(event[field])}, but process ${event.process} invoked ${field} ${quote(open[field])} on line ${open.line}; expected the complete to repeat its invoke's op and key`,
          fix: `set ${field} to ${quote(open[field])}, or check that this complete belongs to process ${event.process}`,
        };
      }
    }
    this.open.delete(event.process);
    return undefined;
  }
}
