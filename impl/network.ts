// The simulated network: every message between nodes goes through `send`, which applies
// delay, jitter (reordering), loss and duplication from the seeded generator, and checks
// at arrival that the receiver is up and on the same side of any partition.
import type { NodeId } from "../model/vocabulary.ts";
import type { EventQueue } from "./event-queue.ts";
import type { NetworkOptions } from "./options.ts";
import type { Random } from "./random.ts";
import type { Stats } from "./stats.ts";

/** Network delivers messages as scheduled actions. */
export class Network {
  /** inFlight counts scheduled, undelivered messages (quiescence waits for 0). */
  inFlight = 0;

  constructor(
    private readonly queue: EventQueue,
    private readonly random: Random,
    private readonly options: NetworkOptions,
    private readonly stats: Stats,
    private readonly canDeliver: (from: NodeId, to: NodeId) => boolean,
  ) {}

  /** send schedules `deliver` at the receiver, unless the message is lost or cannot arrive. */
  send(from: NodeId, to: NodeId, deliver: () => void): void {
    this.stats.messagesSent++;
    if (from === to) {
      this.schedule(from, to, 0, deliver);
      return;
    }
    if (this.random.chance(this.options.lossProbability)) {
      this.stats.messagesDropped++;
      return;
    }
    this.schedule(from, to, this.delay(), deliver);
    if (this.random.chance(this.options.duplicateProbability)) {
      this.stats.messagesDuplicated++;
      this.schedule(from, to, this.delay(), deliver);
    }
  }

  private delay(): number {
    const jitter = this.options.jitterTicks;
    return this.options.delayTicks + (jitter > 0 ? this.random.int(jitter + 1) : 0);
  }

  private schedule(from: NodeId, to: NodeId, delayTicks: number, deliver: () => void): void {
    this.inFlight++;
    this.queue.after(delayTicks, () => {
      this.inFlight--;
      if (this.canDeliver(from, to)) deliver();
      else this.stats.messagesDropped++;
    });
  }
}
