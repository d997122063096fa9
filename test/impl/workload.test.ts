// The workload `simulate` runs is shaped for deletes: a process works a key for two ops in a
// row and reads a delete back at once; after every barrier the written keys are read back; under vector
// clocks each write carries the context of a get just before it. It issues exactly the
// configured number of ops, from every process, in the configured mix.
import { describe, expect, it } from "vitest";
import type { InvokeEvent, ProcessId } from "../../model/vocabulary.ts";
import { simulate } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";

function run(options: StoreOptionsInput = {}) {
  return simulate({ seed: 11, ...options, workload: { ops: 300, quiesceEveryOps: 100, ...options.workload } }).history;
}

function byProcess(events: InvokeEvent[]): Map<ProcessId, InvokeEvent[]> {
  const map = new Map<ProcessId, InvokeEvent[]>();
  for (const event of events) map.set(event.process, [...(map.get(event.process) ?? []), event]);
  return map;
}

describe("the workload", () => {
  it("issues exactly the configured number of ops, from every process", () => {
    const history = run({ workload: { processes: 4 } });
    const all = invokes(history);
    expect(all).toHaveLength(300);
    expect([...byProcess(all).keys()].sort()).toEqual([0, 1, 2, 3]);
  });

  it("after each barrier, first reads back every key written since the one before, and only those", () => {
    const history = run({ workload: { keys: 40 } }); // enough keys that some are only read
    const events = history.events.filter((event) => event.kind === "barrier" || event.kind === "invoke");
    let written = new Set<string>();
    let checked = 0;
    events.forEach((event, index) => {
      if (event.kind === "invoke") {
        if (event.op !== "get") written.add(event.key);
        return;
      }
      const next = events.slice(index + 1, index + 1 + written.size);
      if (next.length > 0) {
        expect(next.every((op) => op.kind === "invoke" && op.op === "get")).toBe(true);
        expect(new Set(next.map((op) => (op.kind === "invoke" ? op.key : "")))).toEqual(written);
        checked++;
      }
      written = new Set();
    });
    expect(checked).toBe(2); // the barriers after ops 100 and 200 (the last one ends the run)
  });

  it("under vector clocks, precedes each write with the same process's get of its key", () => {
    const history = run({ versioning: "vector-clock" });
    let writes = 0;
    for (const ops of byProcess(invokes(history)).values()) {
      ops.forEach((op, index) => {
        if (op.op === "get") return;
        writes++;
        expect(ops[index - 1]).toMatchObject({ op: "get", key: op.key });
      });
    }
    expect(writes).toBeGreaterThan(50);
  });

  it("draws ops in the configured mix", () => {
    const count = (history: ReturnType<typeof run>, op: string) => invokes(history).filter((event) => event.op === op).length;
    const onlyPuts = run({ workload: { putWeight: 1, getWeight: 0, deleteWeight: 0 } });
    expect(count(onlyPuts, "delete")).toBe(0);
    expect(count(onlyPuts, "put")).toBeGreaterThan(150); // the rest are read-backs after barriers
    const noDeletes = run({ workload: { deleteWeight: 0 } });
    expect(count(noDeletes, "delete")).toBe(0);
    const mixed = run({ workload: { putWeight: 1, getWeight: 1, deleteWeight: 1 } });
    for (const op of ["put", "get", "delete"]) expect(count(mixed, op)).toBeGreaterThan(50);
  });

  it("works a key twice in a row, and reads a delete back at once when it opens the pair", () => {
    // No barrier until the end, so no read-backs come between the pairs.
    const history = run({ workload: { keys: 50, putWeight: 1, getWeight: 1, deleteWeight: 1, quiesceEveryOps: 0 } });
    let pairs = 0;
    let openedByDelete = 0;
    for (const ops of byProcess(invokes(history)).values()) {
      for (let index = 0; index + 1 < ops.length; index += 2) {
        const [first, second] = [ops[index]!, ops[index + 1]!];
        pairs++;
        expect(second.key).toBe(first.key); // with 50 keys, chance alone would rarely repeat one
        if (first.op !== "delete") continue;
        openedByDelete++;
        expect(second.op).toBe("get");
      }
    }
    expect(pairs).toBeGreaterThan(100);
    expect(openedByDelete).toBeGreaterThan(20);
  });

  it("draws keys k0..k(keys-1), and makes up values and tombstone ids unique to each process and op", () => {
    const history = run({ versioning: "vector-clock", workload: { keys: 5 } }); // tombstone ids are recorded under vector clocks
    const all = invokes(history);
    expect(new Set(all.map((event) => event.key))).toEqual(new Set(["k0", "k1", "k2", "k3", "k4"]));
    const values = all.flatMap((event) => (event.value === undefined ? [] : [event.value]));
    const tombstones = all.flatMap((event) => (event.tombstone === undefined ? [] : [event.tombstone]));
    expect(values.length).toBeGreaterThan(50);
    expect(tombstones.length).toBeGreaterThan(10);
    expect(values.every((value) => /^p\d+-\d+$/.test(value))).toBe(true);
    expect(tombstones.every((id) => /^d\d+-\d+$/.test(id))).toBe(true);
    expect(new Set([...values, ...tombstones]).size).toBe(values.length + tombstones.length);
  });

  it("under vector clocks puts a get before writes only: a run of gets alone is the same as under last-write-wins", () => {
    const onlyGets = { workload: { putWeight: 0, getWeight: 1, deleteWeight: 0 } };
    const keysRead = (versioning: "lww" | "vector-clock") =>
      invokes(run({ ...onlyGets, versioning })).map((event) => `${event.process}:${event.op}:${event.key}`);
    expect(keysRead("vector-clock")).toEqual(keysRead("lww"));
  });

  it("waits up to thinkTicksMax between a process's ops, and not at all when it is 0", () => {
    const gaps = (thinkTicksMax: number) => {
      const history = run({ network: { delayTicks: 1 }, workload: { thinkTicksMax, quiesceEveryOps: 0 } });
      const result: number[] = [];
      const completedAt = new Map<ProcessId, number>();
      for (const event of history.events) {
        if (event.kind === "complete") completedAt.set(event.process, event.time);
        if (event.kind === "invoke" && completedAt.has(event.process)) result.push(event.time - completedAt.get(event.process)!);
      }
      return result;
    };
    expect(new Set(gaps(0))).toEqual(new Set([0]));
    const spread = gaps(4);
    expect(Math.max(...spread)).toBe(4);
    expect(Math.min(...spread)).toBe(0);
  });
});
