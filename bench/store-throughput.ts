// Benchmark of the simulated store: client operations per second of wall time for the
// default workload (5 nodes, N=3, mixed put/get/delete, faults on) with a discarding
// recorder, and heap use for two run lengths (it should grow with data, not with ops).
import { CountingRecorder, defaultScenario, simulate } from "../impl/index.ts";
import type { StoreOptionsInput } from "../impl/index.ts";
import type { HistoryEvent } from "../model/vocabulary.ts";

/** HeapProbe discards events but measures the heap at each barrier, while the cluster is alive. */
class HeapProbe extends CountingRecorder {
  lastBarrierHeapMegabytes = 0;

  override event(event: HistoryEvent): void {
    super.event(event);
    if (event.kind === "barrier") this.lastBarrierHeapMegabytes = heapUsedMegabytes();
  }
}

function workloadOf(ops: number, keys: number): StoreOptionsInput {
  const scenario = defaultScenario();
  return { ...scenario, workload: { ...scenario.workload, ops, keys, quiesceEveryOps: 5000 } };
}

function heapUsedMegabytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** benchStoreThroughput runs the benchmark and returns the lines it prints. */
export async function benchStoreThroughput(): Promise<string[]> {
  const lines: string[] = [];
  simulate(workloadOf(20_000, 100), new CountingRecorder()); // warm up the JIT
  const ops = 200_000;
  const recorder = new CountingRecorder();
  const started = performance.now();
  const { stats } = simulate(workloadOf(ops, 100), recorder);
  const seconds = (performance.now() - started) / 1000;
  lines.push(
    `store-throughput: ${stats.opsInvoked} client ops in ${seconds.toFixed(2)} s = ${Math.round(stats.opsInvoked / seconds)} ops/s ` +
      `(${recorder.eventCount} events, ${stats.messagesSent} messages, ${stats.finalTicks} ticks)`,
  );
  for (const runOps of [50_000, 400_000]) {
    const before = heapUsedMegabytes();
    const probe = new HeapProbe();
    const result = simulate(workloadOf(runOps, 100), probe);
    lines.push(
      `store-memory: ${runOps} ops on 100 keys: heap ${before.toFixed(1)} MB before, ` +
        `${probe.lastBarrierHeapMegabytes.toFixed(1)} MB at the final barrier (${result.stats.opsOk} ok)`,
    );
  }
  if (!("gc" in globalThis)) lines.push("store-memory: run node with --expose-gc for exact heap figures");
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchStoreThroughput()) console.log(line);
}
