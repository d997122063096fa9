// Keys a search leaves undecided are never lost: the engine lists every one with the
// steps it spent, also beside an invalid key, and a history's check and its text report
// carry them through; a breach explanation that runs out of budget leaves its key unknown.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { checkImported } from "../../checker/check-imported.ts";
import { checkOperations } from "../../checker/linearizability/index.ts";
import { formatCheck } from "../../checker/report.ts";
import { readHistoryFile } from "../../histories/index.ts";
import { fileLines, importPorcupineKv, type ImportedHistory } from "../../histories/import/index.ts";
import { porcupineKvModel } from "../../model/sequential/index.ts";
import { slowKeysLines } from "../support/slow-keys.ts";
import { porcupineDirectory, skipWithoutExternal } from "../support/external.ts";

/** budgetSteps decides key "bad" (two steps) but not "slow1"/"slow2" (thousands each). */
const budgetSteps = 100;

async function imported(options: { withBadKey: boolean }): Promise<ImportedHistory> {
  const result = await importPorcupineKv(slowKeysLines(options), { file: "self-made" });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.history;
}

describe("the engine lists every undecided partition", () => {
  it("beside an invalid one, with the steps each spent", async () => {
    const history = await imported({ withBadKey: true });
    if (history.kind !== "porcupine-kv") throw new Error("expected a porcupine-kv history");
    const verdict = checkOperations(porcupineKvModel, history.operations, { maxStepsPerPartition: budgetSteps });
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") return;
    expect(verdict.partitions.map((p) => p.key)).toEqual(["bad"]);
    expect(verdict.undecided).toEqual([
      { kind: "out-of-budget", key: "slow1", steps: budgetSteps },
      { kind: "out-of-budget", key: "slow2", steps: budgetSteps },
    ]);
  });

  it("all of them, not the first, when none is invalid", async () => {
    const history = await imported({ withBadKey: false });
    if (history.kind !== "porcupine-kv") throw new Error("expected a porcupine-kv history");
    const verdict = checkOperations(porcupineKvModel, history.operations, { maxStepsPerPartition: budgetSteps });
    expect(verdict).toEqual({
      kind: "unknown",
      undecided: [
        { kind: "out-of-budget", key: "slow1", steps: budgetSteps },
        { kind: "out-of-budget", key: "slow2", steps: budgetSteps },
      ],
    });
  });

  it("and none when the default budget decides them: the slow keys are valid", async () => {
    const history = await imported({ withBadKey: false });
    if (history.kind !== "porcupine-kv") throw new Error("expected a porcupine-kv history");
    expect(checkOperations(porcupineKvModel, history.operations)).toEqual({ kind: "valid" });
  });
});

describe("a history's check keeps its undecided keys", () => {
  it("is invalid and still lists the undecided keys with their steps", async () => {
    const result = checkImported(await imported({ withBadKey: true }), undefined, null, { maxStepsPerPartition: budgetSteps });
    if (!result.ok) throw new Error(result.message);
    expect(result.check.verdict).toBe("invalid");
    expect(result.check.anomalies.map((a) => [a.kind, a.key])).toEqual([["not-linearizable", "bad"]]);
    expect(result.check.unknown).toEqual([
      { key: "slow1", steps: budgetSteps, limit: "steps" },
      { key: "slow2", steps: budgetSteps, limit: "steps" },
    ]);
  });

  it("is unknown when only undecided keys remain, and lists none once they are decided", async () => {
    const undecided = checkImported(await imported({ withBadKey: false }), undefined, null, { maxStepsPerPartition: budgetSteps });
    if (!undecided.ok) throw new Error(undecided.message);
    expect(undecided.check.verdict).toBe("unknown");
    expect(undecided.check.unknown.map((u) => u.key)).toEqual(["slow1", "slow2"]);
    const decided = checkImported(await imported({ withBadKey: true }));
    if (!decided.ok) throw new Error(decided.message);
    expect(decided.check.verdict).toBe("invalid");
    expect(decided.check.unknown).toEqual([]);
  });

  it("prints the undecided keys with their steps and the --budget that decides them, also when invalid", async () => {
    const result = checkImported(await imported({ withBadKey: true }), undefined, null, { maxStepsPerPartition: budgetSteps });
    if (!result.ok) throw new Error(result.message);
    const text = formatCheck("self-made.txt", result.check);
    expect(text).toMatch(/^self-made.txt: invalid /);
    expect(text).toContain('not-linearizable on "bad"');
    expect(text).toContain(
      `  unknown: 2 keys not decided within the budget of ${budgetSteps} steps per key: "slow1" (${budgetSteps} steps), "slow2" (${budgetSteps} steps); raise --budget to decide them\n`,
    );
    expect(text).not.toContain("maxStepsPerPartition");
  });
});

describe("a breach explanation that runs out of budget", () => {
  it("leaves the key unknown with its steps, neither convicted nor explained", async () => {
    const read = await readHistoryFile(fileURLToPath(new URL("../../histories/examples/ex3-gc-grace-violation-explained.jsonl", import.meta.url)));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const history = { ...read.history, header: { ...read.history.header, consistency: "linearizable" as const } };
    expect(checkHistory(history).verdict).toBe("valid");
    const check = checkHistory(history, { maxStepsPerPartition: 1 });
    expect(check.verdict).toBe("unknown");
    expect(check.anomalies).toEqual([]);
    expect(check.unknown).toEqual([{ key: "x", steps: 1, limit: "steps" }]);
    expect(check.explained.some((a) => a.kind === "gc-grace-violation" && a.message.includes("No linearization exists"))).toBe(false);
  });
});

const skipExternal = skipWithoutExternal("Porcupine's kv histories with a small budget");
const external = porcupineDirectory ?? "";

describe.skipIf(skipExternal)("Porcupine's kv histories with a small budget", () => {
  it("c10-bad.txt stays invalid and lists the keys its budget left undecided", async () => {
    const result = await importPorcupineKv(fileLines(`${external}kv/c10-bad.txt`), { file: "c10-bad.txt" });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const check = checkImported(result.history, undefined, null, { maxStepsPerPartition: 10 });
    if (!check.ok) throw new Error(check.message);
    expect(check.check.verdict).toBe("invalid");
    expect(check.check.unknown.length).toBeGreaterThan(0);
    for (const undecided of check.check.unknown) expect(undecided).toEqual({ key: expect.any(String), steps: 10, limit: "steps" });
  });
});
