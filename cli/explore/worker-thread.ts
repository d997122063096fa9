// An explore worker's loop: it receives one run at a time from the pool, does it, and
// answers with the outcome (or the error, a bug, with its stack) under the run's index.
import { parentPort } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./pool.ts";
import { runSeed } from "./run-seed.ts";

if (parentPort === null) throw new Error("worker-thread.ts runs as a worker thread of lazarus explore");
const port = parentPort;
port.on("message", async ({ index, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { index, outcome: await runSeed(task) };
  } catch (error) {
    reply = { index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
