// A smaller search budget may leave keys undecided but never convicts: every valid
// history stays valid or unknown under budgets of 1 to 1000 steps per key. Checked on the
// valid SPEC-NOTES examples (also read as linearizable when valid so by default) and on
// Porcupine's linearizable histories.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { checkImported } from "../../checker/check-imported.ts";
import { fileLines, importJepsenLog, importPorcupineKv } from "../../histories/import/index.ts";
import { asLinearizable, exampleFiles, readExample } from "../support/examples.ts";
import { porcupineDirectory, skipWithoutExternal } from "../support/external.ts";

const budgets = [1, 10, 100, 1000];

/** validExamples are the examples named valid (`-ok`) or valid once explained (`-explained`). */
const validExamples = exampleFiles().filter((f) => /-(ok|explained)\.jsonl$/.test(f));

describe("valid examples under small budgets", () => {
  it("finds valid examples, and one read as linearizable is valid by default", async () => {
    expect(validExamples.length).toBeGreaterThan(10);
    // The case that once turned invalid under a small budget: its breach explanation's search ran out.
    expect(checkHistory(asLinearizable(await readExample("ex3-gc-grace-violation-explained.jsonl"))).verdict).toBe("valid");
  });

  it.each(validExamples)("%s stays valid or unknown, at its own level and as linearizable", async (file) => {
    const history = await readExample(file);
    // Whether the example is valid at its own level is spec-examples.test.ts's to say; here
    // each level the default budget finds valid must stay so, or become unknown.
    const levels = [history, asLinearizable(history)].filter((level) => checkHistory(level).verdict === "valid");
    const checks = levels.flatMap((level) =>
      budgets.map((budget) => ({ at: `${level.header.consistency}, budget ${budget}`, budget, check: checkHistory(level, { maxStepsPerPartition: budget }) })),
    );
    expect(checks.filter(({ check }) => check.verdict === "invalid").map(({ at, check }) => `${at}: ${JSON.stringify(check.anomalies)}`)).toEqual([]);
    for (const { at, budget, check } of checks) {
      // Unknown exactly when some key is listed undecided, each having spent the budget.
      expect(check.verdict === "unknown", at).toBe(check.unknown.length > 0);
      for (const undecided of check.unknown) expect(undecided.steps, at).toBe(budget);
    }
  });
});

const skipExternal = skipWithoutExternal("Porcupine's linearizable histories under small budgets");
const external = porcupineDirectory ?? "";

/** linearizableFiles are the Porcupine histories expected.json calls linearizable. */
function linearizableFiles(): string[] {
  if (skipExternal) return [];
  const expected = JSON.parse(readFileSync(`${external}expected.json`, "utf8")) as Record<string, string>;
  return Object.keys(expected).filter((file) => expected[file] === "linearizable").sort();
}

describe.skipIf(skipExternal)("Porcupine's linearizable histories under small budgets", () => {
  it.each(linearizableFiles())("%s stays valid or unknown", async (file) => {
    const importer = file.startsWith("jepsen-etcd/") ? importJepsenLog : importPorcupineKv;
    const imported = await importer(fileLines(`${external}${file}`), { file });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    for (const budget of budgets) {
      const result = checkImported(imported.history, undefined, null, { maxStepsPerPartition: budget });
      if (!result.ok) throw new Error(result.message);
      expect(result.check.verdict, `budget ${budget}`).not.toBe("invalid");
      expect(result.check.verdict === "unknown").toBe(result.check.unknown.length > 0);
    }
  });
});
