// The event queue: time order, ties broken by insertion order, time never goes back.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../impl/event-queue.ts";

describe("EventQueue", () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 })])(
    "runs events by (time, insertion order)",
    (times) => {
      const queue = new EventQueue();
      const ran: Array<[number, number]> = [];
      times.forEach((time, index) => queue.at(time, () => ran.push([time, index])));
      while (queue.step());
      const expected = times.map((time, index) => [time, index] as [number, number]);
      expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(ran).toEqual(expected);
    },
  );

  it("refuses to schedule in the past", () => {
    const queue = new EventQueue();
    queue.runUntil(10);
    expect(() => queue.at(5, () => {})).toThrow("EventQueue.at: time 5 is before now 10");
  });

  it("runUntil advances now even when idle, and never moves it back", () => {
    const queue = new EventQueue();
    queue.runUntil(42);
    expect(queue.now).toBe(42);
    queue.runUntil(30);
    expect(queue.now).toBe(42);
  });

  it("says how many events are pending and when the earliest is due", () => {
    const queue = new EventQueue();
    expect(queue.size).toBe(0);
    expect(queue.nextTime()).toBeUndefined();
    queue.at(7, () => {});
    queue.at(3, () => {});
    expect(queue.size).toBe(2);
    expect(queue.nextTime()).toBe(3);
    queue.step();
    expect([queue.size, queue.nextTime()]).toEqual([1, 7]);
  });
});
