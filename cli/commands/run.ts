// `lazarus run`: simulates the store on the built-in default scenario (or with a few
// knobs changed), checks the recorded history against the spec, and prints both. The
// seed is printed so that any run replays byte for byte.
import { commandSummaries } from "../command-summaries.ts";
import { printable, printableJson } from "../../histories/format/printable.ts";
import { open, rename, rm, stat } from "node:fs/promises";
import { writingPathFor } from "../../histories/format/writing-path.ts";
import { formatErrorLine } from "../../histories/format/error.ts";
import { isRegularFile } from "../../histories/format/file-chunks.ts";
import { formatCheck } from "../../checker/report.ts";
import { HistoryWriter } from "../../histories/index.ts";
// bugs.ts alone, for the usage: the rest of the etcd run is loaded only for --store etcd.
import { etcdBugNames } from "../../suite/etcd/bugs.ts";
import { bugNames, defaultScenario, resolveOptions, simulate, validateOptions, type BugName, type Stats, type StoreOptionsInput } from "../../impl/index.ts";
import type { ConsistencyLevel, GcMode, History, HistoryHeader, ReadRepairMode } from "../../model/vocabulary.ts";
import { memoryFlag } from "../args/memory-size.ts";
import { answerEarly, parseCommandLine, refuse, type CommandSpec, type OptionValues } from "../args/index.ts";
import { Progress } from "../progress.ts";
import { RunRecording } from "../run-recording.ts";
import { writeReportFor } from "./report.ts";

/** runSpec is `lazarus run`'s command line. */
export const runSpec: CommandSpec = {
  name: "run",
  summary: commandSummaries.run,
  operands: false,
  options: {
    seed: { type: "string" },
    ops: { type: "string" },
    bug: { type: "string", multiple: true },
    versioning: { type: "string" },
    linearizable: { type: "boolean" },
    "read-quorum": { type: "string" },
    "write-quorum": { type: "string" },
    gc: { type: "string" },
    "read-repair": { type: "string" },
    budget: { type: "string" },
    memory: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    report: { type: "string" },
    store: { type: "string" },
    clients: { type: "string" },
  },
  usage: `usage: lazarus run [--seed N] [--ops N] [--bug NAME]... [--versioning lww|vector-clock]
                   [--linearizable] [--read-quorum R] [--write-quorum W] [--gc MODE]
                   [--read-repair sync|async|off] [--budget STEPS] [--memory SIZE] [--out FILE]
                   [--json] [--report OUT.html] [--store simulator|etcd] [--clients N]
  runs the built-in default scenario (5 nodes, N=3, faults on), records its history,
  checks it against the spec and prints both; exit 0 valid, 1 invalid, 3 unknown
  --store         simulator (default), or etcd: three etcd members on 127.0.0.1, driven for
                  real among kills, pauses and compactions, checked linearizable (docs/etcd.md);
                  it takes --ops (default 300), --clients N (default 3), --seed, --out, --json,
                  --budget, --report and --bug ${etcdBugNames.join(" or ")}
  --seed          the seed (default: the scenario's); the same seed replays the same run
  --ops           client operations to run (default: the scenario's)
  --bug           turn on a known bug: ${bugNames.join(", ")}
  --versioning    last-write-wins timestamps or vector clocks with siblings
  --linearizable  strict quorums, read-before-write, synchronous read repair
  --read-quorum, --write-quorum
                  R and W (default 2 and 2 of N=3); R+W<=N promises eventual consistency only
  --gc            tombstone GC: keep, timeout (default, grace 200 ticks), repair or immediate
  --read-repair   whether a get repairs stale replicas: sync, async (default) or off
  --budget        search steps per key at the linearizable level before a key is unknown
  --memory        heap the check's fold of the history may fill, such as 512m or 2g (default:
                  70% of Node's heap limit, at most 1g); past it the run goes on writing
                  --out, and its check reads --out again a group of keys at a time (without
                  --out it is unknown, exit 3), never a crash
  --out           also write the history (JSON Lines) to FILE, for lazarus check
  --json          print {seed, stats, check} as JSON
  --report        also write the HTML report page of the run (as lazarus report does)
  example:        lazarus run --bug naive-delete --seed 3 --out history.jsonl
`,
};

/** runCommand runs `lazarus run` and returns its exit code. */
export async function runCommand(argv: string[]): Promise<number> {
  const line = parseCommandLine(runSpec, argv);
  if (line.kind !== "parsed") return answerEarly(runSpec, line);
  if (line.values.store !== undefined && line.values.store !== "simulator") {
    // Loaded only when asked for: a run against etcd brings its own cluster fixture and client.
    const { runEtcdCommand } = await import("./run-etcd.ts");
    return runEtcdCommand(line.values);
  }
  const parsed = runArgsFrom(line.values);
  if (typeof parsed === "string") return refuse(runSpec, parsed);
  const { options, out, json, budget, report, memoryBytes } = parsed;
  // Found out before the simulation runs: a path that cannot be written.
  const target = out === undefined ? undefined : await openTarget(out);
  if (typeof target === "string") {
    process.stderr.write(`${printable(`lazarus run: cannot write --out ${JSON.stringify(out)}: ${target}`)}\n  fix: name a file in a folder that exists and that you may write to\n`);
    return 2;
  }
  const progress = Progress.onStderr("lazarus run", json);
  // The events go to --out as they happen and are not held: the check needs only what the
  // fold keeps. --report draws every event, so only then is the whole history kept.
  const recording = new RunRecording(progress, resolveOptions(options).workload.ops, target?.writing, report !== undefined, memoryBytes);
  let stats: Stats;
  try {
    stats = simulate(options, recording).stats;
    recording.finishFile();
    if (target !== undefined && target.writing !== target.path) await rename(target.writing, target.path);
  } catch (error) {
    if (target === undefined || !isFileSystemError(error)) throw error;
    progress.finish();
    if (target.writing !== target.path) await rm(target.writing, { force: true });
    process.stderr.write(`${printable(`lazarus run: writing --out ${JSON.stringify(out)} failed: ${error.message}; nothing was left half written`)}\n`);
    return 2;
  }
  progress.stage(`checking ${recording.events.toLocaleString("en")} events`);
  // Past the memory limit the check reads --out again, a group of keys at a time; a FIFO or a device can be read once.
  const source = () => (target !== undefined && isRegularFile(target.path) ? target.path : undefined);
  const onGroup = (group: number, of: number) => progress.stage(`checking ${recording.events.toLocaleString("en")} events: group of keys ${group} of ${of}`);
  const checked = await recording.check(budget === undefined ? {} : { maxStepsPerPartition: budget }, { source, onGroup });
  progress.finish();
  if (!checked.ok) {
    process.stderr.write(`${formatErrorLine(checked.error)}\n`);
    return 2;
  }
  const check = checked.check;
  const header = recording.recorded;
  if (json) {
    process.stdout.write(`${printableJson(JSON.stringify({ seed: header.seed, stats, check }, null, 2))}\n`);
  } else {
    process.stdout.write(describeRun(header, recording.events, stats, out));
    process.stdout.write(formatCheck("history", check));
  }
  const history = recording.history();
  if (report !== undefined && history !== undefined && !(await writeReportFor("run", report, history, check, `lazarus run, seed ${header.seed}`))) return 2;
  return check.verdict === "valid" ? 0 : check.verdict === "invalid" ? 1 : 3;
}

/** RunArgs is a parsed `lazarus run` command line. */
export interface RunArgs {
  options: StoreOptionsInput;
  out?: string;
  budget?: number;
  /** memoryBytes: the heap the check's fold may fill (absent: the guard's default). */
  memoryBytes?: number;
  json: boolean;
  report?: string;
}

const maxOps = 10_000_000;
const gcModes: readonly GcMode[] = ["keep", "timeout", "repair", "immediate"];
const readRepairModes: readonly ReadRepairMode[] = ["sync", "async", "off"];

/** parseRunArgs reads a `lazarus run` command line into options, or says what is wrong with it (--help included). */
export function parseRunArgs(argv: string[]): RunArgs | string {
  const line = parseCommandLine(runSpec, argv);
  if (line.kind === "help") return "--help asks for the usage, not a run";
  return line.kind === "refused" ? line.message : runArgsFrom(line.values);
}

/** runArgsFrom turns parsed `lazarus run` options into the run's options, or says what is wrong with them. */
function runArgsFrom(values: OptionValues): RunArgs | string {
  if (values.clients !== undefined) return "--clients is for --store etcd; the simulated run's clients come from its scenario";
  const options = defaultScenario();
  const seed = wholeNumber(values.seed as string | undefined, "--seed");
  if (typeof seed === "string") return seed;
  if (seed !== undefined) options.seed = seed;
  // The check keeps every operation in memory (about 400 bytes each): past 10^7 they no longer fit a default heap.
  const ops = wholeNumber(values.ops as string | undefined, "--ops", maxOps);
  if (typeof ops === "string") return ops;
  if (ops !== undefined) options.workload = { ...options.workload, ops };
  const bugs = (values.bug as string[] | undefined) ?? [];
  const unknown = bugs.find((bug) => !(bugNames as readonly string[]).includes(bug));
  if (unknown !== undefined) return `unknown --bug ${JSON.stringify(unknown)}; expected one of ${bugNames.join(", ")}`;
  const twice = bugs.find((bug, i) => bugs.indexOf(bug) !== i);
  if (twice !== undefined) return `--bug ${twice} is given twice; name each bug once`;
  options.bugs = bugs as BugName[];
  const versioning = values.versioning as string | undefined;
  if (versioning !== undefined && versioning !== "lww" && versioning !== "vector-clock") return `--versioning takes lww or vector-clock, not ${JSON.stringify(versioning)}`;
  if (versioning !== undefined) options.versioning = versioning;
  // Linearizable mode needs strict quorums and timestamps; the default scenario is sloppy.
  if (values.linearizable === true && versioning === "vector-clock") return "--linearizable needs last-write-wins timestamps; leave out --versioning vector-clock";
  if (values.linearizable === true) Object.assign(options, { linearizable: true, sloppyQuorum: false, versioning: "lww" });
  for (const [flag, field] of [["read-quorum", "readQuorum"], ["write-quorum", "writeQuorum"]] as const) {
    const quorum = wholeNumber(values[flag] as string | undefined, `--${flag}`);
    if (typeof quorum === "string") return quorum;
    if (quorum !== undefined) options[field] = quorum;
  }
  const gc = oneOf(values.gc as string | undefined, gcModes);
  if (gc === null) return `--gc takes one of ${gcModes.join(", ")}, not ${JSON.stringify(values.gc)}`;
  if (gc !== undefined) options.gc = { ...options.gc, mode: gc };
  const readRepair = oneOf(values["read-repair"] as string | undefined, readRepairModes);
  if (readRepair === null) return `--read-repair takes one of ${readRepairModes.join(", ")}, not ${JSON.stringify(values["read-repair"])}`;
  if (readRepair !== undefined) options.readRepair = readRepair;
  const problems = validateOptions(resolveOptions(options));
  if (problems.length > 0) return problems.map((p) => p.message).join("; ");
  const args: RunArgs = { options, json: values.json === true };
  if (typeof values.out === "string") args.out = values.out;
  if (typeof values.report === "string") args.report = values.report;
  const budget = wholeNumber(values.budget as string | undefined, "--budget");
  if (typeof budget === "string") return budget;
  if (budget !== undefined) {
    if (budget < 1) return "--budget takes a positive whole number of steps";
    args.budget = budget;
  }
  const memoryBytes = memoryFlag(values.memory as string | undefined);
  if (typeof memoryBytes === "string") return memoryBytes;
  if (memoryBytes !== undefined) args.memoryBytes = memoryBytes;
  return args;
}

/** oneOf reads a flag that names one of `allowed`: undefined when absent, null when not allowed. */
function oneOf<T extends string>(text: string | undefined, allowed: readonly T[]): T | undefined | null {
  if (text === undefined) return undefined;
  return (allowed as readonly string[]).includes(text) ? (text as T) : null;
}

/** wholeNumber reads a flag's whole number: undefined when absent, a string saying what is wrong. */
export function wholeNumber(text: string | undefined, flag: string, max = Number.MAX_SAFE_INTEGER): number | undefined | string {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) return `${flag} takes a whole number, not ${JSON.stringify(text)}`;
  const value = Number(text);
  return value <= max ? value : `${flag} takes at most ${max.toLocaleString("en")}, not ${text}`;
}

/**
 * OutTarget is where --out goes. A regular file is written beside itself (`writing`) and
 * renamed into place once complete, so that a crash never leaves half a history; a
 * device or pipe is written in place.
 */
export interface OutTarget {
  path: string;
  writing: string;
}

/** openTarget checks that --out can be written, creating the file it will write; a string says why not. */
export async function openTarget(path: string): Promise<OutTarget | string> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) return "it is a folder";
  const writing = writingPathFor(path, existing);
  try {
    await (await open(writing, "w")).close();
  } catch (error) {
    return error instanceof Error ? (error.message.split(", ")[0] ?? error.message) : String(error);
  }
  return { path, writing };
}

/** writeHistory writes the history to its target; a string says why it failed (the partial file is removed). */
export async function writeHistory(target: OutTarget, history: History): Promise<string | undefined> {
  try {
    const writer = HistoryWriter.toFile(target.writing);
    await writer.header(history.header);
    for (const event of history.events) await writer.event(event);
    await writer.close();
    if (target.writing !== target.path) await rename(target.writing, target.path);
    return undefined;
  } catch (error) {
    if (target.writing !== target.path) await rm(target.writing, { force: true });
    return error instanceof Error ? error.message : String(error);
  }
}

/** isFileSystemError says whether `error` is what the file system said (a write to --out failed), not a bug. */
function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

function describeRun(header: HistoryHeader, events: number, stats: Stats, out: string | undefined): string {
  const c = header.config;
  const level: ConsistencyLevel = header.consistency;
  const lines = [
    `lazarus run: seed ${header.seed} (replay with --seed ${header.seed})`,
    `  cluster: ${c.nodes.length} nodes, N=${c.replicationFactor}, R=${c.readQuorum}, W=${c.writeQuorum}, ${c.sloppyQuorum ? "sloppy" : "strict"} quorum, ${c.versioning}, read repair ${c.readRepair}, gc ${c.gc.mode}${c.gc.graceTicks === undefined ? "" : ` (grace ${c.gc.graceTicks} ticks)`}${c.bugs.length > 0 ? `, bugs on: ${c.bugs.join(", ")}` : ""}`,
    `  promises: ${level}`,
    `  ran ${stats.opsInvoked} ops in ${stats.finalTicks} ticks: ${stats.opsOk} ok, ${stats.opsFail} fail, ${stats.opsInfo} info; ${events} events, ${stats.barriers} barriers`,
    `  read repair wrote ${stats.readRepairValueWrites} values and ${stats.readRepairTombstoneWrites} tombstones; anti-entropy ${stats.antiEntropyRounds} rounds, ${stats.antiEntropyValueWrites} values and ${stats.antiEntropyTombstoneWrites} tombstones`,
    `  hints: ${stats.hintsStored} stored, ${stats.hintsDelivered} delivered, ${stats.hintsExpired} expired; gc purged ${stats.gcPurges} tombstones; ${stats.nodesRepaired} nodes repaired before rejoining`,
    `  messages: ${stats.messagesSent} sent, ${stats.messagesDropped} dropped, ${stats.messagesDuplicated} duplicated`,
  ];
  if (out !== undefined) lines.push(`  history written to ${printable(out)} (check it again with: npx lazarus check ${printable(out)})`);
  return `${lines.join("\n")}\n`;
}
