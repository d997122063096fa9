// One whole simulation from options: build the cluster, record the header, run the
// workload with the seeded fault schedule, pause every `quiesceEveryOps` invocations to
// quiesce and record a barrier, and end with a final barrier. Same options, same history.
import type { History } from "../model/vocabulary.ts";
import { startBackground } from "./background.ts";
import { Clients } from "./client.ts";
import { Cluster } from "./cluster.ts";
import { FaultInjector } from "./faults.ts";
import { headerOf } from "./header.ts";
import type { StoreOptions, StoreOptionsInput } from "./options.ts";
import { resolveOptions, validateOptions } from "./options.ts";
import { quiesce, runUntil } from "./quiesce.ts";
import type { Recorder } from "./recorder.ts";
import { MemoryRecorder } from "./recorder.ts";
import type { Stats } from "./stats.ts";
import { Workload } from "./workload.ts";

/** SimulationResult is a run's history (events empty when a non-memory recorder was given) and counters. */
export interface SimulationResult {
  history: History;
  stats: Stats;
}

/** simulate runs the workload described by the options; pass a recorder to stream events elsewhere. */
export function simulate(input: StoreOptionsInput = {}, recorder?: Recorder): SimulationResult {
  const options = checkedOptions(input);
  const memory = recorder === undefined ? new MemoryRecorder() : undefined;
  const sink = recorder ?? (memory as MemoryRecorder);
  const cluster = new Cluster(options, sink);
  const header = headerOf(options, cluster.hintTtlTicks, input);
  sink.header(header);
  startBackground(cluster);
  const clients = new Clients(cluster);
  const workload = new Workload(cluster, clients);
  const faults = new FaultInjector(cluster);
  faults.start();
  const total = options.workload.ops;
  const every = options.workload.quiesceEveryOps > 0 ? options.workload.quiesceEveryOps : total;
  let limit = Math.min(every, total);
  workload.resume(limit);
  for (;;) {
    runUntil(cluster, () => workload.allIdle(), "the workload to pause", Number.MAX_SAFE_INTEGER);
    faults.enabled = false;
    quiesce(cluster, () => workload.allIdle());
    if (workload.issued >= total) break;
    faults.enabled = true;
    limit = Math.min(total, limit + every);
    workload.resume(limit);
  }
  cluster.stats.finalTicks = cluster.now;
  const history = memory !== undefined ? memory.history() : { header, events: [] };
  return { history, stats: cluster.stats };
}

/** checkedOptions resolves defaults and throws on a configuration that cannot run. */
export function checkedOptions(input: StoreOptionsInput): StoreOptions {
  const options = resolveOptions(input);
  const problems = validateOptions(options);
  if (problems.length > 0) {
    throw new Error(`invalid options: ${problems.map((problem) => problem.message).join("; ")}`);
  }
  return options;
}
