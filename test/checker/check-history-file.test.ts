// Checking a file as it is read (what `lazarus check` does) must give the verdict, findings
// and figures that checking the whole history in memory gives, on every recorded history.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { checkHistoryFile } from "../../checker/check-history-file.ts";
import { readHistoryFile } from "../../histories/index.ts";
import { projectRoot } from "../support/cli.ts";

const folders = ["histories/examples", "histories/regressions", "histories/zoo"];
const files = folders.flatMap((folder) => readdirSync(join(projectRoot, folder)).filter((name) => name.endsWith(".jsonl")).map((name) => join(folder, name)));

describe("checkHistoryFile", () => {
  it.each(files)("checks %s as checkHistory does", async (file) => {
    const path = join(projectRoot, file);
    const read = await readHistoryFile(path);
    if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
    let heard = -1;
    const streamed = await checkHistoryFile(path, {}, (events) => (heard = events));
    expect(streamed).toEqual({ ok: true, events: read.history.events.length, check: checkHistory(read.history) });
    expect(heard).toBe(read.history.events.length);
  });

  it("returns the reader's first error, with its line", async () => {
    const streamed = await checkHistoryFile(join(projectRoot, "package.json"));
    expect(streamed.ok).toBe(false);
    if (!streamed.ok) expect(streamed.error.line).toBe(1);
  });
});

describe("checkHistoryFile's progress", () => {
  it("hears each key judged, of all keys, and the search starting at the linearizable level", async () => {
    const heard: string[] = [];
    const progress = { judged: (keys: number, of: number) => heard.push(`${keys}/${of}`), searching: () => heard.push("searching") };
    const file = files.find((name) => name.includes("linearizable"))!;
    const checked = await checkHistoryFile(join(projectRoot, file), {}, () => {}, progress);
    if (!checked.ok) throw new Error(checked.error.message);
    const keys = checked.check.statistics.keys;
    expect(heard).toEqual([...Array.from({ length: keys }, (_, i) => `${i + 1}/${keys}`), "searching"]);
  });
});
