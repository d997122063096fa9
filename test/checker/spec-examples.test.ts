// Every example of SPEC-NOTES.md, recorded as a history under histories/examples, checked
// with its expected verdict and anomaly kinds (explained kinds listed apart).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { readHistoryFile } from "../../histories/index.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";

const folder = fileURLToPath(new URL("../../histories/examples/", import.meta.url));

interface Expected {
  verdict: "valid" | "invalid";
  bugs: AnomalyKind[];
  explained?: AnomalyKind[];
}

const expectations: Record<string, Expected> = {
  "ex1-delete-then-get-linearizable-ok": { verdict: "valid", bugs: [] },
  "ex1-delete-then-get-quorum-ok": { verdict: "valid", bugs: [] },
  "ex1-delete-then-get-eventual-ok": { verdict: "valid", bugs: [] },
  "ex1-stale-read-quorum-bad": { verdict: "invalid", bugs: ["stale-read"] },
  "ex1-stale-read-linearizable-bad": { verdict: "invalid", bugs: ["not-linearizable"] },
  "ex1-old-value-no-barrier-eventual-ok": { verdict: "valid", bugs: [] },
  "ex2-resurrection-after-downtime-bad": { verdict: "invalid", bugs: ["resurrection"] },
  "ex2-deleted-after-downtime-ok": { verdict: "valid", bugs: [] },
  // Two breaches (n3 unreachable too long; no complete repair before the purge) and the read.
  "ex3-gc-grace-violation-explained": { verdict: "valid", bugs: [], explained: ["gc-grace-violation", "gc-grace-violation", "gc-grace-violation"] },
  "ex3-gc-grace-breach-no-read-explained": { verdict: "valid", bugs: [], explained: ["gc-grace-violation", "gc-grace-violation"] },
  "ex4-concurrent-put-delete-value-ok": { verdict: "valid", bugs: [] },
  "ex4-concurrent-put-delete-absent-ok": { verdict: "valid", bugs: [] },
  "ex4-divergence-bad": { verdict: "invalid", bugs: ["divergence"] },
  "ex5-info-delete-value-linearizable-ok": { verdict: "valid", bugs: [] },
  "ex5-info-delete-absent-linearizable-ok": { verdict: "valid", bugs: [] },
  "ex5-info-delete-took-effect-linearizable-bad": { verdict: "invalid", bugs: ["not-linearizable"] },
  "ex6-recreated-after-delete-ok": { verdict: "valid", bugs: [] },
  "ex6-doomstone-lost-write-bad": { verdict: "invalid", bugs: ["lost-write"] },
  "ex7-delete-concurrent-put-frontier-ok": { verdict: "valid", bugs: [] },
  "ex7-resurrection-bad": { verdict: "invalid", bugs: ["resurrection"] },
  "ex7-sibling-lost-bad": { verdict: "invalid", bugs: ["sibling-lost"] },
};

describe("SPEC-NOTES examples", () => {
  it("has an expectation for every recorded example, and a file for every expectation", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".jsonl")).map((f) => f.replace(/\.jsonl$/, ""));
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const [name, expected] of Object.entries(expectations)) {
    it(`${name}: ${expected.verdict} ${expected.bugs.join(",")}`, async () => {
      const read = await readHistoryFile(`${folder}${name}.jsonl`);
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const check = checkHistory(read.history);
      expect(check.anomalies.map((a) => a.kind).sort(), JSON.stringify(check, null, 1)).toEqual([...expected.bugs].sort());
      expect(check.explained.map((a) => a.kind).sort()).toEqual([...(expected.explained ?? [])].sort());
      expect(check.verdict).toBe(expected.verdict);
      for (const anomaly of [...check.anomalies, ...check.explained]) {
        expect(anomaly.events.length).toBeGreaterThan(0);
        expect(anomaly.message.length).toBeGreaterThan(10);
      }
    });
  }
});
