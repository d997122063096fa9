// Recorded regression histories (histories/regressions): each is one key of a simulated run
// on which the checker once gave a wrong verdict or a wrong explanation. Each is checked
// for its verdict, its bug kinds, and whether its reads are explained.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { readHistoryFile } from "../../histories/index.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";

const folder = fileURLToPath(new URL("../../histories/regressions/", import.meta.url));

interface Expected {
  verdict: "valid" | "invalid";
  /** bugs: the kinds of the bugs found (each at least once, no other kind). */
  bugs: AnomalyKind[];
  /** explainedReads: whether some read of the key is explained (a breach found that accounts for it). */
  explainedReads: boolean;
  /** noBreach: no breach of the GC contract may be found at all. */
  noBreach?: true;
}

const expectations: Record<string, Expected> = {
  // A repair-overdue breach of an older tombstone once excused this read of a value written later.
  "tombstone-blind-read-repair-resurrection-bad": { verdict: "invalid", bugs: ["resurrection"], explainedReads: false },
  "doomstone-resurrection-bad": { verdict: "invalid", bugs: ["resurrection"], explainedReads: false },
  // Clock skew once excused a delete that wrote no tombstone: no recorded version proves an inversion.
  "naive-delete-not-clock-skew-bad": { verdict: "invalid", bugs: ["resurrection"], explainedReads: false },
  // The store purged tombstones inside the grace period; an unrelated breach once excused the read.
  "early-gc-purge-bad": { verdict: "invalid", bugs: ["early-purge", "resurrection"], explainedReads: false },
  // A full repair in the delete's tick, recorded before it, does not cover it: the operator's breach.
  "repair-overdue-same-tick-explained": { verdict: "valid", bugs: [], explainedReads: true },
  // A node was down, so the full repairs were incomplete, but this key's range synced: no breach.
  "range-repaired-while-node-down-ok": { verdict: "valid", bugs: [], explainedReads: false, noBreach: true },
  "range-repaired-while-node-down-k5-ok": { verdict: "valid", bugs: [], explainedReads: false, noBreach: true },
  // Vector clocks: a tombstone and "never written" across a purge once diverged.
  "vector-clock-tombstone-purged-agreement-ok": { verdict: "valid", bugs: [], explainedReads: false },
  // An info delete whose tombstone was purged superseded the put it had seen.
  "vector-clock-info-delete-purged-ok": { verdict: "valid", bugs: [], explainedReads: false },
  // A delete made on the minority side of a long partition was dropped by the rejoin guard's rebuild.
  "vector-clock-rebuild-dropped-delete-explained": { verdict: "valid", bugs: [], explainedReads: true },
  // A value back because a breach purged the tombstone that had superseded it.
  "vector-clock-purged-superseder-explained": { verdict: "valid", bugs: [], explainedReads: true },
  // Linearizable: a replica that missed the delete and two later puts pushed an older value back.
  "linearizable-older-value-after-purge-explained": { verdict: "valid", bugs: [], explainedReads: true },
};

describe("regression histories", () => {
  it("has an expectation for every recorded regression, and a file for every expectation", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".jsonl")).map((f) => f.replace(/\.jsonl$/, ""));
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const [name, expected] of Object.entries(expectations)) {
    it(`${name}: ${expected.verdict} ${expected.bugs.join(",")}`, async () => {
      const read = await readHistoryFile(`${folder}${name}.jsonl`);
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const check = checkHistory(read.history);
      expect(check.verdict).toBe(expected.verdict);
      expect([...new Set(check.anomalies.map((a) => a.kind))].sort()).toEqual([...expected.bugs].sort());
      const explainedReads = check.explained.filter((a) => a.key !== undefined);
      expect(explainedReads.length > 0).toBe(expected.explainedReads);
      if (expected.noBreach) expect(check.explained).toEqual([]);
    });
  }
});
