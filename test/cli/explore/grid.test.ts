// The grid of an explore sweep: every combination of the values, the first dimension
// varying slowest, each value set in its cell's settings, and bad flags refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGrid, type Grid } from "../../../cli/explore/index.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const grid = (...flags: string[]): Grid => {
  const parsed = parseGrid(flags);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

describe("parseGrid", () => {
  it("spans every combination in the order given and sets each value in the cell's settings", () => {
    const { axes, cells } = grid("gc=timeout,repair", "grace=50,400", "guard=on");
    expect(axes.map((a) => a.name)).toEqual(["gc", "grace", "guard"]);
    expect(cells.map((c) => c.values.join(" "))).toEqual(["timeout 50 on", "timeout 400 on", "repair 50 on", "repair 400 on"]);
    expect(cells[2]!.settings).toEqual({ graceTicks: 50, downtimeTicks: 100, gc: "repair", rejoinGuard: true, fullRepairIntervalTicks: undefined, bug: undefined });
  });

  prop([fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 }), fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 })], { seed, numRuns: numRuns(100) })(
    `has as many cells as the product of the value counts, each combination once (seed ${seed})`,
    (graces, downtimes) => {
      const { cells } = grid(`grace=${graces.join(",")}`, `downtime=${downtimes.join(",")}`);
      expect(cells).toHaveLength(graces.length * downtimes.length);
      expect(new Set(cells.map((c) => `${c.settings.graceTicks}/${c.settings.downtimeTicks}`)).size).toBe(cells.length);
    },
  );

  it("refuses unknown dimensions, bad values, repeats and empty values, naming the fix", () => {
    expect(parseGrid(["downtme=100"])).toBe("--grid has no dimension 'downtme'; did you mean downtime?");
    expect(parseGrid(["guard=maybe"])).toBe('--grid guard takes on or off, not "maybe"');
    expect(parseGrid(["bug=gremlins"])).toMatch(/^--grid bug takes none or one of naive-delete, /);
    expect(parseGrid(["repair=-1"])).toBe('--grid repair takes a whole number of ticks, not "-1"');
    expect(parseGrid(["grace=100,,200"])).toBe("--grid grace=100,,200 has an empty value; separate values with single commas");
    expect(parseGrid(["grace=100,100"])).toBe("--grid grace lists 100 twice; list each value once");
  });
});
