// Runs an explore sweep's runs on worker threads, one run at a time per thread, and
// returns the outcomes in task order: which thread ran which run, and when, never shows
// in the result, so the same sweep prints the same table on one core or on many.
import { Worker } from "node:worker_threads";
import { runSeed, type SeedOutcome, type SeedTask } from "./run-seed.ts";

/** WorkerRequest is one run sent to a worker, under its index in the task list. */
export interface WorkerRequest {
  index: number;
  task: SeedTask;
}

/** WorkerReply is a worker's answer: the outcome of the run at `index`, or the error it threw. */
export type WorkerReply = { index: number; outcome: SeedOutcome } | { index: number; error: string };

/**
 * workerEntry is a worker thread's first module. Run from the TypeScript sources (tsx,
 * vitest) it is worker.js, which registers tsx in the new thread; run from dist/ it is
 * the compiled worker-thread.js itself.
 */
const workerEntry = new URL(import.meta.url.endsWith(".ts") ? "./worker.js" : "./worker-thread.js", import.meta.url);

/**
 * runsPerThread: a worker thread takes about as long to start (tsx, then the simulator and
 * checker) as a few runs take, so a sweep gets one thread per this many runs at most.
 */
const runsPerThread = 6;

/** threadsFor is how many threads a sweep of `runs` uses, given `jobs` allowed: no more than the runs repay. */
export function threadsFor(runs: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(runs / runsPerThread)));
}

/**
 * runTasks runs every task on `threads` threads and returns the outcomes in task order;
 * `onDone` hears how many are done after each. One thread runs the tasks in this thread,
 * with no worker to start. A task that throws is a bug: the sweep stops and rejects.
 */
export async function runTasks(tasks: readonly SeedTask[], threads: number, onDone: (done: number) => void): Promise<SeedOutcome[]> {
  if (threads <= 1 || tasks.length <= 1) {
    const outcomes: SeedOutcome[] = [];
    for (const task of tasks) {
      outcomes.push(await runSeed(task));
      onDone(outcomes.length);
    }
    return outcomes;
  }
  return runOnWorkers(tasks, Math.min(threads, tasks.length), onDone);
}

function runOnWorkers(tasks: readonly SeedTask[], threads: number, onDone: (done: number) => void): Promise<SeedOutcome[]> {
  const outcomes: Array<SeedOutcome | undefined> = new Array(tasks.length);
  const workers: Worker[] = [];
  // retired: workers stopped on purpose, whose exit code (1 after terminate) means nothing.
  const retired = new Set<Worker>();
  let next = 0;
  let done = 0;
  let failed = false;
  return new Promise((resolve, reject) => {
    const retire = (worker: Worker): void => {
      retired.add(worker);
      void worker.terminate();
    };
    const fail = (why: string): void => {
      if (failed) return;
      failed = true;
      workers.forEach(retire);
      reject(new Error(why));
    };
    const feed = (worker: Worker): void => {
      if (next >= tasks.length) return retire(worker);
      const request: WorkerRequest = { index: next, task: tasks[next]! };
      next++;
      worker.postMessage(request);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(workerEntry);
      workers.push(worker);
      worker.on("message", (reply: WorkerReply) => {
        if ("error" in reply) return fail(`run ${reply.index + 1} (${tasks[reply.index]!.label}, seed ${tasks[reply.index]!.seed}) threw: ${reply.error}`);
        outcomes[reply.index] = reply.outcome;
        onDone(++done);
        feed(worker);
        if (done === tasks.length) resolve(outcomes as SeedOutcome[]);
      });
      worker.on("error", (error) => fail(`an explore worker failed: ${error.stack ?? error.message}`));
      worker.on("exit", (code) => {
        if (code !== 0 && !retired.has(worker)) fail(`an explore worker exited with code ${code}`);
      });
      feed(worker);
    }
  });
}
