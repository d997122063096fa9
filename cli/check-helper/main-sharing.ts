// The main thread's side of a check that shares its searches with helper threads (the
// second core of a two-core machine). Helpers start only once the searches turn out slow:
// a helper reads and imports the file again itself, some tens of milliseconds that a quick
// check must not pay. Each helper then takes positions of the search order as the main
// thread does (shared-order.ts); the main thread waits for them at the end and gathers
// what they settled, so the verdict is the one a lone thread reaches.
import { createRequire } from "node:module";
import type { MessagePort, Worker } from "node:worker_threads";
import type { PartitionOutcome, SearchSharing } from "../../checker/linearizability/index.ts";
import { monotonicMs } from "../../checker/monotonic-clock.ts";
import { SharedOrder, type SettledByHelper } from "./shared-order.ts";
import type { HelperData, HelperTask } from "./helper-thread.ts";

/**
 * helperEntry is a helper thread's first module: helper.js, which registers tsx, when this
 * runs from the TypeScript sources; the compiled helper-thread.js when it runs from dist/.
 */
const helperEntry = new URL(import.meta.url.endsWith(".ts") ? "./helper.js" : "./helper-thread.js", import.meta.url);

/**
 * defaultHelpersAfterMs is how long the searches run on the main thread alone before
 * helpers start: longer than a helper takes to start and read a history of a few thousand
 * operations, so that they start only when they can repay it.
 * LAZARUS_HELPERS_AFTER_MS changes it (the tests start helpers at once).
 */
const defaultHelpersAfterMs = 100;

/** silentHelperMs: a helper whose searches have not paused for this long has died (a bug); the main thread stops waiting and searches what it left. */
const silentHelperMs = 60_000;

/**
 * workerThreads is node:worker_threads, loaded when a helper first starts: it brings eight
 * modules, a few milliseconds that a check with quick searches never needs.
 */
function workerThreads(): typeof import("node:worker_threads") {
  return createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
}

interface Helper {
  worker: Worker;
  port: MessagePort;
}

/** MainSharing shares one file's searches with up to `helpers` helper threads. */
export class MainSharing implements SearchSharing {
  private readonly order = new SharedOrder();
  private readonly mine = new Set<number>();
  private readonly started: Helper[] = [];
  private readonly startAfterMs: number;
  private firstClaimMs: number | undefined;
  private count = 0;

  constructor(
    private readonly task: HelperTask,
    private readonly helpers: number,
  ) {
    const fromEnvironment = Number(process.env["LAZARUS_HELPERS_AFTER_MS"]);
    this.startAfterMs = process.env["LAZARUS_HELPERS_AFTER_MS"] !== undefined && fromEnvironment >= 0 ? fromEnvironment : defaultHelpersAfterMs;
  }

  begin(fingerprint: number): void {
    this.order.setFingerprint(fingerprint);
  }

  claim(count: number, stop: boolean): number | undefined {
    if (this.firstClaimMs === undefined) {
      this.firstClaimMs = monotonicMs();
      this.count = count;
      this.order.setCount(count);
    }
    this.poll();
    const position = this.order.claim(count, stop);
    if (position !== undefined) this.mine.add(position);
    return position;
  }

  settled(position: number, outcome: PartitionOutcome): void {
    if (outcome.kind === "invalid") this.order.foundInvalid(position);
  }

  firstInvalid(): number {
    return this.order.firstInvalid();
  }

  /** poll starts the helpers once the searches have run `startAfterMs` and positions are left for them. */
  poll(): void {
    if (this.started.length > 0 || this.helpers === 0 || this.firstClaimMs === undefined) return;
    if (monotonicMs() - this.firstClaimMs < this.startAfterMs || this.order.claimedSoFar(this.count) >= this.count) return;
    const endsAtMs = this.task.timeoutSeconds === null ? null : this.firstClaimMs + this.task.timeoutSeconds * 1000;
    // No more helpers than searches left: each costs a thread, a read of the file and its memory.
    const left = this.count - this.order.claimedSoFar(this.count);
    for (let n = 0; n < Math.min(this.helpers, left); n++) this.started.push(this.startHelper({ task: this.task, buffer: this.order.buffer, endsAtMs }));
  }

  finish(): Map<number, PartitionOutcome> {
    const settled = new Map<number, PartitionOutcome>();
    if (this.started.length === 0) return settled;
    let theirs = 0;
    for (let position = 0; position < this.order.claimedSoFar(this.count); position++) if (!this.mine.has(position)) theirs++;
    if (theirs > 0 && this.waitForHelpers()) {
      for (const helper of this.started) {
        const reply = workerThreads().receiveMessageOnPort(helper.port)?.message as SettledByHelper | undefined;
        if (reply === undefined || "error" in reply) {
          // A bug, or the file changed under the helper: this thread searches what it left.
          process.stderr.write(`lazarus check: a helper thread failed (${reply === undefined ? "it sent nothing" : (reply.error.split("\n")[0] ?? "")}); its keys are checked on the main thread\n`);
          continue;
        }
        for (const [position, outcome] of reply.settled) settled.set(position, outcome);
      }
    }
    // Helpers with nothing left to do may still be reading the file: stop them.
    for (const helper of this.started) void helper.worker.terminate();
    return settled;
  }

  private startHelper(data: Omit<HelperData, "port">): Helper {
    const { MessageChannel, Worker } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(helperEntry, { workerData: { ...data, port: port2 } satisfies HelperData, transferList: [port2] });
    // A helper that throws reports it through its port; one that dies is found by its silence.
    worker.on("error", () => {});
    worker.unref();
    return { worker, port: port1 };
  }

  /**
   * waitForHelpers blocks until every helper is done, as they settle positions this thread's
   * verdict needs, and says whether they are; false when they fell silent (died), and then
   * this thread searches what they left.
   */
  private waitForHelpers(): boolean {
    let beat = this.order.heartbeat();
    let silentMs = 0;
    while (!this.order.waitForHelpers(this.started.length, 1000)) {
      const now = this.order.heartbeat();
      if (now !== beat) {
        beat = now;
        silentMs = 0;
      } else if ((silentMs += 1000) >= silentHelperMs) {
        process.stderr.write(`lazarus check: a helper thread has not searched for ${silentHelperMs / 1000} s and has not finished; its keys are checked on the main thread\n`);
        return false;
      }
    }
    return true;
  }
}
