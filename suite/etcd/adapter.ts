// etcd as a store under test: the suite's operations become requests to a running
// cluster (EtcdCluster), and its fault hooks become signals to the members. kill -9 and a
// restart are `crash` and `restart`; the suite's `isolate` (a partition of one member)
// is a SIGSTOP, which cuts the member off from clients and peers alike, and `heal` its
// SIGCONT; `advance` lets real time pass, then compacts the store's history and, after a
// long step, defragments one member. Each process has a home member and goes to the next
// live one while its home is stopped, as a client with health checks would; an op already
// sent to a member when it stops times out as `info`.
import type { CompleteEvent, History, Key, NodeId, ProcessId, Ticks, Value } from "../../model/vocabulary.ts";
import type { AdapterOp, StoreAdapter } from "../adapter.ts";
import { HistoryRecorder } from "../history-recorder.ts";
import type { EtcdBugName } from "./bugs.ts";
import type { EtcdCluster } from "./cluster.ts";
import { callGateway, type GatewayAnswer } from "./gateway.ts";
import { etcdClusterConfig, etcdHistoryDescription } from "./history-header.ts";
import { getResultOf, requestFor, revisionOf } from "./requests.ts";

/** ClusterControl: what the adapter needs of the cluster (an EtcdCluster, or a stand-in in tests). */
export type ClusterControl = Pick<EtcdCluster, "memberNames" | "clientUrl" | "kill" | "restart" | "pause" | "resume" | "waitHealthy">;

/** EtcdAdapterOptions: one run's adapter on a running cluster. */
export interface EtcdAdapterOptions {
  /** namespace: prefixed to every key, unique per run, so that the runs sharing one cluster never meet. */
  namespace: string;
  /** bugs: planted bugs to switch on (none by default). */
  bugs?: readonly EtcdBugName[];
  /** requestTimeoutMs: how long an op waits for its answer before it ends as `info` (default 1500). */
  requestTimeoutMs?: number;
  /** advanceMaxMs: the longest an `advance` step sleeps, whatever its ticks (default 1000; a tick is a millisecond). */
  advanceMaxMs?: number;
}

/** EtcdFaultCounts: what the adapter did to the cluster in one run. */
export interface EtcdFaultCounts {
  kills: number;
  restarts: number;
  pauses: number;
  resumes: number;
  compactions: number;
  defragmentations: number;
  barriers: number;
}

/** defragmentAfterTicks: an advance at least this long also defragments a member (a long step stands for a quiet spell). */
const defragmentAfterTicks = 120;
const quiesceTimeoutMs = 30_000;

/** EtcdAdapter drives one run against an EtcdCluster. */
export class EtcdAdapter implements StoreAdapter {
  readonly store = "etcd";
  readonly nodes: readonly NodeId[];
  readonly faults: EtcdFaultCounts = { kills: 0, restarts: 0, pauses: 0, resumes: 0, compactions: 0, defragmentations: 0, barriers: 0 };
  private readonly recorder: HistoryRecorder;
  private readonly open = new Map<ProcessId, Promise<CompleteEvent>>();
  private readonly down = new Set<NodeId>();
  /** isolated: members the suite cut off; a killed one is stopped again when it restarts. */
  private readonly isolated = new Set<NodeId>();
  private readonly requestTimeoutMs: number;
  private readonly advanceMaxMs: number;
  private readonly serializableReads: boolean;
  /** cache: the client-side cache of the cache-forgets-deletes bug (undefined when it is off). */
  private readonly cache: Map<Key, Value> | undefined;
  private latestRevision = 0;
  private defragmented = 0;

  constructor(
    private readonly cluster: ClusterControl,
    private readonly options: EtcdAdapterOptions,
  ) {
    this.nodes = cluster.memberNames;
    const bugs = options.bugs ?? [];
    this.serializableReads = bugs.includes("serializable-reads");
    this.cache = bugs.includes("cache-forgets-deletes") ? new Map() : undefined;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 1500;
    this.advanceMaxMs = options.advanceMaxMs ?? 1000;
    const startedMs = performance.now();
    // Real milliseconds since the run began: the history then shows how long each op and fault took.
    const now = (): Ticks => Math.floor(performance.now() - startedMs);
    this.recorder = new HistoryRecorder("linearizable", etcdClusterConfig(this.nodes, bugs), now);
  }

  start(process: ProcessId, op: AdapterOp): void {
    if (this.open.has(process)) throw new Error(`EtcdAdapter.start: process ${process} already has an operation open`);
    this.recorder.invoked(process, op);
    this.open.set(process, this.send(process, op));
  }

  async finish(process: ProcessId): Promise<CompleteEvent> {
    const completion = this.open.get(process);
    if (completion === undefined) throw new Error(`EtcdAdapter.finish: process ${process} has no open operation`);
    this.open.delete(process);
    return completion;
  }

  async crash(node: NodeId): Promise<void> {
    await this.cluster.kill(node);
    this.down.add(node);
    this.faults.kills++;
    this.recorder.cluster({ kind: "crash", node });
  }

  async restart(node: NodeId): Promise<void> {
    await this.revive(node);
    this.recorder.cluster({ kind: "restart", node });
  }

  partition(groups: NodeId[][]): void {
    // The largest group goes on; every member of the others is stopped.
    const largest = groups.reduce((best, group) => (group.length > best.length ? group : best), [] as NodeId[]);
    for (const node of groups.flat()) {
      if (largest.includes(node) || this.isolated.has(node)) continue;
      this.isolated.add(node);
      if (!this.down.has(node)) this.pauseMember(node);
    }
    this.recorder.cluster({ kind: "partition", groups });
  }

  heal(): void {
    this.resumeAll();
    this.recorder.cluster({ kind: "heal" });
  }

  async advance(ticks: Ticks): Promise<void> {
    await sleep(Math.min(ticks, this.advanceMaxMs));
    await this.compact();
    if (ticks >= defragmentAfterTicks) await this.defragmentOne();
  }

  async quiesce(): Promise<void> {
    await this.settleOpen();
    if (this.isolated.size > 0) this.heal();
    for (const node of [...this.down]) await this.restart(node);
    await this.cluster.waitHealthy(quiesceTimeoutMs);
    this.faults.barriers++;
    this.recorder.cluster({ kind: "barrier" });
  }

  history(): History {
    const history = this.recorder.history();
    return { header: { ...history.header, description: etcdHistoryDescription(this.nodes) }, events: history.events };
  }

  /** close leaves the cluster whole for the next run: open ops answered, every member running and continued. */
  async close(): Promise<void> {
    await this.settleOpen();
    this.resumeAll();
    for (const node of [...this.down]) await this.revive(node);
    await this.cluster.waitHealthy(quiesceTimeoutMs);
  }

  private async send(process: ProcessId, op: AdapterOp): Promise<CompleteEvent> {
    if (this.cache !== undefined && op.kind === "get") {
      const cached = this.cache.get(op.key);
      if (cached !== undefined) return this.recorder.completed(process, "ok", { kind: "value", value: cached });
    }
    const member = this.memberFor(process);
    if (member === undefined) return this.recorder.completed(process, "fail", undefined, "no member is running: nothing was sent");
    const request = requestFor(op, `${this.options.namespace}/${op.key}`, this.serializableReads);
    const answer = await callGateway(this.cluster.clientUrl(member), request.path, request.body, this.requestTimeoutMs);
    return this.complete(process, op, member, answer);
  }

  private complete(process: ProcessId, op: AdapterOp, member: NodeId, answer: GatewayAnswer): CompleteEvent {
    if (answer.kind === "refused") return this.recorder.completed(process, "fail", undefined, `${member}: ${answer.reason}`);
    if (answer.kind === "unknown") return this.recorder.completed(process, "info", undefined, `${member}: ${answer.reason}`);
    this.latestRevision = Math.max(this.latestRevision, revisionOf(answer));
    if (op.kind !== "get") {
      // The bug's cache learns every write it made; a correct cache would evict the key on a delete.
      if (op.kind === "put") this.cache?.set(op.key, op.value);
      return this.recorder.completed(process, "ok");
    }
    const result = getResultOf(answer);
    if (result.kind === "value") this.cache?.set(op.key, result.value);
    return this.recorder.completed(process, "ok", result);
  }

  /** memberFor: the process's home member, or the next one that is running and not stopped. */
  private memberFor(process: ProcessId): NodeId | undefined {
    const count = this.nodes.length;
    for (let step = 0; step < count; step++) {
      const node = this.nodes[(process + step) % count]!;
      if (!this.down.has(node) && !this.isolated.has(node)) return node;
    }
    return undefined;
  }

  private async revive(node: NodeId): Promise<void> {
    await this.cluster.restart(node);
    this.down.delete(node);
    this.faults.restarts++;
    // A member cut off before it was killed comes back cut off, as a partition outlives a crash.
    if (this.isolated.has(node)) this.pauseMember(node);
  }

  private pauseMember(node: NodeId): void {
    this.cluster.pause(node);
    this.faults.pauses++;
  }

  private resumeAll(): void {
    for (const node of this.isolated) {
      if (this.down.has(node)) continue;
      this.cluster.resume(node);
      this.faults.resumes++;
    }
    this.isolated.clear();
  }

  /** settleOpen waits for every open op: each ends by itself, at the latest when its request times out. */
  private async settleOpen(): Promise<void> {
    await Promise.all(this.open.values());
    this.open.clear();
  }

  /**
   * compact drops the store's history before the latest revision seen; an answer with an
   * error (already compacted, or no leader while one is stopped) changes nothing.
   */
  private async compact(): Promise<void> {
    const member = this.memberFor(0);
    if (member === undefined || this.latestRevision === 0) return;
    const answer = await callGateway(this.cluster.clientUrl(member), "/v3/kv/compaction", { revision: String(this.latestRevision), physical: true }, this.requestTimeoutMs);
    if (answer.kind === "answered") this.faults.compactions++;
  }

  /** defragmentOne defragments the members in turn; a member blocks its clients while it rewrites its database. */
  private async defragmentOne(): Promise<void> {
    const node = this.nodes[this.defragmented++ % this.nodes.length]!;
    if (this.down.has(node) || this.isolated.has(node)) return;
    const answer = await callGateway(this.cluster.clientUrl(node), "/v3/maintenance/defragment", {}, this.requestTimeoutMs);
    if (answer.kind === "answered") this.faults.defragmentations++;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
