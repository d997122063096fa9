// Hybrid logical clock timestamps: above everything seen, near the wall clock.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { LOGICAL_SLOTS, nextTimestamp, wallClockTimestamp } from "../../impl/hlc.ts";

describe("nextTimestamp", () => {
  test.prop([fc.integer({ min: -1000, max: 100000 }), fc.nat(), fc.nat()])(
    "exceeds the last and the seen timestamps, and is at least the wall clock",
    (wall, last, seen) => {
      const timestamp = nextTimestamp(wall, last, seen);
      expect(timestamp).toBeGreaterThan(last);
      expect(timestamp).toBeGreaterThan(seen);
      expect(timestamp).toBeGreaterThanOrEqual(wall * LOGICAL_SLOTS);
    },
  );

  it("takes the wall clock when it is ahead, and steps past the floor when the wall clock only reaches it", () => {
    expect(nextTimestamp(5, 10, 20)).toBe(5 * LOGICAL_SLOTS);
    expect(nextTimestamp(2, 2 * LOGICAL_SLOTS, 0)).toBe(2 * LOGICAL_SLOTS + 1);
    expect(nextTimestamp(2, 0, 2 * LOGICAL_SLOTS)).toBe(2 * LOGICAL_SLOTS + 1);
    expect(wallClockTimestamp(2, 2 * LOGICAL_SLOTS)).toBe(2 * LOGICAL_SLOTS + 1);
    expect(wallClockTimestamp(3, 2 * LOGICAL_SLOTS)).toBe(3 * LOGICAL_SLOTS);
  });

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.nat()])("the lww-skew clock ignores what others saw", (wall, last) => {
    const timestamp = wallClockTimestamp(wall, last);
    expect(timestamp).toBeGreaterThan(last);
    expect(timestamp === wall * LOGICAL_SLOTS || timestamp === last + 1).toBe(true);
  });
});
