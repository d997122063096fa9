// The command-line entry: names the subcommands and maps each to its module.
// Exit codes: 0 valid or done, 1 invalid, 2 bad input or usage, 3 unknown.
import { checkCommand } from "./commands/check.ts";
import { replayCommand } from "./commands/replay.ts";
import { reportCommand } from "./commands/report.ts";
import { runCommand } from "./commands/run.ts";
import { schemaCommand } from "./commands/schema.ts";

const usage = `usage: lazarus <command> [options]

commands:
  run      simulate the store on the built-in default scenario and check its history
  check    check recorded histories against the spec
  report   draw a checked history as a self-contained HTML page (report FILE -o OUT.html)
  replay   record a history again from its origin and compare it byte for byte
  schema   print the JSON Schema of the history format
`;

/**
 * quietOnClosedPipe: when the reader of our output goes away (`lazarus check … | head -1`),
 * stop writing and finish quietly, with the exit code the work earns, instead of crashing
 * on EPIPE.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stream.write = () => true;
  });
}

/** main runs one CLI invocation and returns its exit code. */
export async function main(args: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  const [command, ...rest] = args;
  switch (command) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    case "run":
      return runCommand(rest);
    case "check":
      return checkCommand(rest);
    case "report":
      return reportCommand(rest);
    case "replay":
      return replayCommand(rest);
    case "schema":
      return schemaCommand(rest);
    default:
      process.stderr.write(`lazarus: unknown command '${command}' (${rest.length} arguments)\n${usage}`);
      return 2;
  }
}

// Run directly (npm start uses `tsx cli/main.ts`).
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
