// Checks a lazarus history as it is read, for histories too long to hold: each event goes
// into the spec's fold (its operations and cluster log) and is then dropped, so memory
// grows with the operations, not with the events and their text; past the memory limit
// (options.memoryBytes) the history is read again a group of keys at a time, or the check
// is unknown rather than a crash (guarded-fold.ts).
import type { HistoryError } from "../histories/format/error.ts";
import { streamHistoryFile } from "../histories/format/reader.ts";
import type { HistoryInput } from "../histories/format/input.ts";
import type { CheckProgress } from "./check-history.ts";
import { GuardedFold, type Regrouping } from "./guarded-fold.ts";
import type { CheckOptions } from "./linearizability/index.ts";
import type { HistoryCheck } from "./verdict.ts";

/** FileCheck is a history file's check and how many events it held, or the reader's first error. */
export type FileCheck = { ok: true; check: HistoryCheck; events: number } | { ok: false; error: HistoryError };

/**
 * checkHistoryFile reads and checks the lazarus history at `source`, as checkHistory
 * checks a history in memory; `onRead` hears the number of events once reading is done.
 * `regrouping` says how to read the history again, for a check a group of keys at a time
 * when it outgrows the memory limit; without it, such a check is unknown.
 */
export async function checkHistoryFile(
  source: string | HistoryInput,
  options: CheckOptions & { memoryBytes?: number } = {},
  onRead: (events: number) => void = () => {},
  progress?: CheckProgress,
  regrouping?: Regrouping,
): Promise<FileCheck> {
  let fold: GuardedFold | undefined;
  const read = await streamHistoryFile(source, {
    header: (header) => (fold = new GuardedFold(header, options.memoryBytes)),
    event: (event) => fold!.add(event),
  });
  if (!read.ok) return read;
  onRead(read.events);
  const checked = await fold!.check(options, progress, regrouping);
  return checked.ok ? { ...checked, events: read.events } : checked;
}
