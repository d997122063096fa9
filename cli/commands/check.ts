// `lazarus check FILE...`: checks each history in one process and reports per file.
// Exit 0 all valid, 1 any invalid, 2 bad input or usage, 3 any unknown (and none worse).
// Each file's linearizability searches are bounded by --budget steps per key and --timeout
// seconds in all, and --first stops them at the first key found not linearizable. The
// searches of an imported file are shared with helper threads (--jobs) once they turn out slow.
import { commandSummaries } from "../command-summaries.ts";
import { availableParallelism } from "node:os";
import { memoryFlag } from "../args/memory-size.ts";
import { answerEarly, countFlag, parseCommandLine, refuse, type CommandSpec, type OptionValues } from "../args/index.ts";
import { checkImported, modelNames, type ModelName } from "../../checker/check-imported.ts";
import { formatCheck } from "../../checker/report.ts";
import type { CheckProgress } from "../../checker/check-history.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import type { CheckOptions } from "../../checker/linearizability/index.ts";
import { wallClockDeadline } from "../../checker/wall-clock-deadline.ts";
import { detectFormat, formatErrorLine, HistoryInput, importerFor, isRegularFile, isStdin, printable, printableJson, printableLines, type ForeignFormat, type ImportFormat, type PlacedError } from "../../histories/import/index.ts";
import type { RegisterValue } from "../../model/sequential/index.ts";
import type { History } from "../../model/vocabulary.ts";
import type { HelperTask } from "../check-helper/helper-thread.ts";
import { MainSharing } from "../check-helper/main-sharing.ts";
import { InputCopy } from "../../histories/format/input-copy.ts";
import { Progress } from "../progress.ts";
import { openCounted } from "../progress-input.ts";

const formats = ["auto", "lazarus", "jepsen-edn", "jepsen-log", "porcupine-kv"] as const;

/** defaultTimeoutSeconds bounds a file's searches unless --timeout says otherwise: a check that a person waits on answers within it. */
const defaultTimeoutSeconds = 10;

/** checkSpec is `lazarus check`'s command line. */
export const checkSpec: CommandSpec = {
  name: "check",
  summary: commandSummaries.check,
  operands: true,
  options: {
    format: { type: "string" },
    model: { type: "string" },
    initial: { type: "string" },
    budget: { type: "string" },
    timeout: { type: "string" },
    first: { type: "boolean" },
    jobs: { type: "string" },
    memory: { type: "string" },
    json: { type: "boolean" },
    report: { type: "string" },
  },
  usage: `usage: lazarus check FILE... [--format ${formats.join("|")}] [--model ${modelNames.join("|")}]
                     [--initial VALUE] [--budget STEPS] [--timeout SECONDS|none] [--first]
                     [--jobs N] [--memory SIZE] [--json] [--report OUT.html]
  checks each history against the spec, in one process, and prints a verdict per file;
  exit 0 all valid, 1 any invalid, 2 bad input or usage, 3 any unknown (and none worse)
  FILE       a history file, a FIFO, or - for standard input; UTF-8 (a leading byte-order
             mark is skipped), lines of at most 16 MiB
  --format   the files' format (default auto: told from the first lines)
  --model    the sequential model for imported histories (default: the one the history fits);
             lazarus histories are checked at the consistency level their header names
  --initial  a register model's initial value (default: absent; a number or a string)
  --budget   search steps per key before the key is left undecided, listed under "unknown"
             (default 10000000)
  --timeout  seconds of wall-clock time a file's linearizability searches may take in all,
             cheapest keys first; the keys not decided by then are listed under "unknown",
             never invalid (default ${defaultTimeoutSeconds}; none or 0 for no limit)
  --first    stop at the first key found not linearizable, as Porcupine does: the verdict
             is invalid and the keys not checked are named (lazarus histories: the spec's
             other rules still judge every key)
  --jobs     threads an imported file's searches may use (default: the machine's cores);
             helpers start once the searches have run 0.1 s, each reading the file again;
             the verdict is the same with any number (a FIFO or standard input: one thread)
  --memory   heap a lazarus history's check may fill, such as 512m or 2g (default: 70% of
             Node's heap limit, at most 1g); a longer history is read again, a group of
             keys at a time (a pipe from a copy in the temporary folder), with the same
             result; what cannot fit even so is unknown (exit 3), never a crash
  --json     one JSON object per file (a single object for a single file); "unknown" lists
             the undecided keys as [{"key", "steps", "limit": "steps"|"time"}], also when
             the verdict is invalid (a history or a key too long for --memory: an entry
             with the key, or null, "limit": "memory", "events" read, "memoryBytes"), and
             "unchecked" the keys --first left
  --report   also write the HTML report page of one lazarus history (as lazarus report does)
  example:   lazarus check histories/examples/ex2-resurrection-after-downtime-bad.jsonl
`,
};

interface CheckArgs {
  files: string[];
  format: (typeof formats)[number];
  model?: ModelName;
  initial: RegisterValue;
  budget?: number;
  /** timeoutSeconds: null for no time limit. */
  timeoutSeconds: number | null;
  first: boolean;
  /** jobs: threads an imported file's searches may use, this one included. */
  jobs: number;
  /** memoryBytes: the heap a lazarus history's fold may fill (undefined: the guard's default). */
  memoryBytes: number | undefined;
  json: boolean;
  report?: string;
}

/** FileOutcome is what checking one file came to. */
type FileOutcome = { file: string; format?: ImportFormat; check: HistoryCheck; history?: History } | { file: string; error: string };

/** checkCommand runs `lazarus check` and returns its exit code. */
export async function checkCommand(argv: string[]): Promise<number> {
  const line = parseCommandLine(checkSpec, argv);
  if (line.kind !== "parsed") return answerEarly(checkSpec, line);
  const parsed = checkArgsFrom(line.values, line.operands);
  if (typeof parsed === "string") return refuse(checkSpec, parsed);
  const outcomes: FileOutcome[] = [];
  const progress = Progress.onStderr("lazarus check", parsed.json);
  for (const [i, file] of parsed.files.entries()) {
    const place = printable(parsed.files.length === 1 ? file : `${file} [${i + 1}/${parsed.files.length}]`);
    const outcome = await checkFile(file, parsed, progress, place);
    progress.finish();
    outcomes.push(outcome);
    if (!parsed.json) {
      if ("error" in outcome) process.stderr.write(`lazarus: ${outcome.error}\n`);
      else process.stdout.write(printableLines(formatCheck(outcome.file, outcome.check)));
    }
  }
  if (parsed.json) writeJson(outcomes);
  const [outcome] = outcomes;
  if (parsed.report !== undefined && outcome !== undefined && "check" in outcome) {
    if (outcome.history === undefined) {
      process.stderr.write(`lazarus check: --report draws lazarus histories, and ${outcome.file} is ${outcome.format}; fix: leave --report out\n`);
      return 2;
    }
    const { writeReportFor } = await import("./report.ts");
    if (!(await writeReportFor("check", parsed.report, outcome.history, outcome.check, outcome.file))) return 2;
  }
  return exitCode(outcomes);
}

function checkArgsFrom(values: OptionValues, positionals: string[]): CheckArgs | string {
  if (positionals.length === 0) return "no history file given";
  if (values.report !== undefined && positionals.length > 1) return `--report draws one history, but ${positionals.length} files were given; fix: check one file with --report`;
  const format = (values.format as string | undefined) ?? "auto";
  if (!(formats as readonly string[]).includes(format)) return `unknown --format ${JSON.stringify(format)}; expected one of ${formats.join(", ")}`;
  const model = values.model as string | undefined;
  if (model !== undefined && !(modelNames as readonly string[]).includes(model)) return `unknown --model ${JSON.stringify(model)}; expected one of ${modelNames.join(", ")}`;
  const budgetText = values.budget as string | undefined;
  const budget = budgetText === undefined ? undefined : Number(budgetText);
  if (budget !== undefined && !(Number.isInteger(budget) && budget > 0)) return `--budget takes a positive whole number of steps, not ${JSON.stringify(budgetText)}`;
  const timeout = parseTimeout(values.timeout as string | undefined);
  if (typeof timeout === "string") return timeout;
  const refused = unsafeInitial(values.initial as string | undefined);
  if (refused !== undefined) return refused;
  if (positionals.filter(isStdin).length > 1) return "standard input (- or /dev/stdin) can be read once; name it at most once";
  const jobs = countFlag(values.jobs, "--jobs", availableParallelism(), 256);
  if (typeof jobs === "string") return jobs;
  const memoryBytes = memoryFlag(values.memory as string | undefined);
  if (typeof memoryBytes === "string") return memoryBytes;
  const args: CheckArgs = {
    files: positionals,
    format: format as CheckArgs["format"],
    initial: parseInitial(values.initial as string | undefined),
    timeoutSeconds: timeout.seconds,
    first: values.first === true,
    jobs,
    memoryBytes,
    json: values.json === true,
  };
  if (model !== undefined) args.model = model as ModelName;
  if (budget !== undefined) args.budget = budget;
  if (typeof values.report === "string") args.report = values.report;
  return args;
}

/**
 * parseTimeout reads --timeout: seconds (a decimal number, 0.5 say), or none, or 0 as in
 * Porcupine, for no limit; a string is why the value is refused.
 */
function parseTimeout(text: string | undefined): { seconds: number | null } | string {
  if (text === undefined) return { seconds: defaultTimeoutSeconds };
  if (text === "none") return { seconds: null };
  const seconds = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(seconds)) return `--timeout takes a number of seconds (such as 10 or 0.5), or none for no time limit, not ${JSON.stringify(text)}`;
  return { seconds: seconds === 0 ? null : seconds };
}

/** searchOptions are the engine's limits for one file; its deadline starts with the file's first search. */
function searchOptions(args: CheckArgs): CheckOptions {
  const options: CheckOptions = {};
  if (args.budget !== undefined) options.maxStepsPerPartition = args.budget;
  if (args.timeoutSeconds !== null) options.deadline = wallClockDeadline(args.timeoutSeconds);
  if (args.first) options.stopAtFirstInvalid = true;
  return options;
}

/** unsafeInitial says why --initial is refused: an integer no double holds exactly would compare equal to its neighbours. */
function unsafeInitial(text: string | undefined): string | undefined {
  if (text === undefined || !/^-?\d+$/.test(text) || Number.isSafeInteger(Number(text))) return undefined;
  return `--initial ${text} is beyond ±(2^53 - 1), where a register's numbers would be rounded; keep it within ±9007199254740991`;
}

/** parseInitial reads --initial: absent by default or for "nil"/"absent", a number when it is one. */
function parseInitial(text: string | undefined): RegisterValue {
  if (text === undefined || text === "nil" || text === "absent") return null;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/** checkFile opens `path` once ("-" is standard input): detection peeks at its first lines and the reader gets them again, so pipes and FIFOs work. */
async function checkFile(path: string, args: CheckArgs, progress: Progress, place: string): Promise<FileOutcome> {
  // A history too long for --memory is read again for each group of keys: a regular file is
  // opened again; anything else is read again from a copy made as it is read.
  const regular = isRegularFile(path);
  const copy = regular ? undefined : new InputCopy();
  const readAgain = () => (regular ? path : copy?.path);
  const input = progress.enabled ? await countedInput(path, progress, place, copy) : HistoryInput.open(path, copy === undefined ? {} : { copy });
  try {
    // The text is made only for a line that shows: its first toLocaleString costs ~20 ms of ICU start-up.
    const keys: CheckProgress = {
      judged: (done, of) => progress.update(done, of, { kind: "count", name: "keys" }, `checking ${place}`),
      searching: () => progress.stage(`checking ${place}: searching for linearizations`),
    };
    return await checkInput(input, path, args, (what) => {
      if (progress.enabled) progress.stage(`checking ${place}: ${what()}`);
      progress.restart();
    }, keys, readAgain);
  } finally {
    await input.close();
    copy?.dispose();
  }
}

/** countedInput is the input of `path`, drawing the bytes read on the progress line. */
async function countedInput(path: string, progress: Progress, place: string, copy: InputCopy | undefined): Promise<HistoryInput> {
  let totalBytes: number | undefined;
  const counted = await openCounted(path, (bytesRead) => progress.update(bytesRead, totalBytes, { kind: "bytes" }, `reading ${place}`), copy);
  totalBytes = counted.totalBytes;
  return counted.input;
}

/**
 * checkInput reads and checks one input, opened from `path`; `stage` hears when the reading
 * is done and the check begins, `keys` how a lazarus history's check goes; `readAgain` is
 * the file to read the history from again, once it was read (undefined: none).
 */
async function checkInput(
  input: HistoryInput,
  path: string,
  args: CheckArgs,
  stage: (what: () => string) => void,
  keys: CheckProgress,
  readAgain: () => string | undefined,
): Promise<FileOutcome> {
  const file = input.name;
  let format: ImportFormat;
  if (args.format === "auto") {
    const head = await input.head(20);
    const guess = detectFormat(head.lines);
    // A file that cannot be read, or is not UTF-8, says so rather than "cannot tell the format".
    if (!guess.ok) return failed(head.failure ?? { file, line: 0, message: guess.message, fix: guess.fix });
    format = guess.format;
  } else {
    format = args.format;
  }
  const options = searchOptions(args);
  if (format === "lazarus") {
    if (args.model !== undefined) {
      return failed({ file, line: 0, message: "--model applies to imported histories; a lazarus history is checked at the level its header names", fix: 'leave --model out, or change the header\'s "consistency"' });
    }
    // Loaded here: the history format's zod schemas and the spec's rules serve lazarus histories only.
    if (args.report === undefined) {
      // Checked as it is read: the events are never held, so memory follows the operations.
      const { checkHistoryFile } = await import("../../checker/check-history-file.ts");
      const regrouping = { source: readAgain, onGroup: (group: number, of: number) => stage(() => `group of keys ${group} of ${of}`) };
      const checked = await checkHistoryFile(input, { ...options, memoryBytes: args.memoryBytes }, (events) => stage(() => `${events.toLocaleString("en")} events`), keys, regrouping);
      return checked.ok ? { file, format, check: checked.check } : failed(checked.error);
    }
    // The report draws every event, so it needs the whole history.
    const [{ readHistoryFile }, { checkHistory }] = await Promise.all([import("../../histories/index.ts"), import("../../checker/check-history.ts")]);
    const read = await readHistoryFile(input);
    if (!read.ok) return failed(read.error);
    stage(() => `${read.history.events.length.toLocaleString("en")} events`);
    return { file, format, check: checkHistory(read.history, options), history: read.history };
  }
  const imported = await importerFor(format)(input.lines(), { file });
  // The input's own failure (unreadable, not UTF-8, a line too long) is why the importer saw less.
  const failure = input.failure();
  if (failure !== undefined) return failed(failure);
  if (!imported.ok) return failed(imported.error);
  // Nothing to check is not "valid": the file was empty, or not what --format said.
  if (imported.history.operations.length === 0) {
    return failed({ file, line: 0, message: `no operation to check in this ${format} file`, fix: `check that the file holds a ${format} history, or leave --format out to have its format detected` });
  }
  stage(() => `${imported.history.operations.length.toLocaleString("en")} operations`);
  // Only a regular file can be read again by a helper thread; a FIFO or standard input is read once.
  if (args.jobs > 1 && isRegularFile(path)) options.sharing = new MainSharing(helperTask(path, format, args), args.jobs - 1);
  const checked = checkImported(imported.history, args.model, args.initial, options);
  if (!checked.ok) return failed({ file, line: 0, message: checked.message, fix: checked.fix });
  return { file, format, check: checked.check };
}

/** helperTask is what a helper thread needs to check `path` as this thread does. */
function helperTask(path: string, format: ForeignFormat, args: CheckArgs): HelperTask {
  return { file: path, format, model: args.model, initial: args.initial, budget: args.budget, first: args.first, timeoutSeconds: args.timeoutSeconds };
}

/**
 * failed renders an error on one line, control characters escaped. A file that cannot
 * be opened "cannot read", as this command has always said whatever the format.
 */
function failed(error: PlacedError & { code?: string }): FileOutcome {
  const worded = error.code === "unreadable" ? { ...error, message: error.message.replace(/^could not read the file/, "cannot read") } : error;
  return { file: error.file, error: formatErrorLine(worded) };
}

function writeJson(outcomes: FileOutcome[]): void {
  const objects = outcomes.map((o) => ("error" in o ? { file: o.file, verdict: "error", error: o.error } : { file: o.file, format: o.format, ...o.check }));
  if (objects.length === 1) process.stdout.write(`${printableJson(JSON.stringify(objects[0], null, 2))}\n`);
  else for (const object of objects) process.stdout.write(`${printableJson(JSON.stringify(object))}\n`);
}

function exitCode(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => "error" in o)) return 2;
  if (outcomes.some((o) => "check" in o && o.check.verdict === "invalid")) return 1;
  if (outcomes.some((o) => "check" in o && o.check.verdict === "unknown")) return 3;
  return 0;
}
