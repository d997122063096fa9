import { expect, it } from "vitest";
import { checkSuite, describeFailure, HistoryRecorder, type AdapterOp, type StoreAdapter } from "lazarus/suite";

/** One replica's entry for a key: a value or a tombstone, with the write's stamp (last write wins). */
type Entry = { value: string | undefined; stamp: number };

/** TombstoneStore: three replicas that keep a tombstone for each delete, so no replica brings a value back. */
class TombstoneStore implements StoreAdapter {
  readonly nodes = ["r1", "r2", "r3"];
  private readonly replicas = new Map(this.nodes.map((node) => [node, new Map<string, Entry>()]));
  private readonly down = new Set<string>();
  private readonly open = new Map<number, AdapterOp>();
  private stamp = 0;
  // The recorder writes the lazarus history: the level the store promises and its configuration.
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

  start(process: number, op: AdapterOp): void {
    this.recorder.invoked(process, op);
    this.open.set(process, op);
  }

  finish(process: number) {
    const op = this.open.get(process)!;
    this.open.delete(process);
    const up = this.nodes.filter((node) => !this.down.has(node)).map((node) => this.replicas.get(node)!);
    if (up.length < 2) return this.recorder.completed(process, "fail", undefined, "fewer than 2 replicas up");
    if (op.kind === "get") {
      const newest = this.newest(up.slice(0, 2), op.key);
      if (newest === undefined) return this.recorder.completed(process, "ok", { kind: "absent", reason: "never-written" });
      if (newest.value === undefined) return this.recorder.completed(process, "ok", { kind: "absent", reason: "deleted" });
      return this.recorder.completed(process, "ok", { kind: "value", value: newest.value });
    }
    // A delete writes a tombstone, newer than the value it hides, to every replica that is up.
    const entry = { value: op.kind === "put" ? op.value : undefined, stamp: ++this.stamp };
    for (const replica of up) replica.set(op.key, entry);
    return this.recorder.completed(process, "ok");
  }

  crash(node: string): void {
    this.down.add(node);
    this.recorder.cluster({ kind: "crash", node });
  }

  restart(node: string): void {
    this.down.delete(node);
    this.recorder.cluster({ kind: "restart", node });
  }

  antiEntropy(): void {
    const nodes = this.nodes.filter((node) => !this.down.has(node));
    const up = nodes.map((node) => this.replicas.get(node)!);
    const keys = new Set(up.flatMap((replica) => [...replica.keys()]));
    for (const key of keys) {
      const newest = this.newest(up, key)!;
      for (const replica of up) replica.set(key, newest);
    }
    this.recorder.cluster({ kind: "anti-entropy-round", full: true, complete: this.down.size === 0, nodes });
  }

  quiesce(): void {
    for (const process of [...this.open.keys()]) this.finish(process);
    for (const node of [...this.down]) this.restart(node);
    this.antiEntropy();
    this.recorder.cluster({ kind: "barrier" });
  }

  history() {
    return this.recorder.history();
  }

  private newest(replicas: Array<Map<string, Entry>>, key: string): Entry | undefined {
    return replicas.map((replica) => replica.get(key)).reduce<Entry | undefined>((best, e) => (e !== undefined && (best === undefined || e.stamp > best.stamp) ? e : best), undefined);
  }
}

it("the suite passes a store that keeps tombstones", async () => {
  const outcome = await checkSuite({ create: () => new TombstoneStore(), numRuns: 100, seed: 7 });
  expect(outcome.passed, describeFailure(outcome)).toBe(true);
});
