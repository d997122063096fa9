// The explore plot: one self-contained SVG drawn from the table alone, rate against grace,
// a line per downtime, a panel per GC mode.
import { describe, expect, it } from "vitest";
import { plotSvg } from "../../../cli/explore/index.ts";
import { sweep } from "./sweep-fixture.ts";

describe("plotSvg", () => {
  it("draws rate against grace, a line per downtime and a panel per GC mode, the same bytes each time", () => {
    const svg = plotSvg(sweep());
    expect(svg).toBe(plotSvg(sweep()));
    expect(svg).toContain(">lazarus explore: share of 2 seeds, against grace</text>");
    expect(svg.match(/font-weight="bold">gc=(timeout|repair)</g)).toHaveLength(2);
    // Two panels, one series each: a solid and a dashed line per panel.
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain(">downtime=300</text>");
    expect(svg.split("<svg").length - 1).toBe(1);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });
});
