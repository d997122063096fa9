// `lazarus run --store etcd` as a user runs it: the simulator's options are refused before
// anything starts, a machine without etcd is told how to install it (exit 2), and with
// etcd a short run records a linearizable history with faults in it and checks it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazarus, projectRoot } from "../support/cli.ts";
import { skipWithoutEtcd } from "../support/etcd.ts";

const folder = mkdtempSync(join(tmpdir(), "lazarus-run-etcd-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("lazarus run --store etcd refuses what makes no sense with etcd, exit 2", () => {
  it.each([
    [["--bug", "naive-delete"], '--bug "naive-delete" is not a bug planted in the etcd adapter; with --store etcd, --bug takes serializable-reads or cache-forgets-deletes'],
    [["--gc", "keep"], "--gc shapes the simulated store and means nothing with --store etcd; leave it out"],
    [["--linearizable"], "--linearizable shapes the simulated store"],
    [["--ops", "0"], "--ops and --clients take a positive whole number"],
    [["--clients", "many"], '--clients takes a whole number, not "many"'],
  ])("%j", (args, message) => {
    const run = lazarus("run", "--store", "etcd", ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("refuses an unknown store, and --clients without --store etcd", () => {
    expect(lazarus("run", "--store", "cassandra").stderr).toContain('--store takes simulator or etcd, not "cassandra"');
    expect(lazarus("run", "--clients", "3").stderr).toContain("--clients is for --store etcd");
  });

  it("says how to install etcd when it is not on PATH", () => {
    // An empty folder as the whole PATH: no etcd on it, nor anything else.
    const empty = join(folder, "no-etcd");
    mkdirSync(empty, { recursive: true });
    const run = spawnSync(process.execPath, [join(projectRoot, "cli/bin.js"), "run", "--store", "etcd"], { cwd: projectRoot, encoding: "utf8", env: { ...process.env, PATH: empty } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--store etcd needs the etcd server on PATH, and there is none; install it with: apt-get install etcd-server");
  });
});

describe.skipIf(skipWithoutEtcd("lazarus run --store etcd"))("lazarus run --store etcd with etcd", () => {
  it("records a linearizable history with faults and checks it valid", () => {
    const out = join(folder, "h.jsonl");
    const run = lazarus("run", "--store", "etcd", "--ops", "80", "--out", out, "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.store).toBe("etcd");
    expect(result.check.verdict).toBe("valid");
    expect(result.check.level).toBe("linearizable");
    expect(result.stats.faults.kills + result.stats.faults.pauses).toBeGreaterThan(0);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ kind: "header", consistency: "linearizable", config: { nodes: ["e1", "e2", "e3"] } });
    expect(lines.some((event) => event.kind === "crash" || event.kind === "partition")).toBe(true);
    expect(lazarus("check", out).stdout).toContain(": valid (linearizable;");
  }, 60_000);

  it("convicts a client cache that forgets deletes, exit 1", () => {
    const run = lazarus("run", "--store", "etcd", "--ops", "80", "--bug", "cache-forgets-deletes");
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain("bugs on: cache-forgets-deletes");
    expect(run.stdout).toContain("history: invalid (linearizable;");
  }, 60_000);
});
