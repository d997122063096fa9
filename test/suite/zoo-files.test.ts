// The zoo's recorded counterexamples (histories/zoo, written by `npm run zoo`): each is
// invalid for its bug, and replays byte for byte from the origin in its header.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { parseHistoryText } from "../../histories/format/reader.ts";
import { zoo } from "../../suite/bug-zoo.ts";
import { replayHistory } from "../../suite/replay.ts";

const directory = fileURLToPath(new URL("../../histories/zoo/", import.meta.url));

describe("histories/zoo", () => {
  it("holds one counterexample per bug", () => {
    const files = readdirSync(directory).filter((name) => name.endsWith(".jsonl")).sort();
    expect(files).toEqual(zoo.map((entry) => `${entry.bug}.jsonl`).sort());
  });

  for (const entry of zoo) {
    it(`${entry.bug}.jsonl is invalid for its bug and replays byte for byte`, async () => {
      const parsed = parseHistoryText(readFileSync(join(directory, `${entry.bug}.jsonl`), "utf8"), `${entry.bug}.jsonl`);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const check = checkHistory(parsed.history);
      expect(check.verdict).toBe("invalid");
      expect(check.anomalies.some((anomaly) => entry.convictedAs.includes(anomaly.kind))).toBe(true);
      expect(parsed.history.header.config.bugs).toEqual([entry.bug]);
      expect(parsed.history.header.origin?.steps?.length).toBeGreaterThan(0);
      expect(await replayHistory(parsed.history)).toMatchObject({ kind: "same" });
    });
  }
});
