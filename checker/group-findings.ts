// The findings of a check that judged a history's keys in groups, read again a group at a
// time (grouped-check.ts), put together as one fold of the whole history would have them.
// The groups come in key order (key-groups.ts). The spec judges a key from its own
// operations and the cluster log; of the findings about the whole history, the absences
// longer than the grace period come from one group's context (every group's log holds
// them), and those about a key's deletes (a repair overdue, a stale hint, a purge too
// early) from the group that owns the key.
import { isExplained, type Anomaly } from "../model/anomaly.ts";
import type { GcBreach } from "../model/gc-contract.ts";
import type { HistoryContext } from "../model/history-context.ts";
import { checkEarlyPurges } from "../model/rules/early-purge.ts";
import { breachAnomalies, judgeKeys } from "../model/spec.ts";
import type { HistoryHeader, Key } from "../model/vocabulary.ts";
import { concludeCheck } from "./check-history.ts";
import type { LinearizableFindings } from "./linearizable-level.ts";
import type { HistoryCheck, UndecidedKey } from "./verdict.ts";

/** GroupFound is what the rules found in one group's context. */
export interface GroupFound {
  /** unreachable: the absences longer than the grace period, from the one group asked for them. */
  unreachable?: Anomaly[];
  overdue: Anomaly[];
  staleHints: Anomaly[];
  early: Anomaly[];
  byKey: Map<Key, Anomaly[]>;
}

/**
 * groupFound applies the rules to one group's `context`: the findings about the keys it
 * `owns` (its operations' keys, and those without operations it is given), and with
 * `withUnreachable` the absences too long. `judged` hears the keys judged so far.
 */
export function groupFound(context: HistoryContext, owns: (key: Key | undefined) => boolean, withUnreachable: boolean, judged?: (keys: number) => void): GroupFound {
  const breaches = (kind: GcBreach["kind"], keep: (breach: GcBreach) => boolean = () => true) =>
    breachAnomalies(context.breaches.filter((breach) => breach.kind === kind && keep(breach)));
  const found: GroupFound = {
    overdue: breaches("repair-overdue", (breach) => breach.kind === "repair-overdue" && owns(breach.key)),
    staleHints: breaches("stale-hint", (breach) => breach.kind === "stale-hint" && owns(breach.key)),
    early: checkEarlyPurges(context).filter((anomaly) => owns(anomaly.key)),
    byKey: judgeKeys(context, judged),
  };
  if (withUnreachable) found.unreachable = breaches("unreachable-too-long");
  return found;
}

/** GroupFindings gathers the groups' findings into the findings of one check. */
export class GroupFindings {
  private unreachable: Anomaly[] | undefined;
  private readonly staleHints: Anomaly[] = [];
  private readonly overdue: Anomaly[] = [];
  private readonly early: Anomaly[] = [];
  private readonly byKey = new Map<Key, Anomaly[]>();
  private readonly search: LinearizableFindings = { anomalies: [], unknown: [], unchecked: [] };
  private readonly memoryUnknown: UndecidedKey[] = [];
  private anySearch = false;

  constructor(private readonly header: HistoryHeader) {}

  /** convicted says whether a group's search convicted a key. */
  get convicted(): boolean {
    return this.search.anomalies.some((anomaly) => !isExplained(anomaly));
  }

  /** firstGroup says whether no group brought the absences yet: the next one is asked for them. */
  get firstGroup(): boolean {
    return this.unreachable === undefined;
  }

  /** add takes one group's findings. */
  add(found: GroupFound): void {
    if (found.unreachable !== undefined) this.unreachable = found.unreachable;
    this.overdue.push(...found.overdue);
    this.staleHints.push(...found.staleHints);
    this.early.push(...found.early);
    for (const [key, anomalies] of found.byKey) this.byKey.set(key, anomalies);
  }

  /** addSearch takes one group's linearizability findings. */
  addSearch(found: LinearizableFindings): void {
    this.anySearch = true;
    this.search.anomalies.push(...found.anomalies);
    this.search.unknown.push(...found.unknown);
    this.search.unchecked.push(...found.unchecked);
  }

  /** leaveUnchecked lists the keys of a group left unread once --first found a key not linearizable. */
  leaveUnchecked(keys: readonly Key[]): void {
    this.search.unchecked.push(...keys);
  }

  /** outgrew records a key whose operations alone outgrew the memory limit. */
  outgrew(key: Key, events: number, memoryBytes: number): void {
    this.memoryUnknown.push({ key, steps: 0, limit: "memory", events, memoryBytes });
  }

  /** conclude is the check of the whole history. */
  conclude(statistics: HistoryCheck["statistics"]): HistoryCheck {
    // As one fold lists them: overdue repairs and early purges in the order of their first
    // purge, stale hints in the order of their delivery (their last event, after the purges).
    const byFirstEvent = (a: Anomaly, b: Anomaly) => a.events[0]! - b.events[0]!;
    const byLastEvent = (a: Anomaly, b: Anomaly) => a.events.at(-1)! - b.events.at(-1)!;
    // The keys that outgrew memory are undecided as a search's are, after them.
    this.search.unknown.push(...this.memoryUnknown);
    const searched = this.anySearch || this.search.unchecked.length > 0 || this.search.unknown.length > 0;
    return concludeCheck({
      header: this.header,
      wide: [...(this.unreachable ?? []), ...this.overdue.sort(byFirstEvent), ...this.staleHints.sort(byLastEvent), ...this.early.sort(byFirstEvent)],
      byKey: this.byKey,
      search: searched ? this.search : undefined,
      statistics,
    });
  }
}
