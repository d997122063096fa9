// A history whose fold passes the memory limit is checked again in groups of keys, from a
// log narrowed as it is read (only the purges made while a node may be cut off are kept
// after the limit) and then to what every group needs: the check must be the one a whole
// fold gives, wherever the limit is passed, on simulated runs with faults whose absences
// breach a short grace period and explain reads.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { GuardedFold } from "../../checker/guarded-fold.ts";
import { MemoryGuard } from "../../checker/memory-guard.ts";
import { serializeHistory, streamHistoryFile } from "../../histories/index.ts";
import { defaultScenario, simulate, type StoreOptionsInput } from "../../impl/index.ts";

const folder = mkdtempSync(join(tmpdir(), "lazarus-guarded-fold-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** TrippingGuard passes the limit at event `at`, as if the heap had then held `limitBytes` (so groups are sized from the events folded by then). */
class TrippingGuard extends MemoryGuard {
  private seen = 0;

  constructor(private readonly at: number) {
    super(2 ** 40);
  }

  override afterEvent(): boolean {
    if (++this.seen < this.at) return false;
    this.liveBytes = this.limitBytes;
    return true;
  }
}

const base = defaultScenario();
const runs: Array<[string, StoreOptionsInput]> = [
  ["a short grace period", { gc: { mode: "timeout", graceTicks: 20 } }],
  ["a short grace period and bug early-gc", { gc: { mode: "timeout", graceTicks: 30 }, bugs: ["early-gc"] }],
  ["repair-mode GC", { gc: { mode: "repair" } }],
];

describe("GuardedFold past its limit", () => {
  it.each(runs)("checks a run with faults (%s) as a whole fold does, wherever the limit is passed", async (_, options) => {
    const { history } = simulate({ ...base, seed: 11, ...options, workload: { ...base.workload, ops: 1500, keys: 12 } });
    const file = join(folder, "run.jsonl");
    writeFileSync(file, serializeHistory(history));
    const whole = checkHistory(history);
    for (const at of [1, Math.floor(history.events.length / 3), history.events.length - 1]) {
      let fold: GuardedFold | undefined;
      const read = await streamHistoryFile(file, { header: (header) => (fold = new GuardedFold(header, undefined, new TrippingGuard(at))), event: (event) => void fold!.add(event) });
      expect(read.ok).toBe(true);
      const checked = await fold!.check({}, undefined, { source: () => file });
      if (!checked.ok) throw new Error(checked.error.message);
      const { groups, ...check } = checked.check;
      expect(check, `limit passed at event ${at}`).toEqual(whole);
      expect(groups).toBeGreaterThanOrEqual(1);
    }
    // Not vacuous: absences breach the grace period (and, without the bug, explain reads).
    if (options.gc?.mode === "timeout") expect(whole.explained).not.toEqual([]);
    if (options.gc?.mode === "timeout" && options.bugs === undefined) expect(whole.explained.filter((a) => a.read !== undefined)).not.toEqual([]);
  });
});
