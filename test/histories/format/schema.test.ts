import { describe, expect, it } from "vitest";
import { historyEventSchema, historyHeaderSchema } from "../../../histories/format/schema.ts";

describe("history schema", () => {
  it("accepts a header and rejects an unknown event kind", () => {
    const header = {
      kind: "header",
      format: "lazarus-history",
      formatVersion: 1,
      consistency: "quorum",
      config: {
        nodes: ["n1", "n2", "n3"],
        replicationFactor: 3,
        readQuorum: 2,
        writeQuorum: 2,
        sloppyQuorum: false,
        versioning: "lww",
        readRepair: "async",
        gc: { mode: "keep" },
        hintTtlTicks: 100,
        rejoinGuard: true,
        bugs: [],
      },
    };
    expect(historyHeaderSchema.safeParse(header).success).toBe(true);
    expect(historyEventSchema.safeParse({ kind: "explode", time: 1 }).success).toBe(false);
    expect(historyEventSchema.safeParse({ kind: "barrier", time: 3 }).success).toBe(true);
  });
});
