import { describe, expect, it } from "vitest";
import { historyEventSchema, historyHeaderSchema } from "../../../histories/format/schema.ts";
import { validHeader } from "./fixtures.ts";

describe("history schema", () => {
  it("accepts a header and rejects an unknown event kind", () => {
    const header = validHeader();
    expect(historyHeaderSchema.safeParse(header).success).toBe(true);
    expect(historyEventSchema.safeParse({ kind: "explode", time: 1 }).success).toBe(false);
    expect(historyEventSchema.safeParse({ kind: "barrier", time: 3 }).success).toBe(true);
  });
});
