// A history checked a group of keys at a time (what `lazarus check` does past --memory) must
// give, byte for byte, the check of the whole history in one fold: on every recorded history,
// on generated ones at every level, and on simulated runs with faults and bugs, whatever the
// size of the groups. A group that outgrows memory is split; a key that alone outgrows it is
// unknown, never a guess; a file that changed between readings is an error.
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { checkInGroups, type FirstReading, type GroupedCheck, type GroupedOptions } from "../../checker/grouped-check.ts";
import { sharedLog } from "../../checker/group-log.ts";
import { KeyCensus } from "../../checker/key-groups.ts";
import { serializeHistory, streamHistoryFile } from "../../histories/index.ts";
import { HistoryFold } from "../../model/history-context.ts";
import type { History, HistoryHeader } from "../../model/vocabulary.ts";
import { bugNames, defaultScenario, simulate, type StoreOptionsInput } from "../../impl/index.ts";
import { causalHistory } from "../support/causal-histories.ts";
import { clusterHistory, gcModes } from "../support/cluster-histories.ts";
import { atLevel, linearizableExecution } from "../support/linearizable-histories.ts";
import { purgedDeleteHistory } from "../support/purged-delete-histories.ts";
import { numRuns, seed } from "../support/property-runs.ts";
import { projectRoot } from "../support/cli.ts";

const folder = mkdtempSync(join(tmpdir(), "lazarus-grouped-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let written = 0;

function fileOf(history: History): string {
  const file = join(folder, `h${written++}.jsonl`);
  writeFileSync(file, serializeHistory(history));
  return file;
}

/** firstReading reads `file` as the first reading of a too-long history leaves it: the shared cluster log, the census, the event count. */
async function firstReading(file: string): Promise<FirstReading> {
  let fold: HistoryFold | undefined;
  let header: HistoryHeader | undefined;
  const read = await streamHistoryFile(file, {
    header: (h) => {
      header = h;
      fold = new HistoryFold(h);
    },
    event: (event) => void fold!.add(event),
  });
  if (!read.ok) throw new Error(read.error.message);
  return { header: header!, log: sharedLog(header!, fold!.log), census: KeyCensus.of(fold!.operations), events: read.events };
}

async function grouped(file: string, options: Partial<GroupedOptions> = {}) {
  return checkInGroups(await firstReading(file), { opsPerGroup: 1, memoryBytes: 2 ** 40, source: file, ...options });
}

async function expectSameCheck(history: History, opsPerGroup: number): Promise<void> {
  const checked = await grouped(fileOf(history), { opsPerGroup });
  expect(withoutGroups(checked)).toEqual({ ok: true, check: checkHistory(history) });
}

/** withoutGroups drops what only a check in groups says of itself: how many groups it read. */
function withoutGroups(checked: GroupedCheck): GroupedCheck {
  if (!checked.ok) return checked;
  const { groups: _, ...check } = checked.check;
  return { ok: true, check };
}

/** readable says whether the reader takes `history` as written: some generated histories break a rule of the file format that the spec alone does not need. */
async function readable(history: History): Promise<boolean> {
  return (await streamHistoryFile(fileOf(history), { header: () => {}, event: () => {} })).ok;
}

const recorded = ["histories/examples", "histories/regressions", "histories/zoo"].flatMap((dir) =>
  readdirSync(join(projectRoot, dir))
    .filter((name) => name.endsWith(".jsonl"))
    .map((name) => join(dir, name)),
);

describe("checkInGroups", () => {
  it.each(recorded)("checks %s as one fold does, a key at a time and three operations at a time", async (name) => {
    const file = join(projectRoot, name);
    const first = await firstReading(file);
    const whole = await grouped(file, { opsPerGroup: Number.MAX_SAFE_INTEGER });
    const keyAtATime = await grouped(file, { opsPerGroup: 1 });
    expect(withoutGroups(keyAtATime)).toEqual(withoutGroups(whole));
    expect(withoutGroups(await grouped(file, { opsPerGroup: 3 }))).toEqual(withoutGroups(whole));
    expect(whole.ok && whole.check.groups).toBe(1);
    expect(keyAtATime.ok && keyAtATime.check.groups).toBe(Math.max(1, first.census.keys));
    expect(whole.ok && whole.check.statistics).toEqual({ operations: first.census.operations, keys: first.census.keys });
  });

  const generated = fc.oneof(
    clusterHistory({ gc: gcModes, maxEvents: 24 }),
    clusterHistory({ gc: fc.constant({ mode: "timeout" as const, graceTicks: 6 }), maxEvents: 24 }),
    purgedDeleteHistory(),
    causalHistory(),
    linearizableExecution.map((draw) => atLevel(draw, "linearizable")),
    linearizableExecution.map((draw) => atLevel(draw, "quorum")),
  );
  it(`checks generated histories at every level as one fold does (seed ${seed})`, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(generated, fc.integer({ min: 1, max: 4 }), async (history, opsPerGroup) => {
        if (await readable(history)) {
          checked++;
          await expectSameCheck(history, opsPerGroup);
        }
      }),
      { seed, numRuns: numRuns(150) },
    );
    // Most generated histories are readable files; the property is not vacuous.
    expect(checked).toBeGreaterThan(numRuns(150) / 2);
  });

  const base = defaultScenario();
  const runs: Array<[string, StoreOptionsInput]> = [
    ["the default scenario", {}],
    ["a linearizable store", { linearizable: true, sloppyQuorum: false }],
    ["vector clocks", { versioning: "vector-clock" }],
    ["repair-mode GC", { gc: { mode: "repair" } }],
    ["a short grace period, so that absences breach it", { gc: { mode: "timeout", graceTicks: 20 } }],
    ...bugNames.map((bug): [string, StoreOptionsInput] => [`bug ${bug}`, { bugs: [bug] }]),
  ];
  it.each(runs)("checks a simulated run with faults (%s) as one fold does", async (_, options) => {
    const { history } = simulate({ ...base, seed: 7, ...options, workload: { ...base.workload, ops: 1500, keys: 12, ...options.workload } });
    await expectSameCheck(history, 150);
    // The breaches of a long absence list purges of keys in every group, and explain reads.
    if (options.gc?.mode === "timeout") expect(checkHistory(history).explained.filter((a) => a.read !== undefined)).not.toEqual([]);
  });

  it("splits a group that outgrows its memory and reads each half again", async () => {
    const { history } = simulate({ ...base, seed: 3, workload: { ...base.workload, ops: 400, keys: 8 } });
    let guards = 0;
    // The first group's guard trips at once; every later one never does.
    const guard = () => ({ afterEvent: (() => guards++ > 0 ? () => false : () => true)() });
    const groups: string[] = [];
    const checked = await grouped(fileOf(history), { opsPerGroup: 10_000, guard, onGroup: (group, of) => groups.push(`${group}/${of}`) });
    expect(withoutGroups(checked)).toEqual({ ok: true, check: checkHistory(history) });
    expect(groups).toEqual(["1/1", "1/2", "2/2"]);
    expect(checked.ok && checked.check.groups).toBe(2);
  });

  it("says a key whose operations alone outgrow memory is unknown, and still decides the others", async () => {
    const { history } = simulate({ ...base, seed: 3, workload: { ...base.workload, ops: 400, keys: 8 } });
    const file = fileOf(history);
    const first = await firstReading(file);
    const [big] = [...(first.census as unknown as { counts: Map<string, number> }).counts.keys()];
    const guard = () => {
      let events = 0;
      return { afterEvent: () => ++events > 100 };
    };
    // Every group's guard trips after 100 events, so every key ends alone and unknown.
    const checked = await checkInGroups(first, { opsPerGroup: 10_000, memoryBytes: 1, source: file, guard });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.check.verdict).toBe("unknown");
    expect(checked.check.unknown).toHaveLength(first.census.keys);
    expect(checked.check.unknown[0]).toEqual({ key: big, steps: 0, limit: "memory", events: 101, memoryBytes: 1 });
  });

  it("refuses a file that changed between its readings", async () => {
    const { history } = simulate({ ...base, seed: 3, workload: { ...base.workload, ops: 100, keys: 4 } });
    const file = fileOf(history);
    const first = await firstReading(file);
    appendFileSync(file, `${JSON.stringify({ kind: "barrier", time: 1e9 })}\n`);
    const checked = await checkInGroups(first, { opsPerGroup: 10_000, memoryBytes: 2 ** 40, source: file });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatchObject({ code: "changed", file, line: 0 });
  });
});
