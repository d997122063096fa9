// Another store through the exported adapter interface: a three-replica map that forgets
// deletes. The suite must convict it of what it is, a naive-delete store; its saved
// counterexample names the store, and replay, which only the simulator can do, refuses it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { readHistoryFile } from "../../histories/index.ts";
import { MapAdapter } from "../../suite/map-adapter.ts";
import { replayHistory } from "../../suite/replay.ts";
import { checkSuite, describeFailure, runSuite } from "../../suite/run-suite.ts";
import { lazarus } from "../support/cli.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-map-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it("convicts a map that forgets deletes of resurrection, in a few commands", async () => {
  const outcome = await checkSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7 });
  expect(outcome.passed).toBe(false);
  const example = outcome.counterexample!;
  expect(checkHistory(example.history).anomalies.map((anomaly) => anomaly.kind)).toContain("resurrection");
  expect(example.commands).toBeLessThanOrEqual(8);
  expect(describeFailure(outcome)).toMatch(/crash m\d/);
});

it("runSuite throws the readable counterexample", async () => {
  await expect(runSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7, saveFailureTo: false })).rejects.toThrow(/resurrection at event \d+/);
});

it("saves a counterexample whose origin names the map, which lazarus replay refuses to simulate (exit 2)", async () => {
  await expect(runSuite({ create: () => new MapAdapter(), numRuns: 200, seed: 7, saveFailureTo: directory })).rejects.toThrow(/saved: /);
  const file = join(directory, "suite-failure-seed-7.jsonl");
  const read = await readHistoryFile(file);
  if (!read.ok) throw new Error(read.error.message);
  expect(read.history.header.origin?.store).toBe("map");
  expect(await replayHistory(read.history)).toMatchObject({ kind: "cannot-replay", reason: expect.stringMatching(/from the store "map", not the simulator/) });
  const replay = lazarus("replay", file);
  expect(replay.code).toBe(2);
  expect(replay.stderr).toContain('the property suite recorded it from the store "map"');
});
