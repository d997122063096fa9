// The command-line entry: names the subcommands and loads each one's module only when it
// runs, so that `lazarus check` never loads the simulator, nor `schema` the checker.
// Exit codes: 0 valid or done, 1 invalid, 2 bad input or usage, 3 unknown.
import { didYouMean, type CommandSpec } from "./args/index.ts";
import { commandSummaries } from "./command-summaries.ts";

/** Command is one subcommand: its command line, and what runs it. */
interface Command {
  spec: CommandSpec;
  run: (args: string[]) => Promise<number>;
}

/** commands maps each subcommand's name, in the order `lazarus --help` lists them, to a loader of its module. */
const commands = new Map<keyof typeof commandSummaries, () => Promise<Command>>([
  ["run", async () => { const m = await import("./commands/run.ts"); return { spec: m.runSpec, run: m.runCommand }; }],
  ["check", async () => { const m = await import("./commands/check.ts"); return { spec: m.checkSpec, run: m.checkCommand }; }],
  ["report", async () => { const m = await import("./commands/report.ts"); return { spec: m.reportSpec, run: m.reportCommand }; }],
  ["explore", async () => { const m = await import("./commands/explore.ts"); return { spec: m.exploreSpec, run: m.exploreCommand }; }],
  ["replay", async () => { const m = await import("./commands/replay.ts"); return { spec: m.replaySpec, run: m.replayCommand }; }],
  ["schema", async () => { const m = await import("./commands/schema.ts"); return { spec: m.schemaSpec, run: m.schemaCommand }; }],
]);

const names = [...commands.keys()];

/** commandNamed finds the command a user typed, if there is one by that name. */
function commandNamed(name: string): (() => Promise<Command>) | undefined {
  return commands.get(name as keyof typeof commandSummaries);
}

/** usage lists every command with its summary, loading none of the commands' modules. */
async function usage(): Promise<string> {
  return `usage: lazarus <command> [options]

commands:
${names.map((name) => `  ${name.padEnd(8)} ${commandSummaries[name]}`).join("\n")}

Every command takes --help (lazarus help COMMAND says the same). Exit codes: 0 valid or
done, 1 invalid, 2 bad input or usage, 3 unknown (a search ran out of budget).

examples:
  lazarus run --bug naive-delete --out history.jsonl
  lazarus check history.jsonl
  lazarus report history.jsonl -o report.html
  lazarus explore --grid grace=100,400 --grid downtime=300 --seeds 5
`;
}

/** quieted: the streams already watched, so that main may run many times in one process (tests). */
const quieted = new WeakSet<NodeJS.WriteStream>();

/**
 * quietOnClosedPipe: when the reader of our output goes away (`lazarus check … | head -1`,
 * or `2>&1 >/dev/null | head -1` for the errors), stop writing and finish quietly, with
 * the exit code the work earns, instead of crashing on EPIPE.
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
  quietOnClosedPipe(process.stderr);
  const [name, ...rest] = args;
  switch (name) {
    case undefined:
      process.stdout.write(await usage());
      return 2;
    case "--help":
    case "-h":
      process.stdout.write(await usage());
      return 0;
    case "help":
      return help(rest);
    default: {
      const load = commandNamed(name);
      if (load !== undefined) return (await load()).run(rest);
      const what = name.startsWith("-") ? `'${name}' is not a command (options go after one)` : `unknown command '${name}'${didYouMean(name, names)}`;
      process.stderr.write(`lazarus: ${what}\n${await usage()}`);
      return 2;
    }
  }
}

/** help answers `lazarus help [COMMAND]`: a command's --help, or the list of commands. */
async function help(rest: string[]): Promise<number> {
  const [name] = rest;
  if (name === undefined) {
    process.stdout.write(await usage());
    return 0;
  }
  const load = commandNamed(name);
  if (load === undefined) {
    process.stderr.write(`lazarus help: unknown command '${name}'${didYouMean(name, names)}\n${await usage()}`);
    return 2;
  }
  process.stdout.write((await load()).spec.usage);
  return 0;
}

// Run directly (npm start uses `tsx cli/main.ts`).
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
