// The report page as a person uses it, in headless Chromium: open a report of a
// resurrection from a file, choose the anomaly, and see its events highlighted and in
// view; hover for an event's JSON; filter by key. Hostile strings stay text, and a history
// of 10^5 events loads and answers. The screenshot is kept in reports/ (git ignores it).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import { defaultScenario, simulate } from "../../impl/index.ts";
import type { History } from "../../model/index.ts";
import { writeReport } from "../../report/index.ts";
import { projectRoot } from "../support/cli.ts";
import { buildHistory } from "../support/history-builder.ts";
import { launchChromium, skipWithoutChromium } from "./chromium.ts";
import { largeHistory } from "./large-history.ts";

const skip = skipWithoutChromium("the report's browser tests");
const directory = mkdtempSync(join(tmpdir(), "lazarus-report-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** ReportHooks is the page's window.__lazarusReport, as the tests read it. */
interface ReportHooks {
  ready: boolean;
  highlightedEvents(): number[];
  visibleRange(): { startTicks: number; endTicks: number };
  eventBox(index: number): { x: number; y: number; width: number; height: number } | null;
  drawNow(): { drawnItems: number; milliseconds: number };
}

// The callbacks given to page.evaluate run in the page, where `window` is the browser's;
// the project compiles without the DOM library, so the tests name the part they read.
declare const window: { __lazarusReport: ReportHooks; __pwned?: boolean };

describe.skipIf(skip)("the report page in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** openReport writes the page of a checked history and opens it from its file, failing on any script error or request off the file. */
  async function openReport(name: string, history: History, check: HistoryCheck, title = name): Promise<Page> {
    const file = join(directory, `${name}.html`);
    expect(await writeReport(file, history, check, title)).toBeUndefined();
    const page = await browser.newPage({ viewport: { width: 1500, height: 820 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("request", (request) => {
      if (!request.url().startsWith("file:")) problems.push(`request to ${request.url()}`);
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => window.__lazarusReport?.ready === true, null, { timeout: 30_000 });
    expect(problems).toEqual([]);
    return page;
  }

  it("highlights a resurrection's events and brings them into view when the anomaly is chosen (seed 1, naive-delete)", async () => {
    const { history } = simulate({ ...defaultScenario(), seed: 1, bugs: ["naive-delete"] });
    const check = checkHistory(history);
    const anomaly = check.anomalies[0]!;
    expect(anomaly.kind).toBe("resurrection");
    const page = await openReport("resurrection", history, check, "lazarus run --bug naive-delete --seed 1");
    await page.click('[data-testid="anomaly-0"]');
    const state = await page.evaluate(() => ({ highlighted: window.__lazarusReport.highlightedEvents(), range: window.__lazarusReport.visibleRange() }));
    expect(state.highlighted).toEqual([...anomaly.events].sort((a, b) => a - b));
    for (const index of anomaly.events) {
      const time = history.events[index]!.time;
      expect(time).toBeGreaterThanOrEqual(state.range.startTicks);
      expect(time).toBeLessThanOrEqual(state.range.endTicks);
    }
    // Drawn on screen too: the resurrecting read's bar is inside the canvas, and hovering it shows its JSON.
    const read = anomaly.read!;
    const box = await page.evaluate((index) => window.__lazarusReport.eventBox(index), read);
    const canvas = (await page.locator("#lanes").boundingBox())!;
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(canvas.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    mkdirSync(join(projectRoot, "reports"), { recursive: true });
    await page.screenshot({ path: join(projectRoot, "reports/report-resurrection.png") });
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect.poll(() => page.locator("#tooltip").isVisible()).toBe(true);
    expect(await page.locator("#tooltip").textContent()).toContain(`"kind": "complete"`);
    // The key filter tells the key's story: every operation and cluster event on it.
    await page.fill("#key-filter", anomaly.key!);
    const touches = history.events.filter((event) => "key" in event && event.key === anomaly.key && event.kind !== "complete").length;
    expect(await page.locator("#key-story ol.story > li").count()).toBe(touches);
    await page.close();
  });

  it("shows hostile keys and values as text, never running them", async () => {
    const hostile = "</script><script>window.__pwned = true</script><!--";
    const history = buildHistory("eventual", [
      { op: "put", key: hostile, value: hostile, process: 0, at: [0, 1] },
      { op: "delete", key: hostile, process: 1, at: [2, 3] },
      { op: "get", key: hostile, process: 2, at: [4, 5], result: { kind: "value", value: hostile } },
    ], [{ kind: "barrier", time: 3 }]);
    history.header.description = hostile;
    const page = await openReport("hostile", history, checkHistory(history));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await page.click('[data-testid="anomaly-0"]');
    expect(await page.locator('[data-testid="anomaly-0"] .key').textContent()).toBe(hostile);
    await page.close();
  });

  it("loads a history of 10^5 events, draws it, zooms and answers its hooks", async () => {
    const history = largeHistory(100_000);
    const page = await openReport("large", history, checkHistory(history));
    const whole = await page.evaluate(() => window.__lazarusReport.drawNow());
    expect(whole.drawnItems).toBeGreaterThan(1000);
    await page.mouse.move(700, 400);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -400);
    const zoomed = await page.evaluate(() => ({ range: window.__lazarusReport.visibleRange(), frame: window.__lazarusReport.drawNow() }));
    expect(zoomed.range.endTicks - zoomed.range.startTicks).toBeLessThan(history.events.at(-1)!.time / 4);
    // Only what is visible is drawn.
    expect(zoomed.frame.drawnItems).toBeLessThan(whole.drawnItems);
    await page.click('[data-testid="anomaly-0"]');
    expect((await page.evaluate(() => window.__lazarusReport.highlightedEvents())).length).toBeGreaterThan(0);
    await page.close();
  });
});
