// A failing property leaves what one command needs to replay it: runSuite saves the shrunk
// counterexample's history with its configuration, steps, seed and path; `lazarus replay`
// records that file again byte for byte, and fast-check's seed and path reach the same
// counterexample in one run.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { parseHistoryText } from "../../histories/format/reader.ts";
import { checkSuite, runSuite } from "../../suite/run-suite.ts";
import { replayHistory } from "../../suite/replay.ts";
import { simulatorSuite } from "../../suite/simulator-suite.ts";
import { lazarus } from "../support/cli.ts";

const directory = mkdtempSync(join(tmpdir(), "lazarus-suite-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it("saves the counterexample, which lazarus replay records again and fast-check's path finds again", async () => {
  const options = simulatorSuite({ bugs: ["anti-entropy-resurrects"] }, { numRuns: 500, seed: 11, saveFailureTo: directory });
  const error = await runSuite(options).then(
    () => undefined,
    (thrown: Error) => thrown,
  );
  expect(error?.message).toMatch(/saved: .*suite-failure-seed-11\.jsonl/);
  const file = join(directory, "suite-failure-seed-11.jsonl");
  const parsed = parseHistoryText(readFileSync(file, "utf8"), file);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const origin = parsed.history.header.origin!;
  expect(origin.fastCheck?.seed).toBe(11);
  expect(await replayHistory(parsed.history)).toMatchObject({ kind: "same" });
  expect(lazarus("replay", file).code).toBe(0);

  const { seed, path, replayPath } = origin.fastCheck!;
  const again = await checkSuite({ ...options, seed, path, ...(replayPath === undefined ? {} : { replayPath }) });
  expect(again.passed).toBe(false);
  expect(again.numRuns).toBe(1);
  expect(again.counterexample!.steps).toEqual(origin.steps);
}, 60_000);
