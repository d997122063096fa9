// The tour of the bug zoo is written from histories/zoo: its generated parts and report
// pages must be what `npm run zoo:tour` writes now, so the page cannot drift from the zoo,
// the suite's timeline, the checker or the report. (The docs test runs its commands.)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pagesFolder, tourPage, writtenBy, zooTour, type ZooTour } from "../../cli/zoo-tour/index.ts";
import { zoo } from "../../suite/bug-zoo.ts";
import { lazarus, projectRoot } from "../support/cli.ts";

const stale = `out of date (the zoo, the suite's timeline, the checker or the report page changed); write it again: ${writtenBy}`;
const committed = (path: string) => readFileSync(join(projectRoot, path), "utf8");
const folder = mkdtempSync(join(tmpdir(), "lazarus-zoo-tour-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe(`${tourPage} and ${pagesFolder}/`, () => {
  let tour: ZooTour;
  beforeAll(async () => {
    tour = await zooTour();
  });

  it(`${tourPage}'s generated parts are the zoo's`, () => {
    expect(committed(tourPage) === tour.markdown, `${tourPage} is ${stale}`).toBe(true);
  });

  it("holds one report page per bug, each the zoo's", () => {
    const pages = readdirSync(join(projectRoot, pagesFolder)).map((name) => `${pagesFolder}/${name}`).sort();
    expect(pages).toEqual(zoo.map((entry) => `${pagesFolder}/${entry.bug}.html`).sort());
    for (const [path, page] of tour.pages) expect(committed(path) === page, `${path} is ${stale}`).toBe(true);
  });

  it("holds the page `lazarus report` writes, byte for byte", () => {
    const [entry] = zoo;
    const out = join(folder, "page.html");
    expect(lazarus("report", `histories/zoo/${entry!.bug}.jsonl`, "-o", out).code).toBe(0);
    expect(readFileSync(out, "utf8") === committed(`${pagesFolder}/${entry!.bug}.html`), "the report command and the tour draw different pages").toBe(true);
  });
});
