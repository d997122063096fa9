// The smallest store the suite can drive: three replicas, each a plain Map, that forget a
// deleted key instead of keeping a tombstone. Writes reach the replicas that are up; a
// read asks two of them and returns the newer value; anti-entropy copies every key a
// replica holds to the others. It is a naive-delete store, and the suite convicts it: a
// replica down during the delete brings the value back. It shows an adapter written
// against the package's interface alone, recording its history with HistoryRecorder.
import type { CompleteEvent, History, NodeId, ProcessId } from "../model/vocabulary.ts";
import type { AdapterOp, StoreAdapter } from "./adapter.ts";
import { HistoryRecorder } from "./history-recorder.ts";

interface Stored {
  value: string;
  stamp: number;
}

/** MapAdapter is a three-replica store of plain Maps with no tombstones. */
export class MapAdapter implements StoreAdapter {
  readonly store = "map";
  readonly nodes: readonly NodeId[] = ["m1", "m2", "m3"];
  private readonly replicas = new Map(this.nodes.map((node) => [node, new Map<string, Stored>()]));
  private readonly down = new Set<NodeId>();
  private readonly pending = new Map<ProcessId, AdapterOp>();
  private stamp = 0;
  private readonly recorder = new HistoryRecorder("eventual", {
    nodes: [...this.nodes],
    replicationFactor: 3,
    readQuorum: 2,
    writeQuorum: 2,
    sloppyQuorum: false,
    versioning: "lww",
    readRepair: "off",
    gc: { mode: "keep" },
    hintTtlTicks: 0,
    rejoinGuard: false,
    bugs: [],
  });

  start(process: ProcessId, op: AdapterOp): void {
    this.recorder.invoked(process, op);
    this.pending.set(process, op);
  }

  finish(process: ProcessId): CompleteEvent {
    const op = this.pending.get(process)!;
    this.pending.delete(process);
    const up = this.nodes.filter((node) => !this.down.has(node)).map((node) => this.replicas.get(node)!);
    if (up.length < 2) return this.recorder.completed(process, "fail", undefined, "fewer than 2 replicas up");
    switch (op.kind) {
      case "put": {
        const stored = { value: op.value, stamp: ++this.stamp };
        for (const replica of up) replica.set(op.key, stored);
        return this.recorder.completed(process, "ok");
      }
      case "delete":
        for (const replica of up) replica.delete(op.key); // the bug: no tombstone
        return this.recorder.completed(process, "ok");
      case "get": {
        const newest = up
          .slice(0, 2)
          .map((replica) => replica.get(op.key))
          .reduce<Stored | undefined>((best, found) => (found !== undefined && (best === undefined || found.stamp > best.stamp) ? found : best), undefined);
        const result = newest === undefined ? ({ kind: "absent", reason: "never-written" } as const) : ({ kind: "value", value: newest.value } as const);
        return this.recorder.completed(process, "ok", result);
      }
    }
  }

  crash(node: NodeId): void {
    this.down.add(node);
    this.recorder.cluster({ kind: "crash", node });
  }

  restart(node: NodeId): void {
    this.down.delete(node);
    this.recorder.cluster({ kind: "restart", node });
  }

  antiEntropy(): void {
    const up = this.nodes.filter((node) => !this.down.has(node)).map((node) => this.replicas.get(node)!);
    for (const from of up) {
      for (const [key, stored] of from) {
        for (const to of up) if ((to.get(key)?.stamp ?? -1) < stored.stamp) to.set(key, stored);
      }
    }
    const nodes = this.nodes.filter((node) => !this.down.has(node));
    this.recorder.cluster({ kind: "anti-entropy-round", full: true, complete: this.down.size === 0, nodes });
  }

  quiesce(): void {
    for (const process of [...this.pending.keys()]) this.finish(process);
    for (const node of [...this.down]) this.restart(node);
    this.antiEntropy();
    this.recorder.cluster({ kind: "barrier" });
  }

  history(): History {
    return this.recorder.history();
  }
}
