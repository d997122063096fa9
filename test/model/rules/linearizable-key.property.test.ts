// The linearizable level's rule on generated histories, with a scripted oracle: a key that
// linearizes only once its breaches' fallbacks may take effect is explained by all of those
// breaches (their events and their reasons), and the fallbacks are asked about together.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { eventList, type Anomaly } from "../../../model/anomaly.ts";
import { prepareHistory } from "../../../model/history-context.ts";
import type { Operation } from "../../../model/operations.ts";
import { breachFallbacks } from "../../../model/rules/breach-fallbacks.ts";
import { judgeLinearizableKey, type OracleAnswer } from "../../../model/rules/linearizable-key.ts";
import type { GcConfig } from "../../../model/vocabulary.ts";
import { clusterHistory } from "../../support/cluster-histories.ts";
import { purgedDeleteHistory } from "../../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const options = { seed, numRuns: numRuns() };
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const histories = fc.oneof(purgedDeleteHistory({ level: "linearizable", gc: timeout }), clusterHistory({ level: "linearizable", gc: timeout, maxEvents: 14 }));
const answers = fc.constantFrom<OracleAnswer["kind"]>("yes", "no", "unknown");

describe("judgeLinearizableKey", () => {
  prop([histories, answers, answers], options)(`re-labels a finding by every breach whose fallbacks it needed (seed ${seed})`, (h, first, second) => {
    const context = prepareHistory(h);
    for (const history of context.keys.values()) {
      const evidence: Anomaly = { kind: "not-linearizable", key: history.key, events: [history.operations[0]!.invokeIndex], message: "no linearization." };
      const answer = (kind: OracleAnswer["kind"]): OracleAnswer => (kind === "no" ? { kind, evidence } : { kind });
      const asked: Array<readonly Operation[]> = [];
      const judgement = judgeLinearizableKey(context, history, (ops) => answer(asked.push(ops) === 1 ? first : second));
      const fallbacks = breachFallbacks(context, history);
      const secondAsked = first === "no" && fallbacks.length > 0;
      expect(asked).toHaveLength(secondAsked ? 2 : 1);
      expect(asked[0]).toBe(history.operations);
      if (secondAsked) expect(asked[1]).toEqual([...history.operations, ...fallbacks.flatMap((f) => f.operations)]);
      const expected = first === "yes" ? "valid" : first === "unknown" ? "unknown" : !secondAsked || second === "no" ? "invalid" : second === "unknown" ? "unknown" : "explained";
      expect(judgement.kind).toBe(expected);
      if (judgement.kind === "invalid") expect(judgement.anomaly).toBe(evidence);
      if (judgement.kind === "explained") {
        expect(judgement.anomaly.kind).toBe("gc-grace-violation");
        expect(judgement.anomaly.events).toEqual(eventList(evidence.events, ...fallbacks.map((f) => f.breach.events)));
        // Every breach is named, each apart.
        expect(judgement.anomaly.message).toContain(fallbacks.map((f) => f.breach.message).join(" and "));
      }
    }
  });
});
