// The cluster's periodic background work: hint delivery sweeps, tombstone GC sweeps,
// scheduled anti-entropy rounds and scheduled full repairs. Each reschedules itself; the first runs one interval in.
import type { Cluster } from "./cluster.ts";
import { antiEntropyRound } from "./anti-entropy.ts";
import { gcSweep } from "./gc.ts";
import { deliverHints } from "./hints.ts";

/** startBackground schedules every periodic task of a cluster. */
export function startBackground(cluster: Cluster): void {
  const options = cluster.options;
  every(cluster, options.hintDeliveryIntervalTicks, () => deliverHints(cluster));
  every(cluster, options.gcIntervalTicks, () => gcSweep(cluster));
  if (options.antiEntropyIntervalTicks > 0) {
    every(cluster, options.antiEntropyIntervalTicks, () => antiEntropyRound(cluster, false));
  }
  if (options.fullRepairIntervalTicks > 0) {
    every(cluster, options.fullRepairIntervalTicks, () => antiEntropyRound(cluster, true));
  }
}

function every(cluster: Cluster, intervalTicks: number, task: () => void): void {
  const tick = (): void => {
    task();
    cluster.queue.after(intervalTicks, tick);
  };
  cluster.queue.after(intervalTicks, tick);
}
