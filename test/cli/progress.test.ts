// The progress line: drawn on a terminal only, first after a pause, then at most ten times
// a second, with amount, rate and ETA; cleared before the command's output. A real
// terminal (a pty from util-linux `script`) shows it for `lazarus run`; --json and a pipe
// never see it.
import { describe, expect, it } from "vitest";
import { amount, duration, Progress, type ProgressStream } from "../../cli/progress.ts";
import { haveScript, onTerminal } from "../support/terminal.ts";

/** terminal is a stand-in for standard error on a terminal `columns` wide, with a clock we move. */
function terminal(isTTY = true, columns = 100): { stream: ProgressStream; written: string[]; clock: { ms: number } } {
  const written: string[] = [];
  return { stream: { isTTY, columns, write: (text) => (written.push(text), true) }, written, clock: { ms: 0 } };
}

const ops = { kind: "count", name: "ops" } as const;

describe("Progress", () => {
  it("draws nothing in the first 300 ms, then amount, share, rate and ETA, at most every 100 ms", () => {
    const { stream, written, clock } = terminal();
    const progress = Progress.on(stream, "lazarus run", () => clock.ms);
    clock.ms = 200;
    progress.update(100, 1000, ops);
    expect(written).toEqual([]);
    clock.ms = 500;
    progress.update(250, 1000, ops, "simulating");
    expect(written).toEqual(["\r\x1b[2Klazarus run: 250 / 1,000 ops (25%), 500 ops/s, ETA 2s; simulating"]);
    clock.ms = 550;
    progress.update(300, 1000, ops);
    expect(written).toHaveLength(1);
    progress.finish();
    expect(written.at(-1)).toBe("\r\x1b[2K");
  });

  it("cuts a line to the terminal's width, and draws nothing off a terminal", () => {
    const { stream, written, clock } = terminal(true, 64);
    const progress = Progress.on(stream, "lazarus check", () => clock.ms);
    clock.ms = 1000;
    progress.update(5 << 20, 40 << 20, { kind: "bytes" }, `reading ${"a/".repeat(40)}h.jsonl`);
    expect(written[0]).toBe("\r\x1b[2Klazarus check: 5.0 MiB / 40.0 MiB (12%), 5.0 MiB/s, ETA 7s; re…");
    expect(written[0]!.length).toBe("\r\x1b[2K".length + 63);
    const off = terminal(false);
    const quiet = Progress.on(off.stream, "lazarus check", () => off.clock.ms);
    off.clock.ms = 1000;
    quiet.update(1, 2, ops);
    quiet.stage("checking");
    quiet.finish();
    expect(off.written).toEqual([]);
    expect(quiet.enabled).toBe(false);
  });

  it("restart begins a new stage: its rate and ETA count from then, and it draws once it has run 300 ms", () => {
    const { stream, written, clock } = terminal();
    const progress = Progress.on(stream, "lazarus check", () => clock.ms);
    clock.ms = 10_000;
    progress.stage("checking h.jsonl: 2,000 events");
    progress.restart();
    clock.ms = 10_200;
    progress.update(1, 50, { kind: "count", name: "keys" });
    expect(written).toHaveLength(1);
    clock.ms = 12_000;
    progress.update(20, 50, { kind: "count", name: "keys" }, "checking h.jsonl");
    expect(written.at(-1)).toBe("\r\x1b[2Klazarus check: 20 / 50 keys (40%), 10 keys/s, ETA 3s; checking h.jsonl");
  });

  it("words amounts and durations", () => {
    expect([amount(1234567, ops), amount(2.5, ops), amount(1536, { kind: "bytes" }), amount(12, { kind: "bytes" })]).toEqual(["1,234,567 ops", "2.5 ops", "1.5 KiB", "12 B"]);
    expect([duration(0.2), duration(42), duration(185), duration(7800)]).toEqual(["1s", "42s", "3m 05s", "2h 10m"]);
  });
});

if (!haveScript) console.log("skipped: the terminal progress test needs util-linux's /usr/bin/script to make a pty");

describe.skipIf(!haveScript)("lazarus run on a real terminal", () => {
  it("shows ops done, rate and ETA on one rewritten line, then clears it; --json shows none", () => {
    const shown = onTerminal("run --ops 8000");
    expect(shown).toMatch(/\r\x1b\[2Klazarus run: [\d,]+ \/ 8,000 ops \(\d+%\), [\d,.]+ ops\/s/);
    expect(shown).toMatch(/\r\x1b\[2Klazarus run: seed 42/);
    const json = onTerminal("run --ops 8000 --json");
    expect(json).not.toContain("ops/s");
    expect(json).not.toContain("\x1b[2K");
  });
});
