// What the GC contract may change in a verdict: under keep, repair and immediate no breach
// explains anything; under timeout a breach only re-labels findings: the same reads (and, at
// linearizable, the same keys) are flagged as under keep, and whatever a breach explains
// is a finding when there is no breach to explain it (a bug, or an injected skew's doing).
import fc from "fast-check";
import { describe, expect } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { Anomaly } from "../../model/anomaly.ts";
import type { ConsistencyLevel, GcConfig, History } from "../../model/vocabulary.ts";
import { causalHistory } from "../support/causal-histories.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { purgedDeleteHistory } from "../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns(150) };
const timeout: GcConfig = { mode: "timeout", graceTicks: 6 };
const level = fc.constantFrom<ConsistencyLevel>("eventual", "quorum", "linearizable");
const timeoutHistories = fc.oneof(
  fc.tuple(level, fc.nat()).chain(([l]) => purgedDeleteHistory({ gc: fc.constant(timeout), level: l })),
  fc.tuple(level, fc.nat()).chain(([l]) => clusterHistory({ gc: fc.constant(timeout), level: l, maxOps: 6 })),
  causalHistory({ gc: fc.constant(timeout), purges: true }),
);

const withGc = (h: History, gc: GcConfig): History => ({ ...h, header: { ...h.header, config: { ...h.header.config, gc } } });
/** flagged names what a finding is about: its read, or for a whole key its key. */
const flagged = (anomalies: Anomaly[]) => new Set(anomalies.filter((a) => a.kind !== "early-purge" && (a.read !== undefined || a.key !== undefined)).map((a) => (a.read !== undefined ? `read ${a.read}` : `key ${a.key}`)));

describe("the GC contract in a verdict", () => {
  prop([timeoutHistories, fc.constantFrom<GcConfig>({ mode: "keep" }, { mode: "repair" }, { mode: "immediate" })], options)(
    `outside timeout mode nothing is explained; under timeout a breach re-labels findings and creates none (seed ${seed})`,
    (h, other) => {
      const underTimeout = checkHistory(h);
      const underOther = checkHistory(withGc(h, other));
      // Clock skews explain alike under every mode; the contract explains only under timeout.
      const byBreach = (anomalies: Anomaly[]) => anomalies.filter((a) => a.kind === "gc-grace-violation");
      expect(byBreach(underOther.explained)).toEqual([]);
      const keptFindings = flagged([...underOther.anomalies, ...underOther.explained]);
      // Everything a breach explains is a finding without it (a bug, or a skew's doing), on the same read or key.
      for (const name of flagged(byBreach(underTimeout.explained))) expect(keptFindings).toContain(name);
      for (const name of flagged(underTimeout.anomalies)) expect(keptFindings).toContain(name);
      // And every finding without a breach is still a finding, a bug or explained.
      const timeoutFindings = new Set([...flagged(underTimeout.anomalies), ...flagged(underTimeout.explained)]);
      for (const name of keptFindings) expect(timeoutFindings).toContain(name);
    },
  );
});
