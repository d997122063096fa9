// The command-line entry: names the subcommands and maps each to its module.
// Exit codes: 0 valid or done, 1 invalid, 2 bad input or usage, 3 unknown.
import { didYouMean, type CommandSpec } from "./args/index.ts";
import { checkCommand, checkSpec } from "./commands/check.ts";
import { exploreCommand, exploreSpec } from "./commands/explore.ts";
import { replayCommand, replaySpec } from "./commands/replay.ts";
import { reportCommand, reportSpec } from "./commands/report.ts";
import { runCommand, runSpec } from "./commands/run.ts";
import { schemaCommand, schemaSpec } from "./commands/schema.ts";

/** Command is one subcommand: its command line, and what runs it. */
interface Command {
  spec: CommandSpec;
  run: (args: string[]) => Promise<number>;
}

const commands: readonly Command[] = [
  { spec: runSpec, run: runCommand },
  { spec: checkSpec, run: checkCommand },
  { spec: reportSpec, run: reportCommand },
  { spec: exploreSpec, run: exploreCommand },
  { spec: replaySpec, run: replayCommand },
  { spec: schemaSpec, run: schemaCommand },
];

const names = commands.map((c) => c.spec.name);

const usage = `usage: lazarus <command> [options]

commands:
${commands.map((c) => `  ${c.spec.name.padEnd(8)} ${c.spec.summary}`).join("\n")}

Every command takes --help (lazarus help COMMAND says the same). Exit codes: 0 valid or
done, 1 invalid, 2 bad input or usage, 3 unknown (a search ran out of budget).

examples:
  lazarus run --bug naive-delete --out history.jsonl
  lazarus check history.jsonl
  lazarus report history.jsonl -o report.html
  lazarus explore --grid grace=100,400 --grid downtime=300 --seeds 5
`;

/** quieted: the streams already watched, so that main may run many times in one process (tests). */
const quieted = new WeakSet<NodeJS.WriteStream>();

/**
 * quietOnClosedPipe: when the reader of our output goes away (`lazarus check … | head -1`),
 * stop writing and finish quietly, with the exit code the work earns, instead of crashing
 * on EPIPE.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (quieted.has(stream)) return;
  quieted.add(stream);
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stream.write = () => true;
  });
}

/** main runs one CLI invocation and returns its exit code. */
export async function main(args: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  const [name, ...rest] = args;
  switch (name) {
    case undefined:
      process.stdout.write(usage);
      return 2;
    case "--help":
    case "-h":
      process.stdout.write(usage);
      return 0;
    case "help":
      return help(rest);
    default: {
      const command = commands.find((c) => c.spec.name === name);
      if (command !== undefined) return command.run(rest);
      const what = name.startsWith("-") ? `'${name}' is not a command (options go after one)` : `unknown command '${name}'${didYouMean(name, names)}`;
      process.stderr.write(`lazarus: ${what}\n${usage}`);
      return 2;
    }
  }
}

/** help answers `lazarus help [COMMAND]`: a command's --help, or the list of commands. */
function help(rest: string[]): number {
  const [name] = rest;
  if (name === undefined) {
    process.stdout.write(usage);
    return 0;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (command === undefined) {
    process.stderr.write(`lazarus help: unknown command '${name}'${didYouMean(name, names)}\n${usage}`);
    return 2;
  }
  process.stdout.write(command.spec.usage);
  return 0;
}

// Run directly (npm start uses `tsx cli/main.ts`).
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
