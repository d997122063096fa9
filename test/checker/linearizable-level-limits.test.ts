// The linearizable level of a lazarus history (checker/linearizable-level.ts) under the
// CLI's --first and --timeout: with stopAtFirstInvalid the search stops at the first key
// the rule finds invalid and names the keys it left (a key the engine convicts but a GC
// breach explains does not stop it); past the deadline a key the search would convict is
// unknown, never invalid, and no verdict turns into another.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { formatCheck } from "../../checker/report.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import type { History } from "../../model/vocabulary.ts";
import { asLinearizable, exampleFiles, readExample } from "../support/examples.ts";

/** withStaleRead adds key `key` after the history: put "1", delete, then a get of "1", not linearizable. */
function withStaleRead(history: History, key: string): History {
  const start = Math.max(...history.events.map((event) => event.time)) + 10;
  const process = 100 + history.events.length;
  const events = [
    { kind: "invoke", time: start, process, op: "put", key, value: "1" },
    { kind: "complete", time: start + 1, process, op: "put", key, outcome: "ok" },
    { kind: "invoke", time: start + 2, process: process + 1, op: "delete", key },
    { kind: "complete", time: start + 3, process: process + 1, op: "delete", key, outcome: "ok" },
    { kind: "invoke", time: start + 4, process: process + 2, op: "get", key },
    { kind: "complete", time: start + 5, process: process + 2, op: "get", key, outcome: "ok", result: { kind: "value", value: "1" } },
  ] as History["events"];
  return { ...asLinearizable(history), events: [...history.events, ...events] };
}

function notLinearizableKeys(history: History, first: boolean): Array<string | undefined> {
  return checkHistory(history, { stopAtFirstInvalid: first }).anomalies.filter((a) => a.kind === "not-linearizable").map((a) => a.key);
}

describe("the linearizable level with stopAtFirstInvalid", () => {
  it("stops after the first of two keys that are not linearizable, and names the other", async () => {
    const history = withStaleRead(await readExample("ex1-stale-read-linearizable-bad.jsonl"), "y");
    expect(notLinearizableKeys(history, false)).toEqual(["x", "y"]);
    const check = checkHistory(history, { stopAtFirstInvalid: true });
    expect(check.verdict).toBe("invalid");
    expect(notLinearizableKeys(history, true)).toEqual(["x"]);
    expect(check.unchecked).toEqual(["y"]);
    expect(formatCheck("two-bad.jsonl", check)).toContain('  not checked: 1 key ("y"), as --first stops at the first key found not linearizable; leave --first out to check it\n');
  });

  it("goes on past a key a GC breach explains, to the key that is not linearizable", async () => {
    const history = withStaleRead(await readExample("ex3-gc-grace-violation-explained.jsonl"), "y");
    const check = checkHistory(history, { stopAtFirstInvalid: true });
    expect(check.verdict).toBe("invalid");
    expect(check.anomalies.filter((a) => a.kind === "not-linearizable").map((a) => a.key)).toEqual(["y"]);
    expect(check.explained.map((a) => [a.kind, a.key])).toContainEqual(["gc-grace-violation", "x"]);
    expect(check.unchecked).toEqual([]);
  });

  it("changes nothing on a valid history: every key is checked", async () => {
    const history = await readExample("ex1-delete-then-get-linearizable-ok.jsonl");
    const check = checkHistory(history, { stopAtFirstInvalid: true });
    expect(check).toEqual(checkHistory(history));
    expect(check.unchecked).toEqual([]);
  });
});

describe("the linearizable level past its deadline", () => {
  const passed = { passed: () => true };

  it("leaves a key whose search would convict it unknown, never invalid", async () => {
    const history = await readExample("ex5-info-delete-took-effect-linearizable-bad.jsonl");
    expect(checkHistory(history).verdict).toBe("invalid");
    const check = checkHistory(history, { deadline: passed });
    expect(check.verdict).toBe("unknown");
    expect(check.unknown).toEqual([{ key: "x", steps: 0, limit: "time" }]);
    expect(formatCheck("late.jsonl", check)).toContain('  unknown: 1 key not decided within the time limit: "x" (0 steps); raise --timeout to decide it\n');
  });

  it.each(exampleFiles())("%s, read as linearizable, keeps its verdict or becomes unknown", async (file) => {
    const history = asLinearizable(await readExample(file));
    const onTime = checkHistory(history);
    const late = checkHistory(history, { deadline: passed });
    // The unique-writes path is a proof and runs whatever the time: what it convicts stays
    // convicted (with its own reason and failing operation in place of the search's).
    const found = (check: HistoryCheck) => check.anomalies.map((a) => [a.kind, a.key]);
    if (late.verdict !== "unknown") expect([late.verdict, found(late)]).toEqual([onTime.verdict, found(onTime)]);
    else expect(late.unknown.every((u) => u.limit === "time" && u.steps === 0)).toBe(true);
  });
});
