// What one `lazarus` command loads, as a user runs it (cli/bin.js, from dist/bundle/): the
// entry imports each command's module only when that command runs, so `check` never loads
// the simulator, nor the report page, nor (for an imported history) zod or edn-data. A
// loader hook in the child lists every file it loads, and each bundle file is read for the
// modules esbuild put in it (it names each one in a comment, "// dist/model/spec.js").
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/cli.ts";

const hooks = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) { appendFileSync(process.env.LAZARUS_TEST_LOADED, url + "\\n"); return next(url, context); }`;
const registerHooks = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;

// One folder for the file's lists and histories, removed at the end.
const folder = mkdtempSync(join(tmpdir(), "lazarus-loaded-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let lists = 0;

/** loadedBy runs `lazarus ARGS…` and returns its exit code and the module URLs it loaded, relative to the project. */
function loadedBy(...args: string[]): { code: number | null; modules: string[] } {
  const list = join(folder, `modules-${lists++}`);
  writeFileSync(list, "");
  const run = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(registerHooks)}`, join(projectRoot, "cli/bin.js"), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, LAZARUS_TEST_LOADED: list },
  });
  const files = readFileSync(list, "utf8").split("\n").filter((url) => url !== "").map((url) => url.replace(`file://${projectRoot}`, ""));
  return { code: run.status, modules: files.flatMap(modulesIn) };
}

/** modulesIn is the module a loaded file is, or, for a file of the bundle, the modules bundled in it. */
function modulesIn(file: string): string[] {
  if (!file.startsWith("dist/bundle/")) return [file];
  return [...readFileSync(join(projectRoot, file), "utf8").matchAll(/^\/\/ (dist\/\S+\.js)$/gm)].map((match) => match[1]!);
}

const under = (modules: string[], folder: string) => modules.filter((url) => url.startsWith(folder));

describe("each lazarus command loads only what it needs, from dist/", () => {
  it("check of a Porcupine kv history: no simulator, no report page, no zod, no edn-data", () => {
    const file = join(folder, "c01.txt");
    writeFileSync(file, '{:process 0, :type :invoke, :f :put, :key "1", :value "x"}\n{:process 0, :type :ok, :f :put, :key "1", :value "x"}\n');
    const { code, modules } = loadedBy("check", file);
    expect(code).toBe(0);
    expect(modules).toContain("dist/cli/commands/check.js");
    expect(under(modules, "cli/main.ts")).toEqual([]);
    expect(under(modules, "dist/impl/")).toEqual([]);
    expect(under(modules, "dist/report/")).toEqual([]);
    expect(under(modules, "node_modules/zod/")).toEqual([]);
    expect(under(modules, "node_modules/edn-data/")).toEqual([]);
    expect(under(modules, "node_modules/tsx/")).toEqual([]);
  });

  it("check of a lazarus history: the format's schemas, but no simulator and no report page", () => {
    const { code, modules } = loadedBy("check", "histories/examples/ex2-resurrection-after-downtime-bad.jsonl");
    expect(code).toBe(1);
    expect(under(modules, "dist/impl/")).toEqual([]);
    expect(under(modules, "dist/report/")).toEqual([]);
  });

  it("--help: no command's module, though it lists every command", () => {
    const { code, modules } = loadedBy("--help");
    expect(code).toBe(0);
    expect(modules.filter((module) => module.startsWith("dist/cli/commands/"))).toEqual([]);
    expect(under(modules, "dist/impl/")).toEqual([]);
    expect(under(modules, "dist/checker/")).toEqual([]);
  });

  it("schema and check --help: no checker, no simulator", () => {
    for (const args of [["schema"], ["check", "--help"]]) {
      const { code, modules } = loadedBy(...args);
      expect(code, args.join(" ")).toBe(0);
      expect(under(modules, "dist/impl/"), args.join(" ")).toEqual([]);
      if (args[0] === "schema") expect(under(modules, "dist/checker/")).toEqual([]);
    }
  });
});
