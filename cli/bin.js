#!/usr/bin/env node
// The `lazarus` command: loads the TypeScript entry point through tsx, so a checkout
// needs no build step after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
