// One run of an explore sweep: simulate one cell with one seed, check the history, and
// keep only the counts the table needs (a history is too big to send between threads).
import { join } from "node:path";
import { checkHistory } from "../../checker/check-history.ts";
import { HistoryWriter } from "../../histories/index.ts";
import { simulate } from "../../impl/index.ts";
import type { History } from "../../model/vocabulary.ts";
import { cellOptions, type CellSettings } from "./dimensions.ts";

/** SeedTask is one run to do: a cell's settings and label, the seed, and where to keep a history with a bug. */
export interface SeedTask {
  settings: CellSettings;
  label: string;
  seed: number;
  ops: number;
  /** keepDirectory: write the history here when the check finds a bug. */
  keepDirectory?: string;
}

/** SeedOutcome is what one run came to, as counts. */
export interface SeedOutcome {
  verdict: "valid" | "invalid" | "unknown";
  /** bugKinds: the kinds of the unexplained anomalies, in the order found. */
  bugKinds: string[];
  /** gcReads: reads a breach of the GC contract explains (gc-grace-violation findings on a read). */
  gcReads: number;
  /** breaches: gc-grace-violation findings of any kind, a read or the breach itself. */
  breaches: number;
  /** downs: the crash-to-restart intervals, in ticks: count, sum and longest. */
  downs: { count: number; sumTicks: number; maxTicks: number };
  /** keptFile: the history written for a bug, when one was. */
  keptFile?: string;
}

/** runSeed simulates and checks one run; it throws only on a bug in the simulator or checker. */
export async function runSeed(task: SeedTask): Promise<SeedOutcome> {
  const { history } = simulate(cellOptions(task.settings, task.seed, task.ops, task.label));
  const check = checkHistory(history);
  const gcFindings = check.explained.filter((a) => a.kind === "gc-grace-violation");
  const outcome: SeedOutcome = {
    verdict: check.verdict,
    bugKinds: check.anomalies.map((a) => a.kind),
    gcReads: gcFindings.filter((a) => a.read !== undefined).length,
    breaches: gcFindings.length,
    downs: downtimes(history),
  };
  if (task.keepDirectory !== undefined && check.verdict === "invalid") {
    outcome.keptFile = join(task.keepDirectory, `${task.label.replaceAll("=", "-").replaceAll(" ", "_")}_seed-${task.seed}.jsonl`);
    const writer = HistoryWriter.toFile(outcome.keptFile);
    await writer.header(history.header);
    for (const event of history.events) await writer.event(event);
    await writer.close();
  }
  return outcome;
}

/** downtimes measures how long each crashed node stayed down, from the history itself: the check that `downtime` means what it says. */
function downtimes(history: History): SeedOutcome["downs"] {
  const crashedAt = new Map<string, number>();
  const downs = { count: 0, sumTicks: 0, maxTicks: 0 };
  for (const event of history.events) {
    if (event.kind === "crash") crashedAt.set(event.node, event.time);
    if (event.kind !== "restart") continue;
    const since = crashedAt.get(event.node);
    if (since === undefined) continue;
    crashedAt.delete(event.node);
    downs.count++;
    downs.sumTicks += event.time - since;
    downs.maxTicks = Math.max(downs.maxTicks, event.time - since);
  }
  return downs;
}
