// How every command answers before it does its work: --help on standard output (exit 0),
// a refused command line on standard error with the usage (exit 2).
import { printable } from "../../histories/import/index.ts";
import type { CommandLine, CommandSpec } from "./command-line.ts";

/** answerEarly answers --help or a refusal for `spec` and returns the exit code. */
export function answerEarly(spec: CommandSpec, line: Exclude<CommandLine, { kind: "parsed" }>): number {
  if (line.kind === "help") {
    process.stdout.write(spec.usage);
    return 0;
  }
  return refuse(spec, line.message);
}

/** refuse prints `lazarus NAME: MESSAGE` and the usage on standard error, and returns 2. */
export function refuse(spec: CommandSpec, message: string): number {
  process.stderr.write(`lazarus ${spec.name}: ${printable(message)}\n${spec.usage}`);
  return 2;
}
