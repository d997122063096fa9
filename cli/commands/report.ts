// `lazarus report FILE -o out.html`: checks a lazarus history and writes one self-contained
// HTML page that draws it on a timeline, its anomalies beside it. Exit 0 when the page is
// written (whatever the verdict), 2 on bad input or usage, with one line naming the fix.
import { commandSummaries } from "../command-summaries.ts";
import { printable } from "../../histories/format/printable.ts";
import { answerEarly, parseCommandLine, refuse, type CommandSpec, type OptionValues } from "../args/index.ts";
import { checkHistory } from "../../checker/check-history.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import { formatHistoryError, readHistoryFile } from "../../histories/index.ts";
import type { History } from "../../model/vocabulary.ts";
import { writeReport } from "../../report/index.ts";

/** reportSpec is `lazarus report`'s command line. */
export const reportSpec: CommandSpec = {
  name: "report",
  summary: commandSummaries.report,
  operands: true,
  options: { out: { type: "string", short: "o" }, budget: { type: "string" } },
  usage: `usage: lazarus report FILE -o OUT.html [--budget STEPS]
  checks the lazarus history in FILE and writes a self-contained HTML page (no network
  needed) that draws it: a lane per client and per node on one zoomable time axis, the
  anomalies beside it; open it in a browser. lazarus check and run take --report too.
  Exit 0 when the page is written (whatever the verdict), 2 on bad input or usage.
  -o, --out  the page to write
  --budget   search steps per key at the linearizable level (default 10000000)
  example:   lazarus report histories/examples/ex2-resurrection-after-downtime-bad.jsonl -o report.html
`,
};

/** reportCommand runs `lazarus report` and returns its exit code. */
export async function reportCommand(argv: string[]): Promise<number> {
  const line = parseCommandLine(reportSpec, argv);
  if (line.kind !== "parsed") return answerEarly(reportSpec, line);
  const parsed = reportArgsFrom(line.values, line.operands);
  if (typeof parsed === "string") return refuse(reportSpec, parsed);
  const read = await readHistoryFile(parsed.file);
  if (!read.ok) {
    process.stderr.write(`lazarus report: ${formatHistoryError(read.error).replace(/\n\s*/g, "; ")}\n`);
    return 2;
  }
  const check = checkHistory(read.history, parsed.budget === undefined ? {} : { maxStepsPerPartition: parsed.budget });
  if (!(await writeReportFor("report", parsed.out, read.history, check, parsed.file))) return 2;
  process.stdout.write(`${reportedVerdict(parsed.file, check)}\n`);
  return 0;
}

/** reportedVerdict is the line `lazarus report` prints once the page is written: the file, its verdict and what the page lists. */
export function reportedVerdict(file: string, check: HistoryCheck): string {
  const found = `${check.anomalies.length} ${check.anomalies.length === 1 ? "anomaly" : "anomalies"}, ${check.explained.length} explained`;
  return `${printable(file)}: ${check.verdict} (${found})`;
}

interface ReportArgs {
  file: string;
  out: string;
  budget?: number;
}

function reportArgsFrom(values: OptionValues, positionals: string[]): ReportArgs | string {
  if (positionals.length === 0) return "no history file given; fix: name one, e.g. lazarus report history.jsonl -o report.html";
  if (positionals.length > 1) return `one history per page, but ${positionals.length} files were given; fix: run lazarus report once per file`;
  if (typeof values.out !== "string" || values.out === "") return `no page to write for ${positionals[0]}; fix: add -o report.html`;
  const args: ReportArgs = { file: positionals[0]!, out: values.out };
  if (typeof values.budget === "string") {
    const budget = Number(values.budget);
    if (!(Number.isInteger(budget) && budget > 0)) return `--budget takes a positive whole number of steps, not ${JSON.stringify(values.budget)}`;
    args.budget = budget;
  }
  return args;
}

/**
 * writeReportFor writes the report page for `lazarus COMMAND --report` (and for `report`
 * itself), says so on stderr (stdout may be JSON), or why not and the fix, and returns
 * whether it did.
 */
export async function writeReportFor(command: string, path: string, history: History, check: HistoryCheck, title: string): Promise<boolean> {
  const failed = await writeReport(path, history, check, title);
  process.stderr.write(`${printable(`lazarus ${command}: ${failed ?? `report written to ${path}: open it in a browser`}`)}\n`);
  return failed === undefined;
}
