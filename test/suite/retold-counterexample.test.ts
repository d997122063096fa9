// A saved counterexample told again: for every history of the zoo, the finding is the one
// the suite printed when it recorded the file (kept at the end of its description), and
// the timeline has a line per step. A history that is not a suite run, or that no longer
// replays the same, cannot be told.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHistoryText } from "../../histories/index.ts";
import { simulate } from "../../impl/index.ts";
import type { History } from "../../model/vocabulary.ts";
import { zoo } from "../../suite/bug-zoo.ts";
import { retellCounterexample } from "../../suite/retold-counterexample.ts";
import { projectRoot } from "../support/cli.ts";

function zooHistory(bug: string): History {
  const parsed = parseHistoryText(readFileSync(join(projectRoot, "histories/zoo", `${bug}.jsonl`), "utf8"), `${bug}.jsonl`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.history;
}

describe("retellCounterexample", () => {
  for (const entry of zoo) {
    it(`tells ${entry.bug}.jsonl as the suite printed it`, async () => {
      const history = zooHistory(entry.bug);
      const retold = await retellCounterexample(history);
      expect(history.header.description!.endsWith(` ${retold.finding}`)).toBe(true);
      const lines = retold.timeline.split("\n");
      expect(lines).toHaveLength(history.header.origin!.steps!.length);
      expect(lines[0]).toMatch(/^ {2}1\. \S/);
    });
  }

  it("refuses a `lazarus run` history, and a history that no longer replays the same", async () => {
    const run = simulate({ seed: 5, workload: { ops: 50, keys: 2 } }).history;
    await expect(retellCounterexample(run)).rejects.toThrow(/no steps/);
    const history = zooHistory("naive-delete");
    const changed = { ...history, events: history.events.map((event, index) => (index === 3 ? { ...event, time: event.time + 1 } : event)) };
    await expect(retellCounterexample(changed)).rejects.toThrow(/differs at line 5/);
  });
});
