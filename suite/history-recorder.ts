// For a store that does not record its own history: the adapter calls `invoked` when it
// sends a request and `completed` when the answer comes back, and `cluster` for each fault
// it injects; the recorder stamps each event with the store's clock (by default a counter
// that moves one tick per event, which keeps real-time order and nothing more).
import type {
  ClusterConfig,
  ClusterEvent,
  CompleteEvent,
  ConsistencyLevel,
  GetResult,
  History,
  HistoryEvent,
  InvokeEvent,
  Outcome,
  ProcessId,
  Ticks,
} from "../model/vocabulary.ts";
import type { AdapterOp } from "./adapter.ts";

/** HistoryRecorder builds a lazarus history for an adapter. */
export class HistoryRecorder {
  private readonly events: HistoryEvent[] = [];
  private readonly open = new Map<ProcessId, InvokeEvent>();
  private tick = 0;

  /**
   * The history's header: the level the store promises and its configuration.
   * `now` reads the store's clock; by default each event takes the next tick.
   */
  constructor(
    private readonly consistency: ConsistencyLevel,
    private readonly config: ClusterConfig,
    private readonly now: () => Ticks = () => this.tick++,
  ) {}

  /** invoked records that `process` sent `op`. */
  invoked(process: ProcessId, op: AdapterOp): void {
    const event: InvokeEvent = { kind: "invoke", time: this.now(), process, op: op.kind, key: op.key };
    if (op.kind === "put") event.value = op.value;
    if (op.kind === "delete" && this.config.versioning === "vector-clock") event.tombstone = op.tombstone;
    this.open.set(process, event);
    this.events.push(event);
  }

  /** completed records the answer to the process's open op and returns the recorded event. */
  completed(process: ProcessId, outcome: Outcome, result?: GetResult, error?: string): CompleteEvent {
    const invoke = this.open.get(process);
    if (invoke === undefined) throw new Error(`HistoryRecorder.completed: process ${process} has no open operation`);
    this.open.delete(process);
    const event: CompleteEvent = { kind: "complete", time: this.now(), process, op: invoke.op, key: invoke.key, outcome };
    if (outcome === "ok" && invoke.op === "get") event.result = result ?? { kind: "absent", reason: "never-written" };
    if (error !== undefined) event.error = error;
    this.events.push(event);
    return event;
  }

  /**
   * cluster records a fault or maintenance event; its time is filled in (and an
   * anti-entropy round recorded as one event starts when it ends, unless it says otherwise).
   */
  cluster(event: DistributiveOmit<ClusterEvent, "time"> | DistributiveOmit<Extract<ClusterEvent, { kind: "anti-entropy-round" }>, "time" | "startedAt">): void {
    const time = this.now();
    const startedAt = event.kind === "anti-entropy-round" && !("startedAt" in event) ? { startedAt: time } : {};
    this.events.push({ ...startedAt, ...event, time } as ClusterEvent);
  }

  /** history returns the header and every event so far. */
  history(): History {
    return { header: { kind: "header", format: "lazarus-history", formatVersion: 1, consistency: this.consistency, config: this.config }, events: this.events };
  }
}

/** DistributiveOmit omits a key from each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
