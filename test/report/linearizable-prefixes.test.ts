// The longest linearizable prefix a report shows for a key that does not linearize, read
// from the checker's not-linearizable anomaly.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { readHistoryFile } from "../../histories/index.ts";
import { reportData } from "../../report/index.ts";

describe("linearizable prefixes", () => {
  it("lists the operations of the longest legal order in order, as k of n on the key", async () => {
    const read = await readHistoryFile("histories/examples/ex5-info-delete-took-effect-linearizable-bad.jsonl");
    if (!read.ok) throw new Error(read.error.message);
    const data = reportData(read.history, checkHistory(read.history), "ex5");
    expect(data.prefixes).toEqual([
      {
        list: "anomalies",
        anomaly: 0,
        key: "x",
        operations: [
          { label: 'put x="1"', events: [0, 1] },
          { label: "delete x", events: [2, 3] },
          { label: "get x → absent (deleted)", events: [4, 5] },
        ],
        operationsOnKey: 4,
      },
    ]);
  });

  it("shows the prefix of a key whose missing linearization a GC breach explains", async () => {
    const read = await readHistoryFile("histories/regressions/linearizable-older-value-after-purge-explained.jsonl");
    if (!read.ok) throw new Error(read.error.message);
    const check = checkHistory(read.history);
    const [prefix] = reportData(read.history, check, "explained").prefixes;
    expect(prefix).toMatchObject({ list: "explained", key: "k45" });
    expect(check.explained[prefix!.anomaly]!.linearization).toBeDefined();
  });

  it("has none below the linearizable level", async () => {
    const read = await readHistoryFile("histories/examples/ex2-resurrection-after-downtime-bad.jsonl");
    if (!read.ok) throw new Error(read.error.message);
    expect(reportData(read.history, checkHistory(read.history), "ex2").prefixes).toEqual([]);
  });
});
