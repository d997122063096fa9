// Recorders: the in-memory one keeps header and events; the counting one only counts.
import { describe, expect, it } from "vitest";
import { CountingRecorder, MemoryRecorder, simulate } from "../../impl/index.ts";

describe("recorders", () => {
  it("a counting recorder sees as many events as a memory recorder keeps", () => {
    const options = { workload: { ops: 200 } };
    const memory = simulate(options).history;
    const counting = new CountingRecorder();
    const result = simulate(options, counting);
    expect(counting.eventCount).toBe(memory.events.length);
    expect(result.history.events).toEqual([]);
    expect(result.history.header).toEqual(memory.header);
  });

  it("a memory recorder without a header refuses to give a history", () => {
    expect(() => new MemoryRecorder().history()).toThrow("MemoryRecorder.history: no header recorded");
  });
});
