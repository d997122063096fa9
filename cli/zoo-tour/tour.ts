// The tour of the bug zoo as files: docs/bug-zoo.md with its generated parts written from
// histories/zoo, and one report page per bug in docs/zoo/. `zooTour` says what they must
// hold (the test compares), `writeZooTour` writes them (`npm run zoo:tour`).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zoo } from "../../suite/bug-zoo.ts";
import { partsOf, spliceParts } from "./splice.ts";
import { summaryPart, timelinePart, verdictPart } from "./tour-parts.ts";
import { readZooCase } from "./zoo-case.ts";

/** tourPage and pagesFolder: where the tour and its report pages are, from the project root. */
export const tourPage = "docs/bug-zoo.md";
export const pagesFolder = "docs/zoo";
/** writtenBy: the command that writes the tour's generated parts, as the page and the test name it. */
export const writtenBy = "npm run zoo:tour";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** ZooTour is what the tour's files must hold: the page, and each report page by its path from the root. */
export interface ZooTour {
  markdown: string;
  pages: Map<string, string>;
}

/** zooTour reads docs/bug-zoo.md and histories/zoo under `root` and returns the tour as it must be. */
export async function zooTour(root = projectRoot): Promise<ZooTour> {
  const cases = [];
  for (const entry of zoo) cases.push(await readZooCase(root, entry));
  const parts = new Map([["summary", summaryPart(cases)]]);
  for (const c of cases) {
    parts.set(`${c.entry.bug}/timeline`, timelinePart(c));
    parts.set(`${c.entry.bug}/verdict`, verdictPart(c));
  }
  const markdown = spliceParts(readFileSync(join(root, tourPage), "utf8"), parts, writtenBy);
  return { markdown, pages: new Map(cases.map((c) => [c.pagePath, c.page])) };
}

/**
 * writeZooTour writes the tour's generated parts and pages, and removes pages of bugs no
 * longer in the zoo. It warns when a counterexample changed: the walkthrough a person
 * wrote beside it names its steps and events, and must be read again.
 */
export async function writeZooTour(root = projectRoot): Promise<void> {
  const tour = await zooTour(root);
  const before = partsOf(readFileSync(join(root, tourPage), "utf8"));
  for (const [id, text] of partsOf(tour.markdown)) {
    const old = before.get(id);
    if (id.endsWith("/timeline") && old !== undefined && old !== "" && old !== text) process.stderr.write(`${tourPage}: the counterexample of ${id.split("/")[0]} changed; read its walkthrough again\n`);
  }
  writeFileSync(join(root, tourPage), tour.markdown);
  mkdirSync(join(root, pagesFolder), { recursive: true });
  for (const name of readdirSync(join(root, pagesFolder))) {
    if (name.endsWith(".html") && !tour.pages.has(`${pagesFolder}/${name}`)) rmSync(join(root, pagesFolder, name));
  }
  for (const [path, page] of tour.pages) {
    writeFileSync(join(root, path), page);
    process.stdout.write(`${path}: ${Math.round(Buffer.byteLength(page) / 1024)} KiB\n`);
  }
  process.stdout.write(`${tourPage}: its generated parts are written\n`);
}
