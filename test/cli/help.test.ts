// Every command's --help and the one parser's refusals, as a user meets them: `lazarus
// --help` lists every command, each command's --help ends with an example, and a mistyped
// option or command is refused (exit 2) with the nearest valid one. A few run in a child
// process, as a user runs them; the many cases run `main` in this process, which is the
// same code without a second's start-up each.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main.ts";
import { inProcess as inProcessOf, lazarusAsync, type CommandResult } from "./run-lazarus.ts";

const inProcess = (...args: string[]) => inProcessOf(main, ...args);

const commands = ["run", "check", "report", "explore", "replay", "schema"];

afterEach(() => vi.restoreAllMocks());

describe("lazarus --help", () => {
  it("lists every command with a line on what it does, exit 0; no command at all is a usage error, exit 2", async () => {
    const [help, bare, helpWord] = await Promise.all([lazarusAsync("--help"), lazarusAsync(), inProcess("help")]);
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
    expect(helpWord.stdout).toBe(help.stdout);
  });

  it("gives each command's --help, -h and `lazarus help COMMAND` the same text, with an example, exit 0", async () => {
    const runs: CommandResult[] = [];
    for (const c of commands) runs.push(await inProcess(c, "--help"), await inProcess(c, "-h"), await inProcess("help", c));
    commands.forEach((command, i) => {
      const [long, short, word] = runs.slice(3 * i, 3 * i + 3);
      expect(long!.code, command).toBe(0);
      expect(long!.stdout, command).toMatch(new RegExp(`^usage: lazarus ${command}`));
      expect(long!.stdout, command).toMatch(new RegExp(`example: +lazarus ${command}`));
      expect(short!.stdout).toBe(long!.stdout);
      expect(word!.stdout).toBe(long!.stdout);
      expect(long!.stderr).toBe("");
    });
  });
});

describe("the one parser refuses a mistyped command line, exit 2, naming the nearest valid option", () => {
  const cases: Array<[string[], string]> = [
    [["run", "--seeed", "3"], "lazarus run: unknown option '--seeed'; did you mean --seed?"],
    [["check", "--jsn", "x.jsonl"], "lazarus check: unknown option '--jsn'; did you mean --json?"],
    [["report", "--otu", "x.html", "h.jsonl"], "lazarus report: unknown option '--otu'; did you mean --out?"],
    [["explore", "--seed", "5"], "lazarus explore: unknown option '--seed'; did you mean --seeds?"],
    [["explore", "--grid", "grase=100"], "lazarus explore: --grid has no dimension 'grase'; did you mean grace?"],
    [["replay", "--jsno", "h.jsonl"], "lazarus replay: unknown option '--jsno'; lazarus replay --help lists the options"],
    [["schema", "--pretty"], "lazarus schema: unknown option '--pretty'; lazarus schema --help lists the options"],
    [["run", "--ops"], "lazarus run: --ops needs a value, e.g. --ops VALUE"],
    [["run", "--json=yes"], "lazarus run: --json is a switch and takes no value; write --json alone"],
    [["rn"], "lazarus: unknown command 'rn'; did you mean run?"],
    [["--seed", "3"], "lazarus: '--seed' is not a command (options go after one)"],
    [["help", "chekc"], "lazarus help: unknown command 'chekc'; did you mean check?"],
  ];
  it("in a child process: lazarus run --seeed 3", async () => {
    const run = await lazarusAsync("run", "--seeed", "3");
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("lazarus run: unknown option '--seeed'; did you mean --seed?");
    expect(run.stderr).toContain("usage: lazarus run");
    expect(run.stdout).toBe("");
  });

  it.each(cases.map(([args, message]) => ({ args: args.join(" "), argv: args, message })))("lazarus $args", async ({ argv, message }) => {
    const run = await inProcess(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(run.stdout).toBe("");
  });
});
