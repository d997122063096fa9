// The client workload `simulate` runs: several processes, each issuing one op at a time on
// random keys with a configured put/get/delete mix and think time. Values and tombstone
// ids are unique ("p3-17", "d3-18"). Under vector clocks a write is preceded by a get of
// the same key, so it carries a fresh causal context.
import type { ProcessId } from "../model/vocabulary.ts";
import type { ClientOp, Clients } from "./client.ts";
import type { Cluster } from "./cluster.ts";

interface ProcessState {
  id: ProcessId;
  busy: boolean;
  sequence: number;
  pendingWrite: ClientOp | undefined;
}

/** Workload drives the client processes until a limit of invocations. */
export class Workload {
  /** issued counts invocations so far. */
  issued = 0;
  private limit = 0;
  private readonly processes: ProcessState[];

  constructor(
    private readonly cluster: Cluster,
    private readonly clients: Clients,
  ) {
    const count = cluster.options.workload.processes;
    this.processes = Array.from({ length: count }, (_, id) => ({ id, busy: false, sequence: 0, pendingWrite: undefined }));
  }

  /** allIdle says no process has an op open or is about to issue one. */
  allIdle(): boolean {
    return this.processes.every((process) => !process.busy);
  }

  /** resume lets processes issue ops until `limit` invocations in total. */
  resume(limit: number): void {
    this.limit = limit;
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
    this.clients.submit(process.id, op, () => {
      this.cluster.queue.after(this.thinkTicks(), () => this.next(process));
    });
  }

  private chooseOp(process: ProcessState): ClientOp {
    const random = this.cluster.random;
    const workload = this.cluster.options.workload;
    const key = `k${random.int(workload.keys)}`;
    const sequence = ++process.sequence;
    const total = workload.putWeight + workload.getWeight + workload.deleteWeight;
    const draw = random.float() * total;
    if (draw < workload.putWeight) return { kind: "put", key, value: `p${process.id}-${sequence}` };
    if (draw < workload.putWeight + workload.getWeight) return { kind: "get", key };
    return { kind: "delete", key, tombstone: `d${process.id}-${sequence}` };
  }

  private thinkTicks(): number {
    const max = this.cluster.options.workload.thinkTicksMax;
    return max > 0 ? this.cluster.random.int(max + 1) : 0;
  }
}
