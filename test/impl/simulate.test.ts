// Whole simulations: byte-for-byte determinism from the seed, every event in the shared
// history format and in time order, unique values, one open op per process, barriers where
// the cluster has converged, and the consistency level each configuration promises.
import { describe, expect, it } from "vitest";
import { historyEventSchema, historyHeaderSchema } from "../../histories/format/schema.ts";
import { bugNames, defaultScenario, simulate } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";
import { invokes } from "./helpers.ts";

function small(extra: StoreOptionsInput = {}): StoreOptionsInput {
  const scenario = defaultScenario();
  return { ...scenario, ...extra, workload: { ...scenario.workload, ops: 600, quiesceEveryOps: 150, ...extra.workload } };
}

describe("simulate", () => {
  it("replays the same history, byte for byte, from the same seed; another seed differs", () => {
    const first = JSON.stringify(simulate(small()).history);
    const again = JSON.stringify(simulate(small()).history);
    const other = JSON.stringify(simulate(small({ seed: 43 })).history);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it("replays a vector-clock run byte for byte when no past reaches the prune limit", () => {
    // The events, that is: the headers differ by the option's value in their origin.
    const unpruned = JSON.stringify(simulate(small({ versioning: "vector-clock" })).history.events);
    const unreached = JSON.stringify(simulate(small({ versioning: "vector-clock", vectorClockPruneDots: 100_000 })).history.events);
    expect(unreached).toBe(unpruned);
  });

  for (const versioning of ["lww", "vector-clock"] as const) {
    it(`records a valid ${versioning} history: schema, time order, unique values, one open op per process`, () => {
      const { history, stats } = simulate(small({ versioning }));
      expect(historyHeaderSchema.safeParse(history.header).success).toBe(true);
      let last = 0;
      const open = new Set<number>();
      for (const event of history.events) {
        const parsed = historyEventSchema.safeParse(event);
        if (!parsed.success) throw new Error(`${JSON.stringify(event)}: ${parsed.error.message}`);
        expect(event.time).toBeGreaterThanOrEqual(last);
        last = event.time;
        if (event.kind === "invoke") {
          expect(open.has(event.process)).toBe(false);
          open.add(event.process);
        }
        if (event.kind === "complete") open.delete(event.process);
      }
      const values = invokes(history).flatMap((event) => (event.value === undefined ? [] : [event.value]));
      expect(new Set(values).size).toBe(values.length);
      expect(history.events.at(-1)?.kind).toBe("barrier");
      expect(stats.barriers).toBe(4);
      expect(stats.opsOk).toBeGreaterThan(0);
      if (versioning === "vector-clock") {
        for (const event of invokes(history)) {
          if (event.op !== "get") expect(event.context).toBeDefined();
          if (event.op === "delete") expect(event.tombstone).toBeDefined();
        }
      }
    });
  }

  it("reaches converged barriers (the invariant is asserted inside quiesce) with every bug on", () => {
    for (const bug of bugNames) {
      expect(() => simulate(small({ bugs: [bug], workload: { ops: 300 } }))).not.toThrow();
    }
  });

  it("declares the consistency level each configuration promises", () => {
    const level = (options: StoreOptionsInput) => simulate({ ...options, workload: { ops: 10 } }).history.header.consistency;
    expect(level({ linearizable: true, sloppyQuorum: false })).toBe("linearizable");
    expect(level({ versioning: "vector-clock" })).toBe("causal");
    expect(level({ sloppyQuorum: false, readQuorum: 2, writeQuorum: 2 })).toBe("quorum");
    expect(level({ sloppyQuorum: true })).toBe("eventual");
    expect(level({ sloppyQuorum: false, readQuorum: 1, writeQuorum: 1 })).toBe("eventual");
  });

  it("runs linearizable mode under faults", () => {
    const { stats } = simulate(small({ linearizable: true, sloppyQuorum: false }));
    expect(stats.opsOk).toBeGreaterThan(0);
  });

  it("rejects options that cannot run, naming the field", () => {
    expect(() => simulate({ readQuorum: 4 })).toThrow(/readQuorum/);
    expect(() => simulate({ linearizable: true })).toThrow(/linearizable/);
  });
});
