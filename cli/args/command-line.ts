// The one argument parser every `lazarus` command uses: node:util's parseArgs tokenizes,
// and this file judges the tokens, so that every command answers --help the same way and
// refuses a bad command line with one line that names the fix (an unknown option gets the
// nearest valid one, by edit distance).
import { parseArgs } from "node:util";
import { didYouMean } from "./nearest.ts";

/** OptionSpec is one option of a command: a string that takes a value, or a boolean switch. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** multiple: the option may be given more than once, and its values are collected in order. */
  multiple?: boolean;
}

/** CommandSpec is what the parser knows of a command: its options, and whether it takes operands (FILE...). */
export interface CommandSpec {
  /** name: the subcommand, e.g. "run". */
  name: string;
  /** summary: one line for `lazarus --help`. */
  summary: string;
  /** usage: the text `--help` prints, ending with an example. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** operands: whether the command takes operands (FILE...) besides its options. */
  operands: boolean;
}

/** OptionValues holds each given option by name: a string, true, or the strings of a `multiple` option. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** CommandLine is what parsing came to: the values, a request for --help, or a refusal saying why. */
export type CommandLine =
  | { kind: "parsed"; values: OptionValues; operands: string[] }
  | { kind: "help" }
  | { kind: "refused"; message: string };

const helpOption: OptionSpec = { type: "boolean", short: "h" };

/**
 * parseCommandLine reads `argv` for the command `spec`. It never throws on what a user
 * typed: --help (or -h) anywhere wins, then the first mistake is refused.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): CommandLine {
  const options: Record<string, OptionSpec> = { ...spec.options, help: helpOption };
  // Not strict: parseArgs then tokenizes anything, and the judging below words each refusal.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((t) => t.kind === "option" && t.name === "help" && t.value === undefined)) return { kind: "help" };
  const values: OptionValues = {};
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      if (!spec.operands) return refused(`unexpected argument '${token.value}'; lazarus ${spec.name} takes options only`);
      operands.push(token.value);
      continue;
    }
    const option = options[token.name];
    if (option === undefined) return refused(unknownOption(spec, token.rawName));
    const problem = valueProblem(token.rawName, option, token.value, token.inlineValue === true);
    if (problem !== undefined) return refused(problem);
    const value = option.type === "boolean" ? true : token.value!;
    if (option.multiple === true) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), value as string];
    else if (values[token.name] !== undefined && values[token.name] !== value) return refused(`${token.rawName} is given twice; give it once`);
    else values[token.name] = value;
  }
  return { kind: "parsed", values, operands };
}

function refused(message: string): CommandLine {
  return { kind: "refused", message };
}

/** unknownOption words an unknown option, with the nearest of the command's options when one is near. */
function unknownOption(spec: CommandSpec, rawName: string): string {
  const names = Object.keys(spec.options).concat("help");
  const given = rawName.replace(/^--?/, "");
  const near = rawName.startsWith("--") ? didYouMean(given, names, (name) => `--${name}`) : "";
  return `unknown option '${rawName}'${near === "" ? `; lazarus ${spec.name} --help lists the options` : near}`;
}

/**
 * valueProblem says what is wrong with an option's value. A string option must have one;
 * a value that looks like another option (`--out --json`) is refused rather than taken,
 * unless it is written `--out=--json` or is a negative number (`--initial -5`).
 */
function valueProblem(rawName: string, option: OptionSpec, value: string | undefined, inline: boolean): string | undefined {
  if (option.type === "boolean") return value === undefined ? undefined : `${rawName} is a switch and takes no value; write ${rawName} alone`;
  if (value === undefined) return `${rawName} needs a value, e.g. ${rawName} ${placeholder(rawName)}`;
  if (!inline && value.startsWith("-") && value !== "-" && !/^-\d/.test(value)) {
    return `${rawName} needs a value, but the next argument is the option '${value}'; to give a value that starts with '-', write ${rawName}=${value}`;
  }
  return undefined;
}

function placeholder(rawName: string): string {
  return rawName === "-o" || rawName === "--out" || rawName === "--report" ? "FILE" : "VALUE";
}
