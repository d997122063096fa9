// Benchmark of the generic linearizability engine: Porcupine's histories (the 50 etcd
// logs, kv/c10-ok and c10-bad; skipped when absent), then generated kv histories of
// 10^4..10^6 operations.
// Parsing is timed apart from checking. Run directly: `npx tsx bench/linearizability.ts`.

import { readdirSync } from "node:fs";
import { checkOperationsWithStatistics } from "../checker/linearizability/index.ts";
import { fileLines, importJepsenLog, importPorcupineKv } from "../histories/import/index.ts";
import type { ImportResult } from "../histories/import/index.ts";
import { casRegisterModel, linearizableKvModel, porcupineKvModel } from "../model/sequential/index.ts";
import type { KvInput, KvOutput, Operation } from "../model/sequential/index.ts";
import { porcupineDirectory, skipWithoutExternal } from "../test/support/external.ts";

const mebibyte = 1024 * 1024;

/** benchLinearizability runs every measurement once and returns the lines it printed. */
export async function benchLinearizability(): Promise<string[]> {
  const lines: string[] = [];
  if (porcupineDirectory === undefined) {
    skipWithoutExternal("the engine on Porcupine's histories");
  } else {
    lines.push(...(await benchEtcd(porcupineDirectory)));
    for (const name of ["c10-ok.txt", "c10-bad.txt"]) lines.push(await benchPorcupineKv(porcupineDirectory, name));
  }
  for (const [operationCount, keyCount] of [[1e4, 100], [1e5, 100], [1e5, 1000], [1e6, 100], [1e6, 1000]] as const) {
    lines.push(benchGenerated(operationCount, keyCount));
  }
  lines.push(...benchUniqueWrites());
  lines.push(benchInfoWrites());
  return lines;
}

/**
 * benchInfoWrites times keys crowded with puts of unknown outcome, as the checker's
 * fallback puts make them: on each of 100 keys, 20 info puts of 10 values (each twice)
 * are pending from the start, then 20 gets one after another each read one of them.
 * With just-in-time writes each get pairs with one put; without (the model's
 * `blindWrite` hidden) every subset of the puts is a configuration, so that run gets a
 * budget of 10^5 steps per key.
 */
function benchInfoWrites(): string {
  const crowded: Array<Operation<KvInput, KvOutput>> = [];
  for (let k = 0; k < 100; k++) {
    const key = `k${k}`;
    for (let w = 0; w < 20; w++) crowded.push({ process: w, outcome: "info", input: { kind: "put", key, value: `${k}-${w % 10}` }, output: undefined, callTime: 0, returnTime: Infinity, eventIndices: [] });
    for (let r = 0; r < 20; r++) {
      const value = `${k}-${(r * 7) % 10}`;
      crowded.push({ process: 20, outcome: "ok", input: { kind: "get", key }, output: { kind: "value", value }, callTime: 10 + 2 * r, returnTime: 11 + 2 * r, eventIndices: [] });
    }
  }
  const timed = [linearizableKvModel, { ...linearizableKvModel, blindWrite: undefined }].map((model) => {
    const checkStart = performance.now();
    const { verdict, statistics } = checkOperationsWithStatistics(model, crowded, { maxStepsPerPartition: 100_000 });
    const checkMs = performance.now() - checkStart;
    return `${(checkMs / 1000).toFixed(3)} s ${verdict.kind} (${statistics.steps} steps)`;
  });
  return `info writes, 100 keys × 20 pending info puts read back: just in time ${timed[0]}; every point ${timed[1]}`;
}

/**
 * benchUniqueWrites times the engine with its unique-writes path on and off: on the
 * generated kv histories (their deletes leave "absent" ambiguous, so it rarely
 * applies), and on 100 keys that each get 14 concurrent puts read back as the first.
 */
function benchUniqueWrites(): string[] {
  const crowded: Array<Operation<KvInput, KvOutput>> = [];
  for (let k = 0; k < 100; k++) {
    const key = `k${k}`;
    for (let w = 0; w < 14; w++) crowded.push({ process: w, outcome: "ok", input: { kind: "put", key, value: `${k}-${w}` }, output: null, callTime: 0, returnTime: 10, eventIndices: [] });
    crowded.push({ process: 14, outcome: "ok", input: { kind: "get", key }, output: { kind: "value", value: `${k}-0` }, callTime: 11, returnTime: 12, eventIndices: [] });
  }
  const cases = [["generated kv 1e5 ops, 100 keys", generateKvHistory(1e5, 100, 10, 12345)], ["generated kv 1e6 ops, 100 keys", generateKvHistory(1e6, 100, 10, 12345)], ["crowded kv 100 keys × 14 concurrent puts", crowded]] as const;
  return cases.map(([name, history]) => {
    // Best of two runs each: a single run of 10^6 operations is dominated by when GC strikes.
    const timed = [true, false].map((useUniqueWrites) => {
      let checkMs = Infinity;
      let result: ReturnType<typeof checkOperationsWithStatistics> | undefined;
      for (let run = 0; run < 2; run++) {
        const checkStart = performance.now();
        result = checkOperationsWithStatistics(linearizableKvModel, history, { useUniqueWrites });
        checkMs = Math.min(checkMs, performance.now() - checkStart);
      }
      const { verdict, statistics } = result!;
      return `${(checkMs / 1000).toFixed(3)} s ${verdict.kind} (${statistics.uniqueWritePartitions}/${statistics.partitions} partitions without search, ${statistics.steps} steps)`;
    });
    return `unique writes, ${name}: on ${timed[0]}; off ${timed[1]}`;
  });
}

async function benchEtcd(externalDirectory: string): Promise<string[]> {
  const files = readdirSync(`${externalDirectory}jepsen-etcd`).sort();
  const parseStart = performance.now();
  const histories = [];
  for (const file of files) histories.push(expectImported(await importJepsenLog(fileLines(`${externalDirectory}jepsen-etcd/${file}`), { file })));
  const parseMs = performance.now() - parseStart;
  const checkStart = performance.now();
  let invalid = 0;
  let steps = 0;
  for (const history of histories) {
    if (history.kind !== "cas-register") throw new Error("expected a cas-register history");
    const { verdict, statistics } = checkOperationsWithStatistics(casRegisterModel, history.operations);
    if (verdict.kind === "invalid") invalid++;
    steps += statistics.steps;
  }
  const checkMs = performance.now() - checkStart;
  return [
    `etcd: ${files.length} histories, parse ${parseMs.toFixed(1)} ms, check ${checkMs.toFixed(1)} ms ` +
      `(target < 200 ms), ${invalid} not linearizable, ${steps} steps`,
  ];
}

async function benchPorcupineKv(externalDirectory: string, name: string): Promise<string> {
  const parseStart = performance.now();
  const history = expectImported(await importPorcupineKv(fileLines(`${externalDirectory}kv/${name}`), { file: name }));
  const parseMs = performance.now() - parseStart;
  if (history.kind !== "porcupine-kv") throw new Error("expected a porcupine-kv history");
  const checkStart = performance.now();
  const { verdict, statistics } = checkOperationsWithStatistics(porcupineKvModel, history.operations);
  const checkMs = performance.now() - checkStart;
  return `kv/${name}: ${history.operations.length} operations, parse ${parseMs.toFixed(1)} ms, check ${checkMs.toFixed(1)} ms, ${verdict.kind}, ${statistics.steps} steps`;
}

function benchGenerated(operationCount: number, keyCount: number): string {
  const history = generateKvHistory(operationCount, keyCount, 10, 12345);
  const heapBefore = process.memoryUsage().heapUsed;
  const checkStart = performance.now();
  const { verdict, statistics } = checkOperationsWithStatistics(linearizableKvModel, history);
  const checkMs = performance.now() - checkStart;
  const heapAfter = process.memoryUsage().heapUsed;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  return (
    `generated kv: ${operationCount.toExponential(0)} ops, ${keyCount} keys, 10 clients: check ${(checkMs / 1000).toFixed(2)} s ` +
    `(target < 10 s), ${verdict.kind}, ${statistics.steps} steps, heap after ${(heapAfter / mebibyte).toFixed(0)} MiB ` +
    `(+${((heapAfter - heapBefore) / mebibyte).toFixed(0)} MiB), peak RSS so far ${peakRssMiB.toFixed(0)} MiB (target < 2048)`
  );
}

/**
 * generateKvHistory records a linearizable run: 10 clients issue gets (50%), puts of
 * unique values (35%) and deletes (15%) on random keys; each operation takes effect at
 * a random point inside its interval. 1% end `info` (half of them took effect; the
 * client comes back as a new process) and 1% `fail` (did not take effect).
 */
export function generateKvHistory(operationCount: number, keyCount: number, clientCount: number, seed: number): Array<Operation<KvInput, KvOutput>> {
  let random = seed >>> 0 || 1;
  const next = (): number => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 4294967296;
  };
  type Pending = { op: Operation<KvInput, KvOutput>; effectTime: number; applies: boolean };
  const pending: Pending[] = [];
  const clockOf = new Float64Array(clientCount);
  const processOf = Array.from({ length: clientCount }, (_, client) => client);
  let nextProcess = clientCount;
  for (let i = 0; i < operationCount; i++) {
    const client = i % clientCount;
    const callTime = clockOf[client]! + next() * 5;
    const effectTime = callTime + next() * 10;
    const returnTime = effectTime + next() * 10;
    clockOf[client] = returnTime;
    const key = `k${Math.floor(next() * keyCount)}`;
    const choice = next();
    const input: KvInput = choice < 0.5 ? { kind: "get", key } : choice < 0.85 ? { kind: "put", key, value: `v${i}` } : { kind: "delete", key };
    const fate = next();
    const outcome = fate < 0.01 ? "info" : fate < 0.02 ? "fail" : "ok";
    const applies = outcome === "ok" || (outcome === "info" && next() < 0.5);
    const op: Operation<KvInput, KvOutput> = {
      process: processOf[client]!,
      outcome,
      input,
      output: undefined,
      callTime,
      returnTime: outcome === "info" ? Infinity : returnTime,
      eventIndices: [],
    };
    if (outcome === "info") processOf[client] = nextProcess++;
    pending.push({ op, effectTime, applies });
  }
  // Apply the operations in the order they take effect to compute what gets returned.
  const byEffect = pending.filter((p) => p.applies).sort((a, b) => a.effectTime - b.effectTime);
  const store = new Map<string, string>();
  for (const { op } of byEffect) {
    const input = op.input;
    if (input.kind === "put") store.set(input.key, input.value);
    else if (input.kind === "delete") store.delete(input.key);
    const current = store.get(input.key);
    op.output = input.kind !== "get" ? null : current === undefined ? { kind: "absent", reason: "never-written" } : { kind: "value", value: current };
    if (op.outcome !== "ok") op.output = undefined;
  }
  // A recorded history lists operations in the order they were invoked.
  return pending.map((p) => p.op).sort((a, b) => a.callTime - b.callTime);
}

function expectImported(result: ImportResult) {
  if (!result.ok) throw new Error(`${result.error.file}:${result.error.line}: ${result.error.message}`);
  return result.history;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchLinearizability()) console.log(line);
}
