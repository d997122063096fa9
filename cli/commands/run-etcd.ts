// `lazarus run --store etcd`: starts three etcd members on 127.0.0.1, plays a run against
// them (the suite's steps, among kills, pauses, compactions and barriers), records the
// history, checks it at the linearizable level and prints both, as the simulated run does.
// The run is real: the seed fixes the schedule of steps, not etcd's timing, so the same
// seed need not give the same history.
import { printable, printableJson } from "../../histories/format/printable.ts";
import { execFileSync } from "node:child_process";
import { checkHistory } from "../../checker/check-history.ts";
import { formatCheck } from "../../checker/report.ts";
import type { History } from "../../model/vocabulary.ts";
import { defaultMemberTiming, EtcdAdapter, EtcdCluster, etcdBugNames, findEtcd, installEtcdHint, isEtcdBugName, runEtcdWorkload, type EtcdBugName, type EtcdWorkloadResult } from "../../suite/etcd/index.ts";
import { refuse, type OptionValues } from "../args/index.ts";
import { Progress } from "../progress.ts";
import { writeReportFor } from "./report.ts";
import { openTarget, runSpec, wholeNumber, writeHistory } from "./run.ts";

/** EtcdRunArgs is a parsed `lazarus run --store etcd` command line. */
interface EtcdRunArgs {
  ops: number;
  clients: number;
  seed: number;
  bugs: EtcdBugName[];
  out?: string;
  report?: string;
  budget?: number;
  json: boolean;
}

/** simulatorOnly: the options that shape the simulated store, which etcd does not have. */
const simulatorOnly = ["versioning", "linearizable", "read-quorum", "write-quorum", "gc", "read-repair"] as const;
const defaultOps = 300;
const maxOps = 100_000;
const maxClients = 50;
/** maxSeed: fast-check, which draws the steps, takes 32-bit seeds. */
const maxSeed = 2 ** 31 - 1;

/** runEtcdCommand runs `lazarus run --store etcd` from its parsed options and returns its exit code. */
export async function runEtcdCommand(values: OptionValues): Promise<number> {
  const args = etcdRunArgsFrom(values);
  if (typeof args === "string") return refuse(runSpec, args);
  const binary = findEtcd();
  if (binary === undefined) {
    process.stderr.write(`lazarus run: --store etcd needs the etcd server on PATH, and there is none; ${installEtcdHint}\n`);
    return 2;
  }
  const target = args.out === undefined ? undefined : await openTarget(args.out);
  if (typeof target === "string") {
    process.stderr.write(`lazarus run: cannot write --out ${JSON.stringify(args.out)}: ${target}\n  fix: name a file in a folder that exists and that you may write to\n`);
    return 2;
  }
  const progress = Progress.onStderr("lazarus run", args.json);
  progress.stage("starting 3 etcd members on 127.0.0.1");
  const result = await withCluster(binary, async (cluster) => {
    const adapter = new EtcdAdapter(cluster, { namespace: `lazarus-run/${process.pid}-${Date.now()}`, bugs: args.bugs });
    try {
      return await runEtcdWorkload(adapter, { ops: args.ops, clients: args.clients, seed: args.seed, progress: (done) => progress.update(done, args.ops, { kind: "count", name: "ops" }) });
    } finally {
      await adapter.close();
    }
  });
  if (typeof result === "string") {
    progress.finish();
    process.stderr.write(`lazarus run: ${result}\n`);
    return 2;
  }
  const history = result.history;
  if (target !== undefined) {
    progress.stage(`writing ${history.events.length.toLocaleString("en")} events to ${args.out}`);
    const failed = await writeHistory(target, history);
    if (failed !== undefined) {
      progress.finish();
      process.stderr.write(`lazarus run: writing --out ${JSON.stringify(args.out)} failed: ${failed}; nothing was left half written\n`);
      return 2;
    }
  }
  progress.stage(`checking ${history.events.length.toLocaleString("en")} events`);
  const check = checkHistory(history, args.budget === undefined ? {} : { maxStepsPerPartition: args.budget });
  progress.finish();
  const stats = runStats(result);
  if (args.json) {
    process.stdout.write(`${printableJson(JSON.stringify({ store: "etcd", seed: args.seed, etcd: etcdVersion(binary), stats, check }, null, 2))}\n`);
  } else {
    process.stdout.write(describeEtcdRun(args, etcdVersion(binary), history, stats));
    process.stdout.write(formatCheck("history", check));
  }
  if (args.report !== undefined && !(await writeReportFor("run", args.report, history, check, `lazarus run --store etcd, seed ${args.seed}`))) return 2;
  return check.verdict === "valid" ? 0 : check.verdict === "invalid" ? 1 : 3;
}

/** etcdRunArgsFrom reads the options a run against etcd takes, and refuses the simulator's own. */
function etcdRunArgsFrom(values: OptionValues): EtcdRunArgs | string {
  if (values.store !== "etcd") return `--store takes simulator or etcd, not ${JSON.stringify(values.store)}`;
  const simulated = simulatorOnly.find((name) => values[name] !== undefined);
  if (simulated !== undefined) return `--${simulated} shapes the simulated store and means nothing with --store etcd; leave it out`;
  const bugs = (values.bug as string[] | undefined) ?? [];
  const unknown = bugs.find((bug) => !isEtcdBugName(bug));
  if (unknown !== undefined) return `--bug ${JSON.stringify(unknown)} is not a bug planted in the etcd adapter; with --store etcd, --bug takes ${etcdBugNames.join(" or ")}`;
  if (new Set(bugs).size < bugs.length) return "--bug names a bug twice; name each bug once";
  const numbers: Record<string, number> = {};
  for (const [flag, fallback, max] of [["ops", defaultOps, maxOps], ["clients", 3, maxClients], ["seed", 1, maxSeed]] as const) {
    const value = wholeNumber(values[flag] as string | undefined, `--${flag}`, max);
    if (typeof value === "string") return value;
    numbers[flag] = value ?? fallback;
  }
  if (numbers["ops"]! < 1 || numbers["clients"]! < 1) return "--ops and --clients take a positive whole number";
  const budget = wholeNumber(values.budget as string | undefined, "--budget");
  if (typeof budget === "string") return budget;
  if (budget !== undefined && budget < 1) return "--budget takes a positive whole number of steps";
  return {
    ops: numbers["ops"]!,
    clients: numbers["clients"]!,
    seed: numbers["seed"]!,
    bugs: bugs as EtcdBugName[],
    json: values.json === true,
    ...(typeof values.out === "string" ? { out: values.out } : {}),
    ...(typeof values.report === "string" ? { report: values.report } : {}),
    ...(budget === undefined ? {} : { budget }),
  };
}

/**
 * withCluster starts the fixture, runs `work` on it and stops it, also when `work` throws
 * or the user interrupts (Ctrl-C); a cluster that does not start is returned as its reason.
 */
async function withCluster<T>(binary: string, work: (cluster: EtcdCluster) => Promise<T>): Promise<T | string> {
  let cluster: EtcdCluster;
  try {
    cluster = await EtcdCluster.start({ binary });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const interrupted = (signal: NodeJS.Signals) => {
    void cluster.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    return await work(cluster);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await cluster.stop();
  }
}

/** EtcdRunStats: what the run did, for the summary and --json. */
interface EtcdRunStats {
  opsInvoked: number;
  opsOk: number;
  opsFail: number;
  opsInfo: number;
  seconds: number;
  opsPerSecond: number;
  events: number;
  faults: EtcdWorkloadResult["faults"];
}

function runStats(result: EtcdWorkloadResult): EtcdRunStats {
  const completions = result.history.events.flatMap((event) => (event.kind === "complete" ? [event.outcome] : []));
  const invoked = result.history.events.filter((event) => event.kind === "invoke").length;
  const count = (outcome: string) => completions.filter((o) => o === outcome).length;
  return {
    opsInvoked: invoked,
    opsOk: count("ok"),
    opsFail: count("fail"),
    opsInfo: count("info"),
    seconds: Number(result.seconds.toFixed(2)),
    opsPerSecond: Number((invoked / result.seconds).toFixed(1)),
    events: result.history.events.length,
    faults: result.faults,
  };
}

function describeEtcdRun(args: EtcdRunArgs, version: string, history: History, stats: EtcdRunStats): string {
  const f = stats.faults;
  const lines = [
    `lazarus run --store etcd: seed ${args.seed} (it fixes the schedule of steps; etcd's timing differs from run to run)`,
    `  cluster: ${version}, ${history.header.config.nodes.length} members on 127.0.0.1 (heartbeat ${defaultMemberTiming.heartbeatMs} ms, election timeout ${defaultMemberTiming.electionMs} ms), ${args.clients} clients${args.bugs.length > 0 ? `, bugs on: ${args.bugs.join(", ")}` : ""}`,
    `  promises: ${history.header.consistency}`,
    `  ran ${stats.opsInvoked} ops in ${stats.seconds.toFixed(1)} s (${stats.opsPerSecond} ops/s): ${stats.opsOk} ok, ${stats.opsFail} fail, ${stats.opsInfo} info; ${stats.events} events, ${f.barriers} barriers`,
    `  faults: ${f.kills} kill -9 and ${f.restarts} restarts, ${f.pauses} pauses (SIGSTOP) and ${f.resumes} resumes (SIGCONT), ${f.compactions} compactions, ${f.defragmentations} defragmentations`,
  ];
  if (args.out !== undefined) lines.push(`  history written to ${printable(args.out)} (check it again with: npx lazarus check ${printable(args.out)})`);
  return `${lines.join("\n")}\n`;
}

/** etcdVersion is the first line etcd prints for --version, e.g. "etcd 3.4.23". */
function etcdVersion(binary: string): string {
  try {
    const text = execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 5000 });
    const version = /etcd Version:\s*(\S+)/.exec(text)?.[1];
    return version === undefined ? "etcd" : `etcd ${version}`;
  } catch {
    return "etcd";
  }
}
