// The report page as text: one self-contained file (no network), the data embedded as JSON
// that parses back whole, hostile strings unable to end the script, and sizes that stay
// reasonable from the smallest example to 10^5 events.
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { readHistoryFile } from "../../histories/index.ts";
import type { History } from "../../model/index.ts";
import { reportData, reportPage, type ReportData } from "../../report/index.ts";
import { buildHistory } from "../support/history-builder.ts";
import { largeHistory } from "./large-history.ts";

function pageOf(history: History, title = "test"): { html: string; data: ReportData } {
  const data = reportData(history, checkHistory(history), title);
  return { html: reportPage(data), data };
}

function embedded(html: string): unknown {
  const match = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html);
  if (match === null) throw new Error("no embedded data");
  return JSON.parse(match[1]!);
}

const hostile = "</script><script>alert(1)</script><!--";

describe("reportPage", () => {
  it("embeds the history, the check and the timeline, and parses back to the same data", async () => {
    const read = await readHistoryFile("histories/examples/ex2-resurrection-after-downtime-bad.jsonl");
    if (!read.ok) throw new Error(read.error.message);
    const { html, data } = pageOf(read.history, "ex2");
    expect(embedded(html)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(data.check.verdict).toBe("invalid");
    expect(data.events).toHaveLength(9);
  });

  it("needs no network: no external script, style, image or link", async () => {
    const { html } = pageOf(buildHistory("eventual", [{ op: "put", value: "1", process: 0, at: [0, 1] }]));
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it("keeps hostile keys, values and descriptions from ending the script or opening a comment", () => {
    const history = buildHistory("eventual", [
      { op: "put", key: hostile, value: hostile, process: 0, at: [0, 1] },
      { op: "get", key: hostile, process: 1, at: [2, 3], result: { kind: "value", value: hostile } },
    ]);
    history.header.description = hostile;
    const { html, data } = pageOf(history, hostile);
    // Exactly the page's own two scripts open and close; the title is escaped.
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain("<!--");
    expect(html).toContain("<title>lazarus report: &lt;/script&gt;");
    expect(embedded(html)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(data.keys).toEqual([hostile]);
  });

  it("stays in proportion to the history: under 80 kB around the data, under 250 bytes an event at 10^5", async () => {
    const small = pageOf(buildHistory("eventual", [])).html;
    expect(small.length).toBeLessThan(80_000);
    const large = pageOf(largeHistory(100_000)).html;
    expect(large.length).toBeLessThan(100_000 * 250);
  });
});
