// The read rules of the last-write-wins levels, for one ok get: it names a write that
// could be seen; a value a delete had hidden once that delete took effect is resurrected;
// and at the quorum level the write it saw must not be superseded.
import type { Anomaly } from "../anomaly.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { checkFreshAbsent, checkFreshValue } from "./quorum-read.ts";
import { checkDeletedAbsent, checkWriteSource } from "./read-source.ts";
import { checkResurrection, hiddenInRealTime } from "./resurrection.ts";

/** checkLwwRead applies the read rules to one ok get; `noStaleReads` adds the quorum rule. */
export function checkLwwRead(
  context: HistoryContext,
  history: KeyHistory,
  get: Operation,
  noStaleReads: boolean,
): Anomaly | undefined {
  const result = get.result;
  if (result?.kind === "value") {
    const put = history.putByValue.get(result.value);
    return (
      checkWriteSource(get, put, () => JSON.stringify(result.value)) ??
      checkResurrection(context, history, get, put!, hiddenInRealTime) ??
      (noStaleReads ? checkFreshValue(context, history, get, put!) : undefined)
    );
  }
  return checkDeletedAbsent(history, get) ?? (noStaleReads ? checkFreshAbsent(context, history, get) : undefined);
}
