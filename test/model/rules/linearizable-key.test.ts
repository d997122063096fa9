// The linearizable level's rule with the search passed in: the rule decides what a
// yes / no / unknown from the oracle means for the key, whatever the oracle is.
import { describe, expect, it } from "vitest";
import type { Anomaly } from "../../../model/anomaly.ts";
import { prepareHistory } from "../../../model/history-context.ts";
import type { Operation } from "../../../model/operations.ts";
import { judgeLinearizableKey, type OracleAnswer } from "../../../model/rules/linearizable-key.ts";
import { buildHistory, value } from "../../support/history-builder.ts";

const evidence: Anomaly = { kind: "not-linearizable", key: "x", events: [4, 5], message: "no linearization" };
const ops = [
  { op: "put" as const, value: "1", process: 0, at: [0, 1] as [number, number] },
  { op: "delete" as const, process: 1, at: [2, 3] as [number, number] },
  { op: "get" as const, process: 2, at: [20, 21] as [number, number], result: value("1") },
];
const purged = [{ kind: "gc-purge" as const, time: 15, node: "n1", key: "x", deletedAt: 2 }];
const timeout = { gc: { mode: "timeout" as const, graceTicks: 10 } };

/** scripted answers the oracle's questions in turn and records what it was asked. */
function scripted(...answers: OracleAnswer[]) {
  const asked: Array<readonly Operation[]> = [];
  const oracle = (operations: readonly Operation[]): OracleAnswer => {
    asked.push(operations);
    return answers[asked.length - 1]!;
  };
  return { oracle, asked };
}

function judge(cluster: typeof purged | [], ...answers: OracleAnswer[]) {
  const context = prepareHistory(buildHistory("linearizable", ops, cluster, timeout));
  const { oracle, asked } = scripted(...answers);
  return { judgement: judgeLinearizableKey(context, context.keys.get("x")!, oracle), asked };
}

describe("judgeLinearizableKey", () => {
  it("a key that linearizes is valid, asked once", () => {
    const { judgement, asked } = judge(purged, { kind: "yes" });
    expect(judgement).toEqual({ kind: "valid" });
    expect(asked).toHaveLength(1);
  });
  it("an undecided key is unknown, never invalid", () => {
    expect(judge(purged, { kind: "unknown" }).judgement).toEqual({ kind: "unknown" });
    expect(judge(purged, { kind: "no", evidence }, { kind: "unknown" }).judgement).toEqual({ kind: "unknown" });
  });
  it("with no breach a key that does not linearize is invalid, and no fallback is tried", () => {
    const { judgement, asked } = judge([], { kind: "no", evidence });
    expect(judgement).toEqual({ kind: "invalid", anomaly: evidence });
    expect(asked).toHaveLength(1);
  });
  it("a breach's fallbacks are offered as info writes after the purge; linearizing with them explains the key", () => {
    const { judgement, asked } = judge(purged, { kind: "no", evidence }, { kind: "yes" });
    expect(judgement.kind).toBe("explained");
    if (judgement.kind === "explained") expect(judgement.anomaly.kind).toBe("gc-grace-violation");
    const fallbacks = asked[1]!.filter((op) => op.process < 0);
    expect(fallbacks.map((op) => [op.kind, op.value, op.outcome])).toEqual([["put", "1", "info"]]);
    expect(fallbacks[0]!.callAt).toBeGreaterThan(asked[0]!.find((op) => op.kind === "delete")!.returnAt);
  });
  it("still not linearizing with the fallbacks is a bug, with the first finding", () => {
    expect(judge(purged, { kind: "no", evidence }, { kind: "no", evidence: { ...evidence, message: "other" } }).judgement).toEqual({ kind: "invalid", anomaly: evidence });
  });
});
