// Benchmark of the history reader on 10^6 events: writes a generated history to a temp
// file, then reads it twice, streaming event by event and whole, reporting time and memory.
//   npx tsx bench/history-read.ts
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HistoryWriter, readHistoryFile, readHistoryItems } from "../histories/index.ts";
import type { HistoryEvent, HistoryHeader } from "../model/vocabulary.ts";

const eventCount = 1_000_000;
const processCount = 10;
const keyCount = 1000;

const header: HistoryHeader = {
  kind: "header",
  format: "lazarus-history",
  formatVersion: 1,
  consistency: "quorum",
  config: {
    nodes: ["n1", "n2", "n3", "n4", "n5"],
    replicationFactor: 3,
    readQuorum: 2,
    writeQuorum: 2,
    sloppyQuorum: true,
    versioning: "lww",
    readRepair: "async",
    gc: { mode: "timeout", graceTicks: 100 },
    hintTtlTicks: 50,
    rejoinGuard: true,
    bugs: [],
  },
  seed: 1,
  description: "bench/history-read.ts: generated load",
};

/** benchEvents yields `count` valid events: clients cycling put, get, delete over many keys, and a cluster event now and then. */
function* benchEvents(count: number): Generator<HistoryEvent> {
  let clientLine = 0;
  for (let index = 0; index < count; index++) {
    const time = index >> 2;
    if (index % 50 === 49) {
      yield { kind: "hint-stored", time, holder: "n1", target: "n2", key: `k${index % keyCount}`, tombstone: false, value: `h${index}` };
      continue;
    }
    // Client lines come in pairs, an invoke and then its complete, processes in turn.
    const line = clientLine++;
    const process = (line >> 1) % processCount;
    const key = `k${(line >> 1) % keyCount}`;
    const op = (["put", "get", "delete"] as const)[(line >> 5) % 3] ?? "put";
    if (line % 2 === 0) {
      yield op === "put"
        ? { kind: "invoke", time, process, op, key, value: `v${line}` }
        : op === "delete"
          ? { kind: "invoke", time, process, op, key, tombstone: `t${line}` }
          : { kind: "invoke", time, process, op, key };
    } else {
      const result = op === "get" ? { result: { kind: "absent" as const, reason: "deleted" as const } } : {};
      yield { kind: "complete", time, process, op, key, outcome: "ok", ...result };
    }
  }
}

/** benchHistoryRead runs the benchmark and returns the lines it reports. */
export async function benchHistoryRead(): Promise<string[]> {
  const lines: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), "lazarus-bench-"));
  try {
    const path = join(dir, "history.jsonl");
    const started = performance.now();
    const writer = HistoryWriter.toFile(path);
    await writer.header(header);
    let written = 0;
    for (const event of benchEvents(eventCount)) {
      await writer.event(event);
      written++;
    }
    await writer.close();
    const bytes = (await stat(path)).size;
    lines.push(`history-read: wrote ${written} events (${mib(bytes)} MiB) in ${seconds(started)} s`);

    const streamed = await measure(async () => {
      let events = 0;
      for await (const item of readHistoryItems(path)) {
        if (item.kind === "error") throw new Error(item.error.message);
        if (item.kind === "event") events++;
      }
      return events;
    });
    lines.push(`history-read: streamed ${streamed.value} events in ${streamed.seconds} s, peak heap ${streamed.peakHeapMiB} MiB, peak RSS ${streamed.peakRssMiB} MiB`);

    const whole = await measure(async () => {
      const result = await readHistoryFile(path);
      if (!result.ok) throw new Error(result.error.message);
      return result.history.events.length;
    });
    lines.push(`history-read: read whole ${whole.value} events in ${whole.seconds} s, peak heap ${whole.peakHeapMiB} MiB, peak RSS ${whole.peakRssMiB} MiB (file ${mib(bytes)} MiB)`);
  } finally {
    await rm(dir, { recursive: true });
  }
  return lines;
}

/** measure runs `work`, sampling heap every 10 ms; peak RSS is the process's high-water mark so far. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; seconds: string; peakHeapMiB: string; peakRssMiB: string }> {
  globalThis.gc?.();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const value = await work();
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return { value, seconds: seconds(started), peakHeapMiB: mib(peakHeap), peakRssMiB: mib(process.resourceUsage().maxRSS * 1024) };
  } finally {
    clearInterval(sampler);
  }
}

function seconds(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(2);
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchHistoryRead()) process.stdout.write(`${line}\n`);
}
