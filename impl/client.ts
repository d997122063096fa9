// Client processes as the history sees them: each has at most one open operation, which is
// recorded as an invoke, sent to a coordinator, and recorded as a complete. A process's
// session carries its last LWW timestamp into its next op (so its own ops are never
// inverted) and, under vector clocks, the causal context of its last get of each key.
import type {
  CausalContext,
  CompleteEvent,
  InvokeEvent,
  Key,
  NodeId,
  ProcessId,
  TombstoneId,
  Value,
  Version,
} from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";
import type { StoreNode } from "./node.ts";
import { coordinateRead } from "./coordinator-read.ts";
import { coordinateWrite } from "./coordinator-write.ts";
import type { DotSet } from "./vector-clock.ts";
import { emptyDots, pruneDots, unionDots } from "./vector-clock.ts";
import type { KeyState } from "./versions.ts";
import { resultOf } from "./versions.ts";

/** ClientOp is what a process asks of the store. */
export type ClientOp =
  | { kind: "put"; key: Key; value: Value }
  | { kind: "delete"; key: Key; tombstone: TombstoneId }
  | { kind: "get"; key: Key };

/** clientHopTicks: how long a request takes from the client to its coordinator. */
const clientHopTicks = 1;

/** Completion ends a process's op with its outcome (and what a get read, or a write's version). */
type Completion = (outcome: "ok" | "fail" | "info", error: string | undefined, state?: KeyState, version?: Version) => void;

interface Session {
  open: boolean;
  lastTimestamp: number;
  contexts: Map<Key, { dots: DotSet; seen: CausalContext }>;
}

/** Clients issues operations on behalf of processes and records them. */
export class Clients {
  private readonly sessions = new Map<ProcessId, Session>();

  constructor(private readonly cluster: Cluster) {}

  /** isOpen says whether a process has an operation in flight. */
  isOpen(process: ProcessId): boolean {
    return this.sessions.get(process)?.open ?? false;
  }

  /** submit invokes an op for a process; `onComplete` receives its complete event. */
  submit(process: ProcessId, op: ClientOp, onComplete: (event: CompleteEvent) => void, coordinatorId?: NodeId): void {
    const cluster = this.cluster;
    const session = this.session(process);
    if (session.open) throw new Error(`Clients.submit: process ${process} already has an open operation`);
    session.open = true;
    cluster.stats.opsInvoked++;
    const causal = cluster.options.versioning === "vector-clock";
    const known = session.contexts.get(op.key);
    const invoke: InvokeEvent = { kind: "invoke", time: cluster.now, process, op: op.kind, key: op.key };
    if (op.kind === "put") invoke.value = op.value;
    if (op.kind === "delete" && causal) invoke.tombstone = op.tombstone;
    if (op.kind !== "get" && causal) invoke.context = known?.seen ?? { values: [], tombstones: [] };
    cluster.emit(invoke);

    const complete: Completion = (outcome, error, state, version) => {
      session.open = false;
      const event: CompleteEvent = { kind: "complete", time: cluster.now, process, op: op.kind, key: op.key, outcome };
      if (outcome === "ok" && op.kind === "get") {
        event.result = resultOf(state, cluster.options.versioning);
        this.remember(session, op.key, state);
      }
      if (error !== undefined) event.error = error;
      if (version !== undefined) event.version = version;
      if (outcome === "ok") cluster.stats.opsOk++;
      else if (outcome === "fail") cluster.stats.opsFail++;
      else cluster.stats.opsInfo++;
      cluster.emit(event);
      onComplete(event);
    };

    const coordinator = this.chooseCoordinator(coordinatorId);
    if (coordinator === undefined) {
      complete("fail", coordinatorId === undefined ? "no node is serving" : `coordinator ${coordinatorId} is not serving`);
      return;
    }
    // The request takes a tick to reach its coordinator, as every message does. Without that
    // hop an op could be invoked and stamped in the tick another process's op completed in,
    // and last-write-wins could not tell which came first: a clock orders nothing finer
    // than its tick. A coordinator that crashed meanwhile never saw the request: it failed.
    const epoch = coordinator.epoch;
    cluster.queue.after(clientHopTicks, () => {
      if (coordinator.epoch !== epoch || !coordinator.up || coordinator.needsRepair) {
        complete("fail", `coordinator ${coordinator.id} stopped before the request arrived`);
        return;
      }
      this.coordinate(session, op, known?.dots ?? emptyDots, coordinator, complete);
    });
  }

  private coordinate(session: Session, op: ClientOp, context: DotSet, coordinator: StoreNode, complete: Completion): void {
    const cluster = this.cluster;
    if (op.kind === "get") {
      coordinateRead(cluster, coordinator, op.key, (outcome, error, state) => complete(outcome, error, state));
      return;
    }
    const request = {
      key: op.key,
      content: {
        tombstone: op.kind === "delete",
        value: op.kind === "put" ? op.value : undefined,
        tombstoneId: op.kind === "delete" ? op.tombstone : undefined,
        deletedAt: op.kind === "delete" ? cluster.now : -1,
      },
      context,
      floorTimestamp: session.lastTimestamp,
    };
    coordinateWrite(cluster, coordinator, request, (outcome, error, timestamp, version) => {
      // Even an info write may take effect, so the next op must still order after it.
      if (timestamp > session.lastTimestamp) session.lastTimestamp = timestamp;
      complete(outcome, error, undefined, version);
    });
  }

  private chooseCoordinator(requested: NodeId | undefined) {
    const cluster = this.cluster;
    if (requested !== undefined) {
      const node = cluster.node(requested);
      return node.up && !node.needsRepair ? node : undefined;
    }
    const serving = cluster.nodes.filter((node) => node.up && !node.needsRepair);
    return serving.length === 0 ? undefined : cluster.random.pick(serving);
  }

  private session(process: ProcessId): Session {
    let session = this.sessions.get(process);
    if (session === undefined) {
      session = { open: false, lastTimestamp: 0, contexts: new Map() };
      this.sessions.set(process, session);
    }
    return session;
  }

  /**
   * remember keeps what a get saw: its latest timestamp (LWW) or its causal context (vector
   * clocks), whose dots are pruned to `vectorClockPruneDots`. The recorded context (`seen`)
   * is not pruned: it says what the client saw, and the spec judges what the store did.
   */
  private remember(session: Session, key: Key, state: KeyState | undefined): void {
    let dots: DotSet = emptyDots;
    const seen: CausalContext = { values: [], tombstones: [] };
    for (const sibling of state ?? []) {
      const stamp = sibling.stamp;
      if (stamp.kind === "lww") {
        if (stamp.timestamp > session.lastTimestamp) session.lastTimestamp = stamp.timestamp;
        continue;
      }
      dots = unionDots(unionDots(dots, stamp.past), new Set([sibling.id]));
      if (sibling.tombstone) seen.tombstones.push(sibling.tombstoneId ?? sibling.id);
      else seen.values.push(sibling.value as Value);
    }
    if (this.cluster.options.versioning === "vector-clock") {
      seen.values.sort();
      seen.tombstones.sort();
      session.contexts.set(key, { dots: pruneDots(dots, this.cluster.options.vectorClockPruneDots), seen });
    }
  }
}
