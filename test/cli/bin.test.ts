// cli/bin.js picks what to run: the compiled dist/ when it is current, else the TypeScript
// sources through tsx with a one-line note. Tried in a stand-in project whose dist/ and
// sources each hold a stub `main` that says which one ran.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/cli.ts";

const root = mkdtempSync(join(tmpdir(), "lazarus-bin-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stub = (from: string) => `export async function main(args) { process.stdout.write(${JSON.stringify(from)} + " " + args.join(" ")); return 0; }\n`;
for (const folder of ["model", "impl", "checker", "histories", "cli", "report", "suite", "dist/bundle"]) mkdirSync(join(root, folder), { recursive: true });
for (const file of ["cli/bin.js", "cli/compiled.js"]) copyFileSync(join(projectRoot, file), join(root, file));
symlinkSync(join(projectRoot, "node_modules"), join(root, "node_modules"));
writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
writeFileSync(join(root, "cli/main.ts"), stub("sources"));
writeFileSync(join(root, "dist/bundle/main.js"), stub("dist"));
writeFileSync(join(root, "model/spec.ts"), "export {};\n");
/** sourcesSeconds is when the stand-in sources last changed (model/ is the first folder looked at). */
const sourcesSeconds = 1_700_000_000;
for (const source of ["model/spec.ts", "cli/main.ts"]) utimesSync(join(root, source), sourcesSeconds, sourcesSeconds);

/** stamp dates dist/ at `seconds` since the epoch (the build's start), or removes the stamp. */
function stamp(seconds: number | undefined): void {
  const path = join(root, "dist/.built");
  if (seconds === undefined) return rmSync(path, { force: true });
  writeFileSync(path, "");
  utimesSync(path, seconds, seconds);
}

function lazarus(env: Record<string, string> = {}): { stdout: string; stderr: string } {
  const { LAZARUS_FROM: _, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [join(root, "cli/bin.js"), "check", "h.jsonl"], { encoding: "utf8", env: { ...inherited, ...env } });
  return { stdout: run.stdout, stderr: run.stderr };
}

describe("cli/bin.js", () => {

  it("runs dist/ when it was built after every source changed, silently", () => {
    stamp(sourcesSeconds + 1);
    expect(lazarus()).toEqual({ stdout: "dist check h.jsonl", stderr: "" });
  });

  it("runs the sources through tsx when a source is newer, naming it on one line", () => {
    stamp(sourcesSeconds - 1);
    expect(lazarus()).toEqual({ stdout: "sources check h.jsonl", stderr: "lazarus: dist/ is older than model/spec.ts; running the TypeScript sources through tsx (npm run build for a faster start)\n" });
  });

  it("runs the sources when dist/ was never built (or its build did not finish)", () => {
    stamp(undefined);
    const run = lazarus();
    expect(run.stdout).toBe("sources check h.jsonl");
    expect(run.stderr).toMatch(/^lazarus: dist\/ is not built; running the TypeScript sources through tsx/);
  });

  it("LAZARUS_FROM=dist keeps a stale dist/, and LAZARUS_FROM=sources runs the sources without a note", () => {
    stamp(sourcesSeconds - 1);
    expect(lazarus({ LAZARUS_FROM: "dist" })).toEqual({ stdout: "dist check h.jsonl", stderr: "" });
    stamp(sourcesSeconds + 1);
    expect(lazarus({ LAZARUS_FROM: "sources" })).toEqual({ stdout: "sources check h.jsonl", stderr: "" });
  });
});
