// The per-key groupings the rules look purges and breaches up in (purgesOfKey,
// breachesTouching) answer as a scan of every purge or breach would: same items, same order,
// and no breach left out that can explain a read of the key.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { breachesTouching, breachExplainsRead } from "../../model/gc-contract.ts";
import { prepareHistory } from "../../model/history-context.ts";
import { purgesOfKey } from "../../model/purges.ts";
import { clusterHistory, keys } from "../support/cluster-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };

describe("per-key lookups", () => {
  prop([clusterHistory()], options)(`purgesOfKey is the key's purges in history order (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const key of [...keys, "never-written"]) {
      expect(purgesOfKey(context.purges, key)).toEqual(context.purges.filter((purge) => purge.key === key));
    }
  });

  prop([clusterHistory()], options)(`breachesTouching keeps, in order, every breach that explains a read of the key (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const touching = breachesTouching(context.breaches, history.key);
      // In the breaches' own order, each at most once.
      const positions = touching.map((breach) => context.breaches.indexOf(breach));
      expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
      for (const get of history.operations.filter((op) => op.kind === "get")) {
        for (const put of history.operations.filter((op) => op.kind === "put")) {
          const explaining = context.breaches.filter((breach) => breachExplainsRead(breach, get, put));
          expect(touching.filter((breach) => breachExplainsRead(breach, get, put))).toEqual(explaining);
        }
      }
    }
  });
});
