// Where a simulation's history goes: a Recorder receives the header once and then every
// event in time order. The in-memory recorder keeps them (tests, CLI); the counting one
// discards them (benchmarks), so recording never dominates a throughput figure.
import type { History, HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";

/** Recorder receives a history as it happens. */
export interface Recorder {
  header(header: HistoryHeader): void;
  event(event: HistoryEvent): void;
}

/** MemoryRecorder keeps the whole history in memory. */
export class MemoryRecorder implements Recorder {
  private recordedHeader: HistoryHeader | undefined;
  /** events are the recorded events, in time order. */
  readonly events: HistoryEvent[] = [];

  header(header: HistoryHeader): void {
    this.recordedHeader = header;
  }

  event(event: HistoryEvent): void {
    this.events.push(event);
  }

  /** history returns the recorded header and events; throws if no header was recorded. */
  history(): History {
    if (this.recordedHeader === undefined) throw new Error("MemoryRecorder.history: no header recorded");
    return { header: this.recordedHeader, events: this.events };
  }
}

/** CountingRecorder counts events and drops them (for benchmarks). */
export class CountingRecorder implements Recorder {
  /** eventCount is how many events were recorded. */
  eventCount = 0;

  header(_header: HistoryHeader): void {}

  event(_event: HistoryEvent): void {
    this.eventCount++;
  }
}
