#!/usr/bin/env node
// The `lazarus` command: runs the JavaScript that `npm ci` compiled and bundled into
// dist/bundle/ (npm run build). When dist/ is missing or older than the TypeScript sources (a checkout being
// edited), it runs the sources through tsx instead, a slower start, and says so on one line.
// LAZARUS_FROM=dist runs a built dist/ however old (the tests build it first, and an edit
// made while they run must not change the command under them); LAZARUS_FROM=sources runs
// the sources, without the note.
import { compiledState } from "./compiled.js";

const from = process.env.LAZARUS_FROM;
const state = from === "sources" ? { kind: "sources" } : compiledState();
let main;
if (state.kind === "fresh" || (state.kind === "stale" && from === "dist")) {
  ({ main } = await import("../dist/bundle/main.js"));
} else {
  if (state.kind !== "sources") {
    const why = state.kind === "missing" ? "dist/ is not built" : `dist/ is older than ${state.newer}`;
    process.stderr.write(`lazarus: ${why}; running the TypeScript sources through tsx (npm run build for a faster start)\n`);
  }
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
