// The fold that checks a history as it is read must give the rules exactly what
// prepareHistory gives them from the whole history: same operations, same cluster facts.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { prepareHistory, type HistoryContext } from "../../model/history-context.ts";
import { HistoryFold } from "../../model/history-fold.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { phasedHistory } from "../support/phased-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const histories = fc.oneof(phasedHistory(), clusterHistory({ maxOps: 12, maxEvents: 10 }));

describe("HistoryFold", () => {
  prop([histories], { seed, numRuns: numRuns() })(`prepares the same context as prepareHistory, one event at a time (seed ${seed})`, (h) => {
    const fold = new HistoryFold(h.header);
    for (const event of h.events) fold.add(event);
    // A key's supersession answers are closures, equal in behaviour, not in identity: compare the facts.
    const facts = ({ keys, ...rest }: HistoryContext) => ({ ...rest, keys: [...keys.values()].map((key) => [key.key, key.operations]) });
    expect(facts(fold.context())).toEqual(facts(prepareHistory(h)));
  });
});
