// Every example command in docs/ runs here, so the docs cannot drift. In a ```console
// block, a line `$ COMMAND` is a command (it runs lazarus: `$ lazarus check ...`, or
// `$ sed ... | lazarus check -`) and the lines under it are its output: each must appear
// in what the command prints (stdout, then stderr), in order; a line `...` stands for
// lines left out. A trailing `# exit N` says the exit code (default 0), and
// `# deep` marks a slow example, run only by `npm run test:deep`; `# etcd` one that needs
// etcd on PATH, skipped with a printed line without it (support/etcd.ts). The commands of one
// page run in order in one scratch folder (with histories/ linked in), as a reader would
// type them; the pages run side by side.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/cli.ts";
import { etcdRuns } from "../support/etcd.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const docsFolder = join(projectRoot, "docs");

/** Example is one command of a page and the output it shows. */
interface Example {
  page: string;
  line: number;
  command: string;
  exitCode: number;
  deep: boolean;
  needsEtcd: boolean;
  output: string[];
}

/** examplesOf reads the console blocks of one page. */
function examplesOf(page: string, text: string): Example[] {
  const examples: Example[] = [];
  let inConsole = false;
  text.split("\n").forEach((raw, index) => {
    if (raw.startsWith("```")) {
      inConsole = raw.trim() === "```console";
      return;
    }
    if (!inConsole) return;
    if (raw.startsWith("$ ")) {
      const comment = /\s#\s*(.*)$/.exec(raw)?.[1] ?? "";
      const exit = /exit (\d+)/.exec(comment);
      examples.push({ page, line: index + 1, command: raw.slice(2).replace(/\s#.*$/, "").trim(), exitCode: exit === null ? 0 : Number(exit[1]), deep: /\bdeep\b/.test(comment), needsEtcd: /\betcd\b/.test(comment), output: [] });
    } else if (examples.length > 0) {
      examples.at(-1)!.output.push(raw);
    }
  });
  return examples;
}

/** sh runs one command line in `cwd`, `lazarus` being this checkout's cli/bin.js. */
function sh(command: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `lazarus() { "$LAZARUS_NODE" "$LAZARUS_BIN" "$@"; }\n${command}`;
  const env = { ...process.env, LAZARUS_NODE: process.execPath, LAZARUS_BIN: join(projectRoot, "cli/bin.js") };
  return new Promise((resolve) => {
    execFile("sh", ["-c", script], { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}

/** missingLine returns the first shown line the output lacks (in order), or undefined when all are there. */
function missingLine(shown: readonly string[], output: string): string | undefined {
  const lines = output.split("\n").map((l) => l.trimEnd());
  let at = 0;
  for (const want of shown.map((l) => l.trimEnd())) {
    if (want === "" || want === "...") continue;
    const found = lines.indexOf(want, at);
    if (found < 0) return want;
    at = found + 1;
  }
  return undefined;
}

const pages = readdirSync(docsFolder).filter((name) => name.endsWith(".md")).sort();
const examplesByPage = pages.map((page) => examplesOf(page, readFileSync(join(docsFolder, page), "utf8")));

describe("the example commands in docs/", () => {
  it("are lazarus commands, and the pages have some", () => {
    const all = examplesByPage.flat();
    expect(all.length).toBeGreaterThan(10);
    for (const example of all) expect(example.command, `${example.page}:${example.line}`).toMatch(/(^|\|\s*)lazarus /);
  });

  // Start every page at once, each in its own folder: the pages wait on each other only for the cores.
  const runs = new Map(
    pages.map((page, i) => {
      const examples = examplesByPage[i]!.filter((e) => deep || !e.deep);
      const skipped = examplesByPage[i]!.length - examples.length;
      if (skipped > 0) console.log(`skipped: ${skipped} slow example(s) of docs/${page}; npm run test:deep runs them`);
      const runnable = etcdRuns() ? examples : examples.filter((e) => !e.needsEtcd);
      if (runnable.length < examples.length) console.log(`skipped: ${examples.length - runnable.length} example(s) of docs/${page} that need etcd, which is not on PATH (apt-get install etcd-server; LAZARUS_ETCD_REQUIRED=1 makes this a failure)`);
      return [page, runPage(runnable)] as const;
    }),
  );

  for (const page of pages.filter((_, i) => examplesByPage[i]!.length > 0)) {
    it(`docs/${page}: each command exits as shown and prints the lines shown`, async () => {
      const results = await runs.get(page)!;
      for (const { example, result } of results) {
        const where = `docs/${page}:${example.line}: $ ${example.command}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
        expect(result.code, where).toBe(example.exitCode);
        expect(missingLine(example.output, `${result.stdout}\n${result.stderr}`), where).toBeUndefined();
      }
      // A page's commands run one after another; the deep run adds a sweep of a minute or more.
    }, deep ? 900_000 : 180_000);
  }
});

async function runPage(examples: Example[]): Promise<Array<{ example: Example; result: { code: number; stdout: string; stderr: string } }>> {
  const folder = mkdtempSync(join(tmpdir(), "lazarus-docs-"));
  try {
    symlinkSync(join(projectRoot, "histories"), join(folder, "histories"));
    const results = [];
    for (const example of examples) results.push({ example, result: await sh(example.command, folder) });
    return results;
  } finally {
    // The outputs are kept as text, so the scratch folder goes as soon as the page is done
    // (rmSync removes the histories/ link, not what it points to).
    rmSync(folder, { recursive: true, force: true });
  }
}
