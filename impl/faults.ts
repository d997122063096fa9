// The random fault schedule: every `faults.intervalTicks`, each kind of fault fires with
// its probability (all zero by default), drawn from the run's one generator, so the seed
// decides the schedule. Paused while the cluster is being quiesced.
import type { NodeId } from "../model/vocabulary.ts";
import type { Cluster } from "./cluster.ts";

/** FaultInjector crashes, restarts, partitions, heals and skews nodes at random. */
export class FaultInjector {
  /** enabled: faults fire only while true (simulate turns it off around barriers). */
  enabled = true;

  constructor(private readonly cluster: Cluster) {}

  /** start schedules the periodic fault tick. */
  start(): void {
    const interval = this.cluster.options.faults.intervalTicks;
    const tick = (): void => {
      if (this.enabled) this.inject();
      this.cluster.queue.after(interval, tick);
    };
    this.cluster.queue.after(interval, tick);
  }

  private inject(): void {
    const cluster = this.cluster;
    const faults = cluster.options.faults;
    const random = cluster.random;
    const up = cluster.nodes.filter((node) => node.up);
    const down = cluster.nodes.filter((node) => !node.up);
    if (random.chance(faults.crashProbability) && down.length < faults.maxDownNodes && up.length > 1) {
      cluster.crash(random.pick(up).id);
    }
    if (down.length > 0 && random.chance(faults.restartProbability)) cluster.restart(random.pick(down).id);
    if (!cluster.partitioned && random.chance(faults.partitionProbability)) cluster.partition(this.split());
    else if (cluster.partitioned && random.chance(faults.healProbability)) cluster.heal();
    if (random.chance(faults.skewProbability)) {
      const offset = random.between(-faults.maxSkewTicks, faults.maxSkewTicks);
      cluster.skew(random.pick(cluster.nodes).id, offset);
    }
  }

  /** split divides the nodes into two non-empty groups at random. */
  private split(): NodeId[][] {
    const ids = this.cluster.nodes.map((node) => node.id);
    const first: NodeId[] = [];
    const second: NodeId[] = [];
    for (const id of ids) (this.cluster.random.chance(0.5) ? first : second).push(id);
    if (first.length === 0) first.push(second.pop() as NodeId);
    if (second.length === 0) second.push(first.pop() as NodeId);
    return [first, second];
  }
}
