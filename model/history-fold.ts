// A history taken one event at a time, keeping only what the spec's rules read: the paired
// operations and the cluster log. A reader of a long file feeds it line by line and never
// holds the events themselves, which take several times the memory of the operations.
import { isClusterEvent, type LoggedEvent } from "./cluster-log.ts";
import { prepareContext, type HistoryContext } from "./history-context.ts";
import { plainSupersession, type SupersessionIndex } from "./key-history.ts";
import { OperationPairer } from "./operations.ts";
import type { HistoryEvent, HistoryHeader } from "./vocabulary.ts";

/** HistoryFold gathers a history's operations and cluster log from its events, in order. */
export class HistoryFold {
  private readonly pairer = new OperationPairer();
  private readonly entries: LoggedEvent[] = [];
  private count = 0;

  constructor(private readonly header: HistoryHeader) {}

  /** add takes the next event of the history. */
  add(event: HistoryEvent): void {
    const index = this.count++;
    if (isClusterEvent(event)) this.entries.push({ index, event });
    else this.pairer.add(event, index);
  }

  /** context is what prepareHistory makes of the whole history: call it once, after the last event. */
  context(index: SupersessionIndex = plainSupersession): HistoryContext {
    return prepareContext(this.header, this.pairer.operations, { entries: this.entries }, index);
  }
}
