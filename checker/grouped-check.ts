// Checks a history too long to fold at once, a group of keys at a time. The first reading
// kept the cluster log and counted each key's operations (guarded-fold.ts); each group's
// operations are then folded from a fresh reading of the same file and judged with that
// log, and the findings are put together as one fold of the whole history would have them
// (group-findings.ts).
import { statSync } from "node:fs";
import type { ClusterLog } from "../model/cluster-log.ts";
import { HistoryFold } from "../model/history-context.ts";
import type { HistoryEvent, HistoryHeader, Key } from "../model/vocabulary.ts";
import type { HistoryError } from "../histories/format/error.ts";
import { streamHistoryFile } from "../histories/format/reader.ts";
import { historyLine } from "../histories/format/writer.ts";
import type { CheckProgress } from "./check-history.ts";
import { GroupFindings, groupFound } from "./group-findings.ts";
import type { KeyCensus } from "./key-groups.ts";
import { checkLinearizable } from "./linearizable-level.ts";
import type { CheckOptions } from "./linearizability/index.ts";
import { collectGarbage } from "./full-gc.ts";
import { heapStatistics } from "./heap-limit.ts";
import { liveShareToPass, MemoryGuard } from "./memory-guard.ts";
import { groupLogFilter, mergedLog } from "./group-log.ts";
import { indexedSupersession } from "./supersession-index.ts";
import type { HistoryCheck } from "./verdict.ts";

/**
 * FirstReading is what the first reading of a too-long history kept: everything a group's
 * check needs besides the group's operations and the cluster events about its keys. `log`
 * is the cluster log every group shares (group-log.ts).
 */
export interface FirstReading {
  header: HistoryHeader;
  log: ClusterLog;
  census: KeyCensus;
  /** events: how many events the history holds, which every later reading must find again. */
  events: number;
}

/**
 * GroupedOptions: how many operations a group may hold at first, the memory limit of each
 * group's fold, and the file to read the history from again. `guard` makes each group's
 * memory guard (default: a MemoryGuard of `memoryBytes`).
 */
export interface GroupedOptions {
  opsPerGroup: number;
  memoryBytes: number;
  source: string;
  /** onGroup hears each group as its reading begins: its number, and the groups planned. */
  onGroup?: ((group: number, of: number) => void) | undefined;
  guard?: () => { afterEvent(): boolean };
}

/** GroupedCheck is the history's check, or the error a later reading met (the file changed, say). */
export type GroupedCheck = { ok: true; check: HistoryCheck } | { ok: false; error: HistoryError };

/**
 * checkInGroups checks the history a group of keys at a time. A group whose fold outgrows
 * the memory limit is split in two and read again; a key that alone outgrows it is
 * unknown (limit "memory"), and the other keys are still decided.
 */
export async function checkInGroups(first: FirstReading, grouped: GroupedOptions, options: CheckOptions = {}, progress?: CheckProgress): Promise<GroupedCheck> {
  const findings = new GroupFindings(first.header);
  // Even a history without operations has one group: its findings about the whole history come from a group's context.
  const queue = first.census.keys === 0 ? [[]] : first.census.groups(grouped.opsPerGroup);
  const stamps = new FileStamps();
  let planned = queue.length;
  let done = 0;
  let read = 0;
  let judged = 0;
  while (queue.length > 0) {
    const keys = queue.shift()!;
    if (findings.convicted && options.stopAtFirstInvalid === true) {
      findings.leaveUnchecked(keys);
      continue;
    }
    done++;
    grouped.onGroup?.(done, planned);
    const heard: CheckProgress | undefined = progress && { judged: (keysJudged) => progress.judged(judged + keysJudged, first.census.keys), searching: () => progress.searching() };
    // The previous group's operations are garbage now, but count as heap in use until
    // collected: this group's guard would take them for its own. (The first group follows
    // the collection that sized the groups.)
    if (read > 0) collectGarbage();
    read++;
    const outcome = await checkGroup(first, keys, grouped, stamps, findings, options, heard);
    if (outcome.kind === "error") return { ok: false, error: outcome.error };
    if (outcome.kind === "outgrew") {
      if (keys.length > 1) {
        const half = Math.ceil(keys.length / 2);
        queue.unshift(keys.slice(0, half), keys.slice(half));
        planned++;
        done--;
      } else findings.outgrew(keys[0]!, outcome.events, grouped.memoryBytes);
      continue;
    }
    judged += keys.length;
  }
  const check = findings.conclude({ operations: first.census.operations, keys: first.census.keys });
  return { ok: true, check: { ...check, groups: done } };
}

type GroupOutcome =
  | { kind: "checked" }
  | { kind: "outgrew"; events: number }
  | { kind: "error"; error: HistoryError };

/**
 * checkGroup folds and judges one group, handing its findings to `findings`. It is a
 * function of its own so that the group's operations and context die with its frame: an
 * async loop would keep them in its own until the next group's reading is done.
 */
async function checkGroup(
  first: FirstReading,
  keys: readonly Key[],
  grouped: GroupedOptions,
  stamps: FileStamps,
  findings: GroupFindings,
  options: CheckOptions,
  progress: CheckProgress | undefined,
): Promise<GroupOutcome> {
  const read = await foldGroup(first, keys, grouped, stamps, findings.firstGroup);
  if (!read.ok) return { kind: "error", error: read.error };
  if (read.fold === undefined) return { kind: "outgrew", events: read.events };
  const context = read.fold.context(indexedSupersession, mergedLog(first.log, read.fold.log));
  // A purge of a key without operations has no delete in any group: its findings come with the first group's.
  const firstGroup = findings.firstGroup;
  const inGroup = new Set(keys);
  const owns = (key: Key | undefined) => key !== undefined && (inGroup.has(key) || (firstGroup && !first.census.has(key)));
  findings.add(groupFound(context, owns, firstGroup, (keysJudged) => progress?.judged(keysJudged, keys.length)));
  if (first.header.consistency === "linearizable") {
    progress?.searching();
    // Helper threads share a search only for the partitions of one whole reading.
    findings.addSearch(checkLinearizable(context, { ...options, sharing: undefined }));
  }
  return { kind: "checked" };
}

type GroupFold = { ok: true; fold: HistoryFold | undefined; events: number } | { ok: false; error: HistoryError };

/**
 * opsPerGroupWithin is how many operations a group may hold under `memoryBytes`. The first
 * reading passed the limit holding `opsAtLimit` operations in `liveBytes` of heap (with the
 * log and the rest), so each took at most their share of it; a group gets the room that
 * what the check keeps in any case leaves now (measured after a full collection), with a
 * fifth spare. Too many only costs a group split in two and read again. It is 0 when there
 * is no room: what the check must keep already fills the limit.
 */
export function opsPerGroupWithin(memoryBytes: number, opsAtLimit: number, liveBytes: number): number {
  collectGarbage();
  const room = memoryBytes * liveShareToPass - heapStatistics().used_heap_size;
  if (room <= 0 || opsAtLimit === 0) return 0;
  return Math.max(1, Math.floor((0.8 * room * opsAtLimit) / liveBytes));
}

/**
 * foldGroup reads the history again, folding the operations on `keys`; `fold` is undefined
 * when they outgrew the memory limit. The rules between lines were checked by the first
 * reading; the file's size, time and event count show that it is still the file read then.
 */
async function foldGroup(first: FirstReading, keys: readonly Key[], grouped: GroupedOptions, stamps: FileStamps, firstGroup: boolean): Promise<GroupFold> {
  const inGroup = new Set(keys);
  const fold = new HistoryFold(first.header, { keys: inGroup, log: groupLogFilter(inGroup, first.census, firstGroup) });
  const guard = grouped.guard?.() ?? new MemoryGuard(grouped.memoryBytes);
  let sameHeader = true;
  const input = grouped.source;
  const sameFile = stamps.same(input);
  const read = await streamHistoryFile(
    input,
    {
      header: (header) => (sameHeader = historyLine(header) === historyLine(first.header)),
      event: (event: HistoryEvent) => {
        fold.add(event);
        return guard.afterEvent() ? "stop" : undefined;
      },
    },
    false,
  );
  if (!read.ok) return read;
  if (sameHeader && sameFile && read.stopped) return { ok: true, fold: undefined, events: read.events };
  if (!sameHeader || !sameFile || read.events !== first.events) {
    return {
      ok: false,
      error: {
        code: "changed",
        file: input,
        line: 0,
        field: "",
        message: `the file changed while it was checked: it held ${first.events.toLocaleString("en")} events at the first reading and ${sameHeader ? `${read.events.toLocaleString("en")} now` : "another header now"}; a history too long for the memory limit is read again for each group of keys`,
        fix: "check a file that is no longer being written, or raise --memory so that one reading is enough",
      },
    };
  }
  return { ok: true, fold, events: read.events };
}

/** FileStamps tells whether each later reading of a file finds it as the first of them did: its size and modification time. */
class FileStamps {
  private first: string | undefined;

  same(source: string): boolean {
    let stamp: string;
    try {
      const stats = statSync(source);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      return true; // the reading reports why it cannot open the file
    }
    this.first ??= stamp;
    return stamp === this.first;
  }
}
