// The progress of `lazarus replay`: the bytes read, then the ops simulated (a `lazarus run`
// history) or the steps played (a property-suite counterexample), then the comparison.
// It is drawn on a terminal only: a real one (a pty from util-linux `script`) shows it,
// and a pipe sees the plain answer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Progress, type ProgressStream } from "../../cli/progress.ts";
import { replayWatch } from "../../cli/replay-watch.ts";
import { parseHistoryText } from "../../histories/index.ts";
import { simulate } from "../../impl/index.ts";
import { replayHistory } from "../../suite/replay.ts";
import { lazarus, projectRoot } from "../support/cli.ts";
import { haveScript, onTerminal } from "../support/terminal.ts";

/** drawn replays `history` with its progress drawn on a stand-in terminal whose clock moves a second per reading, so every update is drawn. */
async function drawn(history: Parameters<typeof replayHistory>[0]): Promise<{ outcome: Awaited<ReturnType<typeof replayHistory>>; lines: string[] }> {
  const lines: string[] = [];
  const stream: ProgressStream = { isTTY: true, columns: 200, write: (text) => (lines.push(text), true) };
  let ms = 0;
  const progress = Progress.on(stream, "lazarus replay", () => (ms += 1000));
  const outcome = await replayHistory(history, replayWatch(progress));
  return { outcome, lines: lines.map((line) => line.replace("\r\x1b[2K", "")) };
}

describe("replayWatch", () => {
  it("draws the ops a `lazarus run` history simulates again, with rate and ETA, then the comparison", async () => {
    const history = simulate({ seed: 5, workload: { ops: 600, keys: 3 } }).history;
    const { outcome, lines } = await drawn(history);
    expect(outcome).toEqual({ kind: "same", lines: history.events.length + 1 });
    expect(lines[0]).toMatch(/^lazarus replay: 256 \/ 600 ops \(42%\), [\d.]+ ops\/s, ETA \d+s; simulating$/);
    expect(lines.at(-2)).toMatch(/^lazarus replay: 600 \/ 600 ops \(100%\), [\d.]+ ops\/s; simulating$/);
    expect(lines.at(-1)).toBe(`lazarus replay: comparing ${(history.events.length + 1).toLocaleString("en")} lines`);
  });

  it("draws each step a property-suite counterexample plays again", async () => {
    const parsed = parseHistoryText(readFileSync(join(projectRoot, "histories/zoo/naive-delete.jsonl"), "utf8"), "naive-delete.jsonl");
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { outcome, lines } = await drawn(parsed.history);
    expect(outcome).toMatchObject({ kind: "same" });
    const steps = parsed.history.header.origin!.steps!.length;
    expect(lines.slice(0, -1)).toHaveLength(steps);
    expect(lines[0]).toMatch(new RegExp(`^lazarus replay: 1 / ${steps} steps \\(${Math.floor(100 / steps)}%\\), [\\d.]+ steps/s, ETA \\d+s; playing the suite's steps$`));
    expect(lines.at(-2)).toMatch(new RegExp(`^lazarus replay: ${steps} / ${steps} steps \\(100%\\), [\\d.]+ steps/s; playing the suite's steps$`));
    expect(lines.at(-1)).toBe(`lazarus replay: comparing ${parsed.history.events.length + 1} lines`);
  });
});

const folder = mkdtempSync(join(tmpdir(), "lazarus-replay-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

if (!haveScript) console.log("skipped: the terminal replay test needs util-linux's /usr/bin/script to make a pty");

describe.skipIf(!haveScript)("lazarus replay on a real terminal", () => {
  it("shows the bytes read, then the ops simulated with rate and ETA, then clears the line; a pipe sees none", () => {
    const file = join(folder, "h.jsonl");
    lazarus("run", "--ops", "8000", "--out", file);
    const shown = onTerminal(`replay ${file}`);
    expect(shown).toMatch(/\r\x1b\[2Klazarus replay: [\d.]+ (B|KiB|MiB) \/ [\d.]+ MiB \(\d+%\)/);
    expect(shown).toMatch(/\r\x1b\[2Klazarus replay: [\d,]+ \/ 8,000 ops \(\d+%\), [\d,.]+ ops\/s/);
    expect(shown).toContain(`\r\x1b[2K${file}: replayed `);
    const piped = lazarus("replay", "histories/zoo/naive-delete.jsonl");
    expect(piped.stdout).toBe("histories/zoo/naive-delete.jsonl: replayed 16 lines, the same history byte for byte\n");
    expect(piped.stderr).not.toContain("lazarus replay:");
    expect(piped.stderr).not.toContain("\x1b[2K");
  }, 60_000);
});
