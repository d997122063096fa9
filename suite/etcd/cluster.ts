// The cluster fixture: three etcd members on 127.0.0.1 (client and peer ports the kernel
// picked), their data in a temporary folder, started together and waited on until every
// member answers healthy. The fault hooks act on it: kill -9 and restart a member,
// SIGSTOP and SIGCONT it. It keeps the pids of its own members and signals only those;
// `stop` kills them all and removes the folder, and so does process exit (a test that
// failed, a command that threw), with a detached guard for a process killed outright.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findEtcd, installEtcdHint } from "./find-etcd.ts";
import { callGateway } from "./gateway.ts";
import { freeLoopbackPorts } from "./loopback-ports.ts";
import { clusterArgumentsFor, EtcdMember, type MemberPlace, type MemberTiming } from "./member.ts";
import { Reaper } from "./reaper.ts";

/** EtcdClusterOptions: how to start the fixture; every field has a default. */
export interface EtcdClusterOptions {
  /** binary: the etcd to run (default: the one on PATH). */
  binary?: string;
  /** members: how many (default 3). */
  members?: number;
  /** timing: raft's heartbeat and election timeout (default 50 ms and 500 ms: a paused leader is replaced in about half a second). */
  timing?: MemberTiming;
  /** startTimeoutMs: how long the members may take to become healthy (default 30 s: the machine may be busy). */
  startTimeoutMs?: number;
}

/** defaultMemberTiming: raft's heartbeat and election timeout of a test cluster, unless told otherwise. */
export const defaultMemberTiming: MemberTiming = { heartbeatMs: 50, electionMs: 500 };
const pollMs = 100;
const healthCallMs = 1000;

/** EtcdCluster is one running test cluster. */
export class EtcdCluster {
  private stopped = false;
  private readonly stopOnExit = () => this.stopNow();

  private constructor(
    /** folder: the temporary folder with every member's data and log. */
    readonly folder: string,
    private readonly members: readonly EtcdMember[],
    private readonly reaper: Reaper,
  ) {
    process.on("exit", this.stopOnExit);
  }

  /** start launches the members and resolves once every one answers healthy; it throws (leaving nothing behind) when they do not. */
  static async start(options: EtcdClusterOptions = {}): Promise<EtcdCluster> {
    const binary = options.binary ?? findEtcd();
    if (binary === undefined) throw new Error(`etcd is not on PATH; ${installEtcdHint}`);
    const count = options.members ?? 3;
    const folder = mkdtempSync(join(tmpdir(), "lazarus-etcd-"));
    const ports = await freeLoopbackPorts(2 * count);
    const places: MemberPlace[] = Array.from({ length: count }, (_, i) => ({ name: `e${i + 1}`, clientPort: ports[2 * i]!, peerPort: ports[2 * i + 1]!, folder }));
    const shared = clusterArgumentsFor(places, `lazarus-${process.pid}-${Date.now()}`, options.timing ?? defaultMemberTiming);
    const cluster = new EtcdCluster(folder, places.map((place) => new EtcdMember(place, binary, shared)), Reaper.start(folder));
    try {
      for (const member of cluster.members) member.start();
      cluster.track();
      await cluster.waitHealthy(options.startTimeoutMs ?? 30_000);
      return cluster;
    } catch (error) {
      const logs = cluster.logTails();
      await cluster.stop();
      throw new Error(`the etcd cluster did not start: ${error instanceof Error ? error.message : String(error)}\n${logs}`);
    }
  }

  /** memberNames names the members, e1, e2, …: the adapter's nodes. */
  get memberNames(): string[] {
    return this.members.map((member) => member.name);
  }

  /** clientUrl is where a client reaches member `name`. */
  clientUrl(name: string): string {
    return this.member(name).clientUrl;
  }

  /** isRunning says whether the member's process is alive (paused counts as alive). */
  isRunning(name: string): boolean {
    return this.member(name).pid !== undefined;
  }

  /** kill kills the member with SIGKILL and waits until it is gone. */
  async kill(name: string): Promise<void> {
    await this.member(name).kill();
    this.track();
  }

  /** restart starts a killed member again on its data and waits until it answers (healthy or not), at most `timeoutMs`. */
  async restart(name: string, timeoutMs = 10_000): Promise<void> {
    const member = this.member(name);
    member.start();
    this.track();
    await this.until(timeoutMs, `${name} to answer after its restart`, async () => (await callGateway(member.clientUrl, "/health", undefined, healthCallMs)).kind === "answered");
  }

  /** pause stops the member with SIGSTOP. */
  pause(name: string): void {
    this.member(name).pause();
  }

  /** resume continues a paused member with SIGCONT. */
  resume(name: string): void {
    this.member(name).resume();
  }

  /** waitHealthy waits until every member answers `/health` with true (etcd's own check: it has a leader and can serve). */
  async waitHealthy(timeoutMs: number): Promise<void> {
    await this.until(timeoutMs, "every member to be healthy", async () => {
      const gone = this.members.find((member) => member.pid === undefined);
      if (gone !== undefined) throw new Error(`member ${gone.name} is not running`);
      const answers = await Promise.all(this.members.map((member) => callGateway(member.clientUrl, "/health", undefined, healthCallMs)));
      return answers.every((answer) => answer.kind === "answered" && answer.body.health === "true");
    });
  }

  /** stop kills every member, ends the guard and removes the folder; calling it again does nothing. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    await Promise.all(this.members.map((member) => member.kill()));
    this.stopNow();
  }

  /** logTails: the last lines each member logged, for a message about a cluster that failed. */
  logTails(lines = 5): string {
    return this.members
      .map((member) => {
        const text = readLog(join(this.folder, `${member.name}.log`));
        return `--- ${member.name} (last ${lines} lines of its log)\n${text.trimEnd().split("\n").slice(-lines).join("\n")}`;
      })
      .join("\n");
  }

  /** stopNow: the synchronous part of stop, also run when the process exits with the cluster still up. */
  private stopNow(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const member of this.members) {
      const pid = member.pid;
      if (pid !== undefined) process.kill(pid, "SIGKILL");
    }
    this.reaper.stop();
    rmSync(this.folder, { recursive: true, force: true });
    process.off("exit", this.stopOnExit);
  }

  private member(name: string): EtcdMember {
    const member = this.members.find((m) => m.name === name);
    if (member === undefined) throw new Error(`EtcdCluster: no member ${JSON.stringify(name)}; the members are ${this.memberNames.join(", ")}`);
    return member;
  }

  /** track tells the guard which pids are ours now. */
  private track(): void {
    this.reaper.track(this.members.flatMap((member) => (member.pid === undefined ? [] : [member.pid])));
  }

  private async until(timeoutMs: number, what: string, done: () => Promise<boolean>): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await done())) {
      if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "(no log)";
  }
}
