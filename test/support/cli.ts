// Runs the `lazarus` command as a user would, in a child process from the project root.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** projectRoot is the checkout the tests run in. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** lazarus runs `node cli/bin.js ARGS…` and returns its exit code and output. */
export function lazarus(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(projectRoot, "cli/bin.js"), ...args], { cwd: projectRoot, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
