// The generated parts of the bug-zoo tour (docs/bug-zoo.md), one bug at a time: the
// counterexample as the suite printed it, then the checker's verdict, the commands that
// show it (with their output, which the docs test runs and compares), and the report page.
import { formatCheck } from "../../checker/report.ts";
import { printableLines } from "../../histories/import/index.ts";
import type { ClusterConfig } from "../../model/vocabulary.ts";
import { sameHistory } from "../commands/replay.ts";
import { reportedVerdict } from "../commands/report.ts";
import type { ZooCase } from "./zoo-case.ts";

/** summaryPart is a table with one row per bug: what convicts it, how long its counterexample is, its page. */
export function summaryPart(cases: readonly ZooCase[]): string {
  const rows = cases.map((c) => `| [${c.entry.bug}](#${c.entry.bug}) | ${kinds(c)} | ${stepCount(c)} steps, ${c.history.events.length} events | ${pageLink(c)} |`);
  return ["| bug | convicted as | counterexample | report page |", "| --- | --- | --- | --- |", ...rows, "", ""].join("\n");
}

/** timelinePart is the counterexample's configuration, then its timeline and finding as the suite printed them. */
export function timelinePart(c: ZooCase): string {
  return [
    `\`${c.file}\`: ${stepCount(c)} steps on ${describeCluster(c.history.header.config)}; ${c.history.events.length} events.`,
    "",
    "```text",
    c.retold.timeline,
    c.retold.finding,
    "```",
    "",
  ].join("\n");
}

/** verdictPart is the checker's verdict, the commands that show it with their output, and a link to the report page. */
export function verdictPart(c: ZooCase): string {
  const page = `${c.entry.bug}.html`;
  return [
    `The checker's verdict: **${c.check.verdict}**, convicted of ${kinds(c)}. These commands check the history, replay it and draw it (in a checkout, type \`npx lazarus\`):`,
    "",
    "```console",
    `$ lazarus check ${c.file}  # exit 1`,
    printableLines(formatCheck(c.file, c.check)).trimEnd(),
    `$ lazarus replay ${c.file}`,
    sameHistory(c.file, c.history.events.length + 1),
    `$ lazarus report ${c.file} -o ${page}`,
    reportedVerdict(c.file, c.check),
    "```",
    "",
    `The report page, as the last command writes it when run from the project root: ${pageLink(c)}.`,
    "",
  ].join("\n");
}

function kinds(c: ZooCase): string {
  return c.convictedAs.map((kind) => `\`${kind}\``).join(" and ");
}

function stepCount(c: ZooCase): number {
  return c.history.header.origin?.steps?.length ?? 0;
}

function pageLink(c: ZooCase): string {
  const link = c.pagePath.replace(/^docs\//, "");
  return `[${link}](${link}) (${Math.round(Buffer.byteLength(c.page) / 1024)} KiB)`;
}

/** describeCluster says what a tour reader needs of the configuration: size, quorums, versioning, repair and GC. */
function describeCluster(config: ClusterConfig): string {
  const versioning = config.versioning === "lww" ? "last-write-wins timestamps" : "vector clocks";
  const gc = `GC ${config.gc.mode}${config.gc.graceTicks === undefined ? "" : ` (grace ${config.gc.graceTicks} ticks)`}`;
  return `${config.nodes.length} nodes (N=${config.replicationFactor}, R=${config.readQuorum}, W=${config.writeQuorum}, ${config.sloppyQuorum ? "sloppy" : "strict"} quorum, ${versioning}, read repair ${config.readRepair}, ${gc})`;
}
