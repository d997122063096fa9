// One bug of the zoo as the tour shows it: its counterexample read from histories/zoo,
// told again as the suite's timeline, checked as `lazarus check` checks it, and drawn as
// `lazarus report` draws it when run from the project root.
import { join } from "node:path";
import { checkHistory } from "../../checker/check-history.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import { formatHistoryError, readHistoryFile } from "../../histories/index.ts";
import type { AnomalyKind } from "../../model/anomaly.ts";
import type { History } from "../../model/vocabulary.ts";
import { reportData, reportPage } from "../../report/index.ts";
import type { ZooEntry } from "../../suite/bug-zoo.ts";
import { retellCounterexample, type RetoldCounterexample } from "../../suite/retold-counterexample.ts";

/** ZooCase is one bug's counterexample with everything the tour says of it. */
export interface ZooCase {
  entry: ZooEntry;
  /** file: the history's path from the project root, as the tour's commands name it. */
  file: string;
  history: History;
  check: HistoryCheck;
  retold: RetoldCounterexample;
  /** convictedAs: the kinds of the check's anomalies that name this bug, in the order found. */
  convictedAs: AnomalyKind[];
  /** pagePath: where the report page is committed, from the project root. */
  pagePath: string;
  /** page: the report page, byte for byte what `lazarus report FILE -o PAGE` writes. */
  page: string;
}

/** readZooCase reads `histories/zoo/<bug>.jsonl` under `root`; it throws when the file is missing, unreadable or not convicted of its bug. */
export async function readZooCase(root: string, entry: ZooEntry): Promise<ZooCase> {
  const file = `histories/zoo/${entry.bug}.jsonl`;
  const read = await readHistoryFile(join(root, file));
  if (!read.ok) throw new Error(`${file}: ${formatHistoryError(read.error)}`);
  const history = read.history;
  // As `lazarus check` and `lazarus report` check it: at the header's level, the default budget.
  const check = checkHistory(history);
  const convictedAs = [...new Set(check.anomalies.map((anomaly) => anomaly.kind))].filter((kind) => entry.convictedAs.includes(kind));
  if (convictedAs.length === 0) throw new Error(`${file} is not convicted of ${entry.bug} (found: ${check.verdict}); record the zoo again with npm run zoo`);
  return {
    entry,
    file,
    history,
    check,
    retold: await retellCounterexample(history),
    convictedAs,
    pagePath: `docs/zoo/${entry.bug}.html`,
    // The report command titles its page with the file as given on its command line.
    page: reportPage(reportData(history, check, file)),
  };
}
