// `lazarus run` end to end: the main job replays byte for byte from its seed, writes a
// history that `lazarus check` judges the same way, and convicts a known bug.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lazarus } from "../support/cli.ts";


describe("lazarus run", () => {
  it("replays a seed byte for byte, and the history it writes checks the same way", () => {
    const dir = mkdtempSync(join(tmpdir(), "lazarus-run-"));
    const first = lazarus("run", "--seed", "3", "--ops", "400", "--out", join(dir, "a.jsonl"));
    const second = lazarus("run", "--seed", "3", "--ops", "400", "--out", join(dir, "b.jsonl"));
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.stdout).toContain("seed 3 (replay with --seed 3)");
    expect(readFileSync(join(dir, "a.jsonl"), "utf8")).toBe(readFileSync(join(dir, "b.jsonl"), "utf8"));
    const check = lazarus("check", join(dir, "a.jsonl"));
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(": valid (eventual; 400 operations");
  });

  it("convicts the naive-delete bug with a resurrection, exit 1", () => {
    const run = lazarus("run", "--bug", "naive-delete", "--seed", "1", "--ops", "600", "--json");
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.seed).toBe(1);
    expect(result.check.verdict).toBe("invalid");
    expect(result.check.anomalies.map((a: { kind: string }) => a.kind)).toContain("resurrection");
  });

  it("rejects an unknown bug and a bad number with usage, exit 2", () => {
    expect(lazarus("run", "--bug", "gremlins").stderr).toContain("unknown --bug");
    expect(lazarus("run", "--ops", "many").code).toBe(2);
  });
});
