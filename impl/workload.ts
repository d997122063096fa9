// The client workload `simulate` runs: several processes, each issuing one op at a time
// with a configured put/get/delete mix and think time. Values and tombstone ids are unique
// ("p3-17", "d3-18"). Under vector clocks a write is preceded by a get of the same key, so
// it carries a fresh causal context.
//
// The workload is shaped so that deletes meet the reads that would show them wrong:
// - a process works on a key for two ops in a row (a key drawn at random, then one more
//   op on it), and when the first was a delete the second reads it back. So a delete is
//   read while a replica may still lag, one process writes a key twice through two
//   coordinators (whose clocks may disagree), and a deleted key is written again;
// - after each barrier, before new work, the processes read back every key written since
//   the previous barrier, while the cluster is as converged as the barrier left it.
import type { Key, ProcessId } from "../model/vocabulary.ts";
import type { ClientOp, Clients } from "./client.ts";
import type { Cluster } from "./cluster.ts";

interface ProcessState {
  id: ProcessId;
  busy: boolean;
  sequence: number;
  pendingWrite: ClientOp | undefined;
  /** firstOfPair: the process's last op, when it opened a pair of ops on one key. */
  firstOfPair: ClientOp | undefined;
}

/** Workload drives the client processes until a limit of invocations. */
export class Workload {
  /** issued counts invocations so far. */
  issued = 0;
  private limit = 0;
  private readonly processes: ProcessState[];
  /** writtenKeys: keys put or deleted since the last barrier, in the order first written. */
  private writtenKeys = new Set<Key>();
  /** readBacks: keys to read back after the last barrier, shared by every process; `readBacksDone` of them are. */
  // Stryker disable next-line ArrayDeclaration: resume() sets it before any process runs
  private readBacks: Key[] = [];
  private readBacksDone = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly clients: Clients,
  ) {
    const count = cluster.options.workload.processes;
    this.processes = Array.from({ length: count }, (_, id) => ({
      id,
      busy: false,
      sequence: 0,
      pendingWrite: undefined,
      firstOfPair: undefined,
    }));
  }

  /** allIdle says no process has an op open or is about to issue one. */
  allIdle(): boolean {
    return this.processes.every((process) => !process.busy);
  }

  /**
   * resume lets processes issue ops until `limit` invocations in total; called after a
   * barrier, they first read back the keys written before it.
   */
  resume(limit: number): void {
    this.limit = limit;
    this.readBacks = [...this.writtenKeys];
    this.readBacksDone = 0;
    this.writtenKeys.clear();
    for (const process of this.processes) {
      if (process.busy) continue;
      process.busy = true;
      this.cluster.queue.after(this.thinkTicks(), () => this.next(process));
    }
  }

  private next(process: ProcessState): void {
    const pending = process.pendingWrite;
    if (pending !== undefined) {
      process.pendingWrite = undefined;
      this.issue(process, pending);
      return;
    }
    if (this.issued >= this.limit) {
      process.busy = false;
      return;
    }
    const op = this.chooseOp(process);
    if (op.kind !== "get" && this.cluster.options.versioning === "vector-clock") {
      process.pendingWrite = op;
      this.issue(process, { kind: "get", key: op.key });
      return;
    }
    this.issue(process, op);
  }

  private issue(process: ProcessState, op: ClientOp): void {
    this.issued++;
    if (op.kind !== "get") this.writtenKeys.add(op.key);
    this.clients.submit(process.id, op, () => {
      this.cluster.queue.after(this.thinkTicks(), () => this.next(process));
    });
  }

  private chooseOp(process: ProcessState): ClientOp {
    const readBack = this.readBacks[this.readBacksDone];
    if (readBack !== undefined) {
      this.readBacksDone++;
      return { kind: "get", key: readBack };
    }
    const first = process.firstOfPair;
    if (first === undefined) {
      process.firstOfPair = this.drawOp(process, undefined);
      return process.firstOfPair;
    }
    process.firstOfPair = undefined;
    // A delete is read back at once: a replica that missed it may still hold the value.
    return first.kind === "delete" ? { kind: "get", key: first.key } : this.drawOp(process, first.key);
  }

  /** drawOp draws an op from the configured mix, on `key` or else on a key drawn at random. */
  private drawOp(process: ProcessState, key: Key | undefined): ClientOp {
    const random = this.cluster.random;
    const workload = this.cluster.options.workload;
    const target = key ?? `k${random.int(workload.keys)}`;
    const sequence = ++process.sequence;
    const total = workload.putWeight + workload.getWeight + workload.deleteWeight;
    const draw = random.float() * total;
    if (draw < workload.putWeight) return { kind: "put", key: target, value: `p${process.id}-${sequence}` };
    if (draw < workload.putWeight + workload.getWeight) return { kind: "get", key: target };
    return { kind: "delete", key: target, tombstone: `d${process.id}-${sequence}` };
  }

  private thinkTicks(): number {
    const max = this.cluster.options.workload.thinkTicksMax;
    return max > 0 ? this.cluster.random.int(max + 1) : 0;
  }
}
