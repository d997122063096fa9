// Properties of the spec: a history produced by a correct sequential store (every op
// atomic, every get reading the true state) is allowed at every level; and breaking one
// read after a barrier in the way the project exists for is always caught.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { ClusterEvent, GetResult } from "../../model/vocabulary.ts";
import { buildHistory, type TestOp } from "../support/history-builder.ts";

const seed = 20261124;
// npm run test:deep runs many more cases.
const numRuns = process.env["LAZARUS_DEEP"] === "1" ? 10_000 : 300;

interface Step {
  kind: "put" | "delete" | "get" | "barrier";
  key: string;
  process: number;
}

const stepArbitrary = fc.record({
  kind: fc.constantFrom<Step["kind"]>("put", "delete", "get", "get", "barrier"),
  key: fc.constantFrom("a", "b"),
  process: fc.integer({ min: 0, max: 3 }),
});

/** runSequentially plays the steps on a correct store, one at a time. */
function runSequentially(steps: Step[]): { ops: TestOp[]; cluster: ClusterEvent[] } {
  const state = new Map<string, GetResult>();
  const ops: TestOp[] = [];
  const cluster: ClusterEvent[] = [];
  steps.forEach((step, i) => {
    const at: [number, number] = [3 * i, 3 * i + 1];
    if (step.kind === "barrier") {
      cluster.push({ kind: "barrier", time: 3 * i + 2 });
    } else if (step.kind === "put") {
      const value = `v${i}`;
      ops.push({ op: "put", key: step.key, value, process: step.process, at });
      state.set(step.key, { kind: "value", value });
    } else if (step.kind === "delete") {
      ops.push({ op: "delete", key: step.key, process: step.process, at });
      state.set(step.key, { kind: "absent", reason: "deleted" });
    } else {
      const result = state.get(step.key) ?? { kind: "absent", reason: "never-written" };
      ops.push({ op: "get", key: step.key, process: step.process, at, result });
    }
  });
  return { ops, cluster };
}

describe("spec properties", () => {
  test.prop([fc.array(stepArbitrary, { maxLength: 40 })], { seed, numRuns })(
    `a sequential correct execution is valid at linearizable, quorum and eventual (seed ${seed})`,
    (steps) => {
      const { ops, cluster } = runSequentially(steps);
      for (const level of ["linearizable", "quorum", "eventual"] as const) {
        const check = checkHistory(buildHistory(level, ops, cluster));
        expect(check.anomalies, level).toEqual([]);
        expect(check.verdict).toBe("valid");
      }
    },
  );

  test.prop([fc.array(stepArbitrary, { maxLength: 30 }), fc.integer({ min: 0, max: 3 })], { seed, numRuns })(
    `a get after a barrier that returns a value deleted before the barrier is a resurrection at every level (seed ${seed})`,
    (steps, process) => {
      const { ops, cluster } = runSequentially([
        ...steps,
        { kind: "put", key: "z", process },
        { kind: "delete", key: "z", process: (process + 1) % 4 },
        { kind: "barrier", key: "z", process },
      ]);
      const put = ops.find((op) => op.key === "z" && op.op === "put")!;
      const t = 3 * (steps.length + 3);
      ops.push({ op: "get", key: "z", process: 5, at: [t, t + 1], result: { kind: "value", value: put.value! } });
      for (const level of ["linearizable", "quorum", "eventual"] as const) {
        const check = checkHistory(buildHistory(level, ops, cluster));
        expect(check.anomalies.map((a) => a.kind)).toContain("resurrection");
      }
    },
  );
});
