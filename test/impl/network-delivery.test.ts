// When and whether one message arrives: a node's message to itself arrives at once and is
// never lost; others arrive after the delay plus at most the jitter (reordered only by
// jitter), or are lost, or duplicated, or dropped at arrival when the receiver cannot take
// them; every outcome is counted, and nothing stays in flight.
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../impl/event-queue.ts";
import { Network } from "../../impl/network.ts";
import type { NetworkOptions } from "../../impl/options.ts";
import { Random } from "../../impl/random.ts";
import { createStats } from "../../impl/stats.ts";

function network(options: Partial<NetworkOptions>, canDeliver: (from: string, to: string) => boolean = () => true) {
  const queue = new EventQueue();
  const stats = createStats();
  const settings: NetworkOptions = { delayTicks: 2, jitterTicks: 0, lossProbability: 0, duplicateProbability: 0, ...options };
  const net = new Network(queue, new Random(7), settings, stats, canDeliver);
  const arrivals: Array<{ id: number; time: number }> = [];
  const send = (id: number, from = "n1", to = "n2") => net.send(from, to, () => arrivals.push({ id, time: queue.now }));
  const drain = () => {
    while (queue.step());
  };
  return { queue, stats, net, arrivals, send, drain };
}

describe("the simulated network", () => {
  it("delivers a node's message to itself at once, even when every other message is lost", () => {
    const { stats, arrivals, send, drain } = network({ lossProbability: 1, duplicateProbability: 1 });
    send(1, "n1", "n1");
    send(2, "n1", "n2");
    drain();
    expect(arrivals).toEqual([{ id: 1, time: 0 }]);
    expect(stats.messagesSent).toBe(2);
    expect(stats.messagesDropped).toBe(1);
    expect(stats.messagesDuplicated).toBe(0);
  });

  it("without jitter, delivers every message after exactly the delay, in the order sent", () => {
    const { arrivals, send, drain, net } = network({ delayTicks: 3 });
    for (let id = 0; id < 10; id++) send(id);
    expect(net.inFlight).toBe(10);
    drain();
    expect(arrivals.map((arrival) => arrival.id)).toEqual([...Array(10).keys()]);
    expect(arrivals.every((arrival) => arrival.time === 3)).toBe(true);
    expect(net.inFlight).toBe(0);
  });

  it("with jitter, delivers within [delay, delay + jitter], some out of order", () => {
    const { arrivals, send, drain } = network({ delayTicks: 2, jitterTicks: 3 });
    for (let id = 0; id < 200; id++) send(id);
    drain();
    const times = new Set(arrivals.map((arrival) => arrival.time));
    expect([...times].sort()).toEqual([2, 3, 4, 5]);
    const ids = arrivals.map((arrival) => arrival.id);
    expect(ids).not.toEqual([...ids].sort((x, y) => x - y));
  });

  it("loses and duplicates messages at the configured rates, and counts both", () => {
    const { stats, arrivals, send, drain } = network({ lossProbability: 0.5, duplicateProbability: 0.5 });
    for (let id = 0; id < 400; id++) send(id);
    drain();
    expect(stats.messagesDropped).toBeGreaterThan(150);
    expect(stats.messagesDropped).toBeLessThan(250);
    expect(stats.messagesDuplicated).toBeGreaterThan(60);
    expect(arrivals.length).toBe(400 - stats.messagesDropped + stats.messagesDuplicated);
  });

  it("drops a message whose receiver cannot take it when it arrives, and counts it", () => {
    let receiverUp = true;
    const { stats, arrivals, send, queue, drain, net } = network({ delayTicks: 5 }, () => receiverUp);
    send(1);
    queue.runUntil(3);
    receiverUp = false; // it crashes while the message is on its way
    send(2);
    drain();
    expect(arrivals).toEqual([]);
    expect(stats.messagesDropped).toBe(2);
    expect(net.inFlight).toBe(0);
  });
});
