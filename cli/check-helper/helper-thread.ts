// A helper thread of `lazarus check`: it reads and imports the file again itself (so no
// operation is copied between threads), prepares the same partitions as the main thread,
// and then takes positions of the shared search order until none is left. When it is done
// it sends what it settled, by position, and counts itself done in the shared order.
import { workerData, type MessagePort } from "node:worker_threads";
import { helpCheckImported, type ModelName } from "../../checker/check-imported.ts";
import type { CheckOptions, PartitionOutcome, SearchSharing } from "../../checker/linearizability/index.ts";
import { deadlineAt } from "../../checker/wall-clock-deadline.ts";
import { HistoryInput, importerFor, type ForeignFormat } from "../../histories/import/index.ts";
import type { RegisterValue } from "../../model/sequential/index.ts";
import { helperSharing } from "./helper-sharing.ts";
import { SharedOrder, type SettledByHelper } from "./shared-order.ts";

/** HelperTask is what the main thread checks, as the helper needs it to check the same. */
export interface HelperTask {
  file: string;
  format: ForeignFormat;
  model: ModelName | undefined;
  initial: RegisterValue;
  budget: number | undefined;
  first: boolean;
  /** timeoutSeconds: the searches' time limit (null for none), which began with the main thread's first search. */
  timeoutSeconds: number | null;
}

/** HelperData is a helper's workerData: its task, the shared order, when the searches' time ends (monotonic ms), and its port to the main thread. */
export interface HelperData {
  task: HelperTask;
  buffer: SharedArrayBuffer;
  endsAtMs: number | null;
  port: MessagePort;
}

/** helpSearch checks the task's file on this thread, sharing its searches through `order`, and returns what it settled. */
async function helpSearch(task: HelperTask, order: SharedOrder, endsAtMs: number | null): Promise<Array<[number, PartitionOutcome]>> {
  const settled: Array<[number, PartitionOutcome]> = [];
  const input = HistoryInput.open(task.file);
  try {
    const imported = await importerFor(task.format)(input.lines(), { file: task.file });
    if (!imported.ok || input.failure() !== undefined) return settled;
    const sharing = helperSharing(order, settled);
    const options: CheckOptions & { sharing: SearchSharing } = { sharing, stopAtFirstInvalid: task.first };
    if (task.budget !== undefined) options.maxStepsPerPartition = task.budget;
    if (endsAtMs !== null) options.deadline = deadlineAt(endsAtMs);
    helpCheckImported(imported.history, task.model, task.initial, options);
    return settled;
  } finally {
    await input.close();
  }
}

const data = workerData as HelperData;
const order = new SharedOrder(data.buffer);
let reply: SettledByHelper;
try {
  reply = { settled: await helpSearch(data.task, order, data.endsAtMs) };
} catch (error) {
  reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
data.port.postMessage(reply);
order.helperDone();
