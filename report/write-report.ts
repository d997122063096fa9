// Writes a report page to a file, whole or not at all (histories/format/writing-path.ts): the
// page goes to a file beside the target and is renamed into place, so a failed write never
// leaves half a page; a FIFO or a device is written in place.
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writingPathFor } from "../histories/format/writing-path.ts";
import type { HistoryCheck } from "../checker/verdict.ts";
import type { History } from "../model/index.ts";
import { reportPage } from "./page.ts";
import { reportData } from "./report-data.ts";

/**
 * writeReport writes the report page of a checked history to `path`. It returns undefined
 * when the page is written, or a one-line reason (with a fix) when it could not be.
 */
export async function writeReport(path: string, history: History, check: HistoryCheck, title: string): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return `cannot write the report to ${JSON.stringify(path)}: it is a folder; fix: name a file, e.g. ${join(path, "report.html")}`;
  const page = reportPage(reportData(history, check, title));
  const writing = writingPathFor(path, existing);
  try {
    await writeFile(writing, page, "utf8");
    if (writing !== path) await rename(writing, path);
    return undefined;
  } catch (error) {
    if (writing !== path) await rm(writing, { force: true });
    const reason = error instanceof Error ? (error.message.split(", ")[0] ?? error.message) : String(error);
    return `cannot write the report to ${JSON.stringify(path)}: ${reason}; fix: name a file in a folder that exists and that you may write to`;
  }
}
