// `lazarus check FILE...`: checks each history in one process and reports per file.
// Exit 0 all valid, 1 any invalid, 2 bad input or usage, 3 any unknown (and none worse).
import { parseArgs } from "node:util";
import { checkHistory } from "../../checker/check-history.ts";
import { checkImported, modelNames, type ModelName } from "../../checker/check-imported.ts";
import { formatCheck } from "../../checker/report.ts";
import type { HistoryCheck } from "../../checker/verdict.ts";
import { formatHistoryError, readHistoryFile } from "../../histories/index.ts";
import { detectFormat, fileLines, formatImportError, importJepsenEdn, importJepsenLog, importPorcupineKv, type ImportFormat } from "../../histories/import/index.ts";
import type { RegisterValue } from "../../model/sequential/index.ts";

const formats = ["auto", "lazarus", "jepsen-edn", "jepsen-log", "porcupine-kv"] as const;

const usage = `usage: lazarus check FILE... [--format ${formats.join("|")}] [--model ${modelNames.join("|")}]
                     [--initial VALUE] [--budget STEPS] [--json]
  --format   the files' format (default auto: told from the first lines)
  --model    the sequential model for imported histories (default: the one the history fits);
             lazarus histories are checked at the consistency level their header names
  --initial  a register model's initial value (default: absent; a number or a string)
  --budget   search steps per key before the key is left undecided, listed under "unknown"
             (default 10000000)
  --json     one JSON object per file (a single object for a single file); "unknown" lists
             the undecided keys as [{"key", "steps"}], also when the verdict is invalid
`;

interface CheckArgs {
  files: string[];
  format: (typeof formats)[number];
  model?: ModelName;
  initial: RegisterValue;
  budget?: number;
  json: boolean;
}

/** FileOutcome is what checking one file came to. */
type FileOutcome = { file: string; format?: ImportFormat; check: HistoryCheck } | { file: string; error: string };

/** checkCommand runs `lazarus check` and returns its exit code. */
export async function checkCommand(argv: string[]): Promise<number> {
  const parsed = parseCheckArgs(argv);
  if (typeof parsed === "string") {
    process.stderr.write(`lazarus check: ${parsed}\n${usage}`);
    return 2;
  }
  const outcomes: FileOutcome[] = [];
  for (const file of parsed.files) {
    const outcome = await checkFile(file, parsed);
    outcomes.push(outcome);
    if (!parsed.json) {
      if ("error" in outcome) process.stderr.write(`${outcome.error}\n`);
      else process.stdout.write(formatCheck(outcome.file, outcome.check));
    }
  }
  if (parsed.json) writeJson(outcomes);
  return exitCode(outcomes);
}

function parseCheckArgs(argv: string[]): CheckArgs | string {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "auto" },
        model: { type: "string" },
        initial: { type: "string" },
        budget: { type: "string" },
        json: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (positionals.length === 0) return "no history file given";
  const format = values.format as string;
  if (!(formats as readonly string[]).includes(format)) return `unknown --format ${JSON.stringify(format)}; expected one of ${formats.join(", ")}`;
  const model = values.model as string | undefined;
  if (model !== undefined && !(modelNames as readonly string[]).includes(model)) return `unknown --model ${JSON.stringify(model)}; expected one of ${modelNames.join(", ")}`;
  const budgetText = values.budget as string | undefined;
  const budget = budgetText === undefined ? undefined : Number(budgetText);
  if (budget !== undefined && !(Number.isInteger(budget) && budget > 0)) return `--budget takes a positive whole number of steps, not ${JSON.stringify(budgetText)}`;
  const args: CheckArgs = { files: positionals, format: format as CheckArgs["format"], initial: parseInitial(values.initial as string | undefined), json: values.json === true };
  if (model !== undefined) args.model = model as ModelName;
  if (budget !== undefined) args.budget = budget;
  return args;
}

/** parseInitial reads --initial: absent by default or for "nil"/"absent", a number when it is one. */
function parseInitial(text: string | undefined): RegisterValue {
  if (text === undefined || text === "nil" || text === "absent") return null;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

async function checkFile(file: string, args: CheckArgs): Promise<FileOutcome> {
  let format: ImportFormat;
  if (args.format === "auto") {
    const head = await firstLines(file);
    if (typeof head === "string") return { file, error: head };
    const guess = detectFormat(head);
    if (!guess.ok) return { file, error: `${file}: ${guess.message}\n  fix: ${guess.fix}` };
    format = guess.format;
  } else {
    format = args.format;
  }
  const options = args.budget === undefined ? {} : { maxStepsPerPartition: args.budget };
  if (format === "lazarus") {
    if (args.model !== undefined) {
      return { file, error: `${file}: --model applies to imported histories; a lazarus history is checked at the level its header names\n  fix: leave --model out, or change the header's "consistency"` };
    }
    const read = await readHistoryFile(file);
    if (!read.ok) return { file, error: formatHistoryError(read.error) };
    return { file, format, check: checkHistory(read.history, options) };
  }
  const importer = format === "jepsen-log" ? importJepsenLog : format === "jepsen-edn" ? importJepsenEdn : importPorcupineKv;
  let imported;
  try {
    imported = await importer(fileLines(file), { file });
  } catch (error) {
    return { file, error: `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}\n  fix: check the path and that the file is readable` };
  }
  if (!imported.ok) return { file, error: formatImportError(imported.error) };
  // Nothing to check is not "valid": the file was empty, or not what --format said.
  if (imported.history.operations.length === 0) {
    return { file, error: `${file}: no operation to check in this ${format} file\n  fix: check that the file holds a ${format} history, or leave --format out to have its format detected` };
  }
  const checked = checkImported(imported.history, args.model, args.initial, options);
  if (!checked.ok) return { file, error: `${file}: ${checked.message}\n  fix: ${checked.fix}` };
  return { file, format, check: checked.check };
}

/** firstLines reads up to 20 lines for format detection, or says why it cannot. */
async function firstLines(file: string): Promise<string[] | string> {
  const lines: string[] = [];
  try {
    for await (const line of fileLines(file)) {
      lines.push(line);
      if (lines.length >= 20) break;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${file}: cannot read: ${reason}\n  fix: check the path and that the file is readable`;
  }
  return lines;
}

function writeJson(outcomes: FileOutcome[]): void {
  const objects = outcomes.map((o) => ("error" in o ? { file: o.file, verdict: "error", error: o.error } : { file: o.file, format: o.format, ...o.check }));
  if (objects.length === 1) process.stdout.write(`${JSON.stringify(objects[0], null, 2)}\n`);
  else for (const object of objects) process.stdout.write(`${JSON.stringify(object)}\n`);
}

function exitCode(outcomes: FileOutcome[]): number {
  if (outcomes.some((o) => "error" in o)) return 2;
  if (outcomes.some((o) => "check" in o && o.check.verdict === "invalid")) return 1;
  if (outcomes.some((o) => "check" in o && o.check.verdict === "unknown")) return 3;
  return 0;
}
