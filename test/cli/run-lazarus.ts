// Two ways the CLI tests run a command: in a child process without blocking (so that many
// run at once), as a user runs it; or in this process with its output captured, for the
// many cases that end before any work, where a child's second of start-up would dominate.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { vi } from "vitest";
import { projectRoot } from "../support/cli.ts";

/** CommandResult is what one command came to: its exit code and output. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** lazarusAsync runs `node cli/bin.js ARGS…` in a child process from the project root. */
export function lazarusAsync(...args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(projectRoot, "cli/bin.js"), ...args], { cwd: projectRoot, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
    });
  });
}

/** inProcess runs `command(args)` (main, or one command's function) here, capturing what it writes. */
export async function inProcess(command: (args: string[]) => Promise<number>, ...args: string[]): Promise<CommandResult> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await command(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
