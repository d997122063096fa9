// The fold that prepares a history as it is read (prepareHistory uses it too) must give the
// rules exactly what the whole history gives them: its operations paired from all its
// events, and its cluster events taken out of all of them.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { clusterLogOf } from "../../model/cluster-log.ts";
import { HistoryFold, prepareContext, type HistoryContext } from "../../model/history-context.ts";
import { pairOperations } from "../../model/operations.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { phasedHistory } from "../support/phased-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const histories = fc.oneof(phasedHistory(), clusterHistory({ maxOps: 12, maxEvents: 10 }));

describe("HistoryFold", () => {
  prop([histories], { seed, numRuns: numRuns() })(`prepares, one event at a time, the context of the whole history's operations and cluster log (seed ${seed})`, (h) => {
    const fold = new HistoryFold(h.header);
    for (const event of h.events) fold.add(event);
    // A key's supersession answers are closures, equal in behaviour, not in identity: compare the facts.
    const facts = ({ keys, ...rest }: HistoryContext) => ({ ...rest, keys: [...keys.values()].map((key) => [key.key, key.operations]) });
    expect(facts(fold.context())).toEqual(facts(prepareContext(h.header, pairOperations(h.events), clusterLogOf(h.events))));
  });
});
