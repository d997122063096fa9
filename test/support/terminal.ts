// Runs the `lazarus` command on a real terminal: a pty from util-linux `script`, so that
// standard error is a TTY and progress lines are drawn, as a person at a terminal sees them.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { projectRoot } from "./cli.ts";

/** haveScript says whether /usr/bin/script is there to make a pty; without it the terminal tests skip. */
export const haveScript = existsSync("/usr/bin/script");

/**
 * onTerminal runs `lazarus ARGS` (a shell word list) with a pty for its standard streams,
 * and returns what the terminal showed. LAZARUS_PROGRESS_AFTER_MS=0 draws from the first
 * update: a fast machine finishes the work in less than the usual 300 ms pause, and would
 * otherwise show no line.
 */
export function onTerminal(args: string): string {
  const command = `"${process.execPath}" cli/bin.js ${args}`;
  return spawnSync("/usr/bin/script", ["-qec", command, "/dev/null"], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, LAZARUS_PROGRESS_AFTER_MS: "0" } }).stdout;
}
