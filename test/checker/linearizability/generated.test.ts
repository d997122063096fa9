// The benchmark's generated kv histories: valid as generated, invalid once one get lies.

import { describe, expect, it } from "vitest";
import { generateKvHistory } from "../../../bench/linearizability.ts";
import { checkOperations } from "../../../checker/linearizability/index.ts";
import { linearizableKvModel } from "../../../model/sequential/index.ts";

describe("generateKvHistory (bench)", () => {
  for (const seed of [1, 2, 3]) {
    it(`makes a valid history of 5,000 operations on 20 keys (seed ${seed})`, () => {
      expect(checkOperations(linearizableKvModel, generateKvHistory(5000, 20, 10, seed))).toEqual({ kind: "valid" });
    });
  }

  it("is caught when a get that saw a value claims the key was absent (seed 4)", () => {
    const history = generateKvHistory(5000, 20, 10, 4);
    const lying = history.findIndex((op) => op.outcome === "ok" && op.output?.kind === "value" && op.input.kind === "get");
    history[lying]!.output = { kind: "value", value: "never-written-value" };
    const verdict = checkOperations(linearizableKvModel, history);
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind === "invalid") expect(verdict.partitions.map((partition) => partition.failingOperation)).toContain(lying);
  });
});
