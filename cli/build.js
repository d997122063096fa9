// `npm run build`, which `npm ci` runs too (the prepare script): compiles the TypeScript
// sources into dist/ with tsc (tsconfig.build.json), copies beside them the files they read
// at run time, bundles the command's modules into a few files in dist/bundle/ with esbuild,
// and stamps dist/ with the time the build began (cli/compiled.js). The bundle is for start-up:
// Node's module loader reads, resolves and links each file on its own, and for the ~50
// modules of a `check` that took about 15 ms of a command that aims at 0.12 s.
//   node cli/build.js     exit 0 built, 1 failed; tsc's type errors are printed and fail it,
//                         though tsc still writes dist/ and the command runs from it
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { assetPaths, bundleDirectory, compiledState, distDirectory, projectRoot, stampPath } from "./compiled.js";

/** outputsWrittenDespiteErrors is tsc's exit code when it reported errors but still wrote every output. */
const outputsWrittenDespiteErrors = 2;

/**
 * build compiles dist/ and returns "built", "type-errors" (tsc printed them and wrote
 * dist/ anyway), "failed" (dist/ unusable; why is printed), or "no-typescript" when
 * the typescript package is not installed (`npm ci --omit=dev`).
 */
export async function build() {
  const startedMs = Date.now();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    return "no-typescript";
  }
  // The old stamp stays while tsc writes: it is older than the sources that changed, so
  // dist/ counts as stale until the new one (and a failed build leaves dist/ as it was).
  const run = spawnSync(process.execPath, [tsc, "-p", join(projectRoot, "tsconfig.build.json")], { cwd: projectRoot, stdio: "inherit" });
  if (run.status !== 0 && run.status !== outputsWrittenDespiteErrors) return "failed";
  for (const asset of assetPaths) cpSync(join(projectRoot, asset), join(distDirectory, asset), { recursive: true });
  if (!(await bundle())) return "failed";
  writeFileSync(stampPath, "");
  utimesSync(stampPath, startedMs / 1000, startedMs / 1000);
  return run.status === 0 ? "built" : "type-errors";
}

/**
 * bundle writes dist/bundle/ from dist/cli/main.js: one file per command, loaded when the
 * command runs, and chunks they share; packages stay outside. A module that finds files
 * beside itself (assets, the explore worker) through import.meta.url still finds them: in
 * each module, import.meta.url is replaced by the URL of its compiled file in dist/,
 * reached from the bundle's own place, so the checkout may move after it is built.
 * Returns false, with esbuild's errors printed, when it fails.
 */
async function bundle() {
  const esbuild = await import("esbuild");
  rmSync(bundleDirectory, { recursive: true, force: true });
  const ownUrl = {
    name: "own-import-meta-url",
    setup(build) {
      build.onLoad({ filter: /\/dist\/.*\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const fromBundle = relative(bundleDirectory, args.path).split("\\").join("/");
        return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: "js" };
      });
    },
  };
  try {
    await esbuild.build({
      entryPoints: [join(distDirectory, "cli/main.js")],
      outdir: bundleDirectory,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      plugins: [ownUrl],
      logLevel: "error",
    });
    return true;
  } catch {
    return false; // esbuild printed why
  }
}

/**
 * buildIfStale builds dist/ unless it is current, so that the tests and benchmarks run the
 * command a user runs: it throws when the build leaves no usable dist/.
 */
export async function buildIfStale() {
  const state = compiledState();
  if (state.kind === "fresh") return;
  const outcome = await build();
  if (outcome === "failed" || outcome === "no-typescript") throw new Error(`dist/ could not be built (${outcome}); the lazarus command would run the sources through tsx`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await build();
  if (outcome === "no-typescript") {
    process.stderr.write("lazarus build: typescript is not installed (npm ci --omit=dev?), so dist/ is not built; the lazarus command runs the sources through tsx\n");
  }
  if (outcome === "type-errors") process.stderr.write("lazarus build: tsc found the type errors above; dist/ is written anyway, and the lazarus command runs from it\n");
  if (outcome === "failed") process.stderr.write("lazarus build: tsc failed, dist/ is not usable; the lazarus command runs the sources through tsx until a build succeeds\n");
  process.exitCode = outcome === "built" || outcome === "no-typescript" ? 0 : 1;
}
