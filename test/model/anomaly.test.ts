// Anomalies: their event lists are sorted sets of indices, an explanation keeps what it
// explains and adds its cause, and exactly the GC-contract and clock-skew kinds are explained.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventList, explainedAs, explainedKinds, isExplained, type Anomaly, type AnomalyKind } from "../../model/anomaly.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const allKinds: AnomalyKind[] = [
  "not-linearizable",
  "stale-read",
  "future-read",
  "phantom-read",
  "lost-write",
  "divergence",
  "resurrection",
  "gc-grace-violation",
  "clock-skew",
  "sibling-lost",
  "sibling-spurious",
  "early-purge",
];
const indices = fc.array(fc.nat(200), { maxLength: 8 });
const options = { seed, numRuns: numRuns() };

describe("eventList", () => {
  prop([fc.array(indices, { maxLength: 4 })], options)(
    `is the union of its lists, in increasing numeric order without repeats (seed ${seed})`,
    (lists) => {
      const merged = eventList(...lists);
      for (let i = 1; i < merged.length; i++) expect(merged[i - 1]!).toBeLessThan(merged[i]!);
      expect(new Set(merged)).toEqual(new Set(lists.flat()));
    },
  );
});

describe("explainedAs", () => {
  const anomaly = fc.record({
    kind: fc.constantFrom(...allKinds),
    key: fc.constantFrom("x", "y"),
    events: indices.map((list) => eventList(list)),
    message: fc.constantFrom("a get returned 1.", "lost."),
    read: fc.nat(200),
  });
  prop([anomaly, fc.constantFrom<AnomalyKind>("gc-grace-violation", "clock-skew"), indices, fc.constantFrom("Because A.", "Because B.")], options)(
    `re-labels the anomaly, keeps its key, read and message, and adds the cause's events and reason (seed ${seed})`,
    (original, kind, causeEvents, because) => {
      const copy: Anomaly = structuredClone(original);
      const explained = explainedAs(original, kind, causeEvents, because);
      expect(original).toEqual(copy);
      expect(explained.kind).toBe(kind);
      expect(explained.key).toBe(original.key);
      expect(explained.read).toBe(original.read);
      expect(explained.events).toEqual(eventList(original.events, causeEvents));
      expect(explained.message.startsWith(original.message)).toBe(true);
      expect(explained.message.endsWith(because)).toBe(true);
      expect(explained.message.length).toBeGreaterThan(original.message.length + because.length);
    },
  );
});

describe("isExplained", () => {
  it("holds for gc-grace-violation and clock-skew only", () => {
    expect(allKinds.filter((kind) => isExplained({ kind, events: [], message: "" }))).toEqual(["gc-grace-violation", "clock-skew"]);
    expect([...explainedKinds].sort()).toEqual(["clock-skew", "gc-grace-violation"]);
  });
});
