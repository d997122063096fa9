// One etcd member of a test cluster as an operating-system process: the command line it
// is started with (loopback addresses only), and the signals the fault hooks send it. A
// member that is killed keeps its data folder, so a restart rejoins with its log, as a
// crashed server's would.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { loopbackHost } from "./loopback-ports.ts";

/** MemberTiming: raft's heartbeat and election timeout, shorter than etcd's defaults so that a paused leader is replaced within a test's budget. */
export interface MemberTiming {
  heartbeatMs: number;
  electionMs: number;
}

/** MemberPlace: where a member listens and keeps its data. */
export interface MemberPlace {
  name: string;
  clientPort: number;
  peerPort: number;
  /** folder: the cluster's temporary folder; the member's data and log go in it. */
  folder: string;
}

/** EtcdMember is one member's process, started and signalled by the cluster fixture only. */
export class EtcdMember {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly place: MemberPlace,
    private readonly binary: string,
    private readonly clusterArguments: readonly string[],
  ) {}

  get name(): string {
    return this.place.name;
  }

  /** clientUrl is where clients (the adapter) reach this member. */
  get clientUrl(): string {
    return `http://${loopbackHost}:${this.place.clientPort}`;
  }

  get peerUrl(): string {
    return `http://${loopbackHost}:${this.place.peerPort}`;
  }

  /** pid is the process id while the member runs, else undefined. */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** start launches the member (again); its output goes to its log file in the cluster's folder. */
  start(): void {
    if (this.pid !== undefined) throw new Error(`EtcdMember.start: ${this.name} is already running (pid ${this.pid})`);
    const log = openSync(join(this.place.folder, `${this.name}.log`), "a");
    try {
      const child = spawn(this.binary, this.arguments(), { stdio: ["ignore", log, log], env: environmentWithoutEtcdSettings() });
      this.child = child;
      // A spawn error (the binary vanished) may come without an exit: either one ends the member.
      this.exited = new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.once("error", () => resolve());
      });
    } finally {
      closeSync(log);
    }
  }

  /** kill sends SIGKILL (kill -9: no shutdown, as a crash) and waits until the process is gone. */
  async kill(): Promise<void> {
    if (this.pid !== undefined) this.child!.kill("SIGKILL");
    await this.exited;
  }

  /** pause sends SIGSTOP: the member stops answering anyone, clients and peers alike. */
  pause(): void {
    if (this.pid !== undefined) this.child!.kill("SIGSTOP");
  }

  /** resume sends SIGCONT to a paused member. */
  resume(): void {
    if (this.pid !== undefined) this.child!.kill("SIGCONT");
  }

  private arguments(): string[] {
    const { name, folder } = this.place;
    return [
      "--name", name,
      "--data-dir", join(folder, name),
      "--listen-client-urls", this.clientUrl,
      "--advertise-client-urls", this.clientUrl,
      "--listen-peer-urls", this.peerUrl,
      "--initial-advertise-peer-urls", this.peerUrl,
      ...this.clusterArguments,
      "--logger", "zap",
      "--log-outputs", "stderr",
      "--log-level", "warn",
    ];
  }
}

/** clusterArgumentsFor: the flags every member shares (the initial cluster, its token, raft timing). */
export function clusterArgumentsFor(places: readonly MemberPlace[], token: string, timing: MemberTiming): string[] {
  const initial = places.map((place) => `${place.name}=http://${loopbackHost}:${place.peerPort}`).join(",");
  return [
    "--initial-cluster", initial,
    "--initial-cluster-state", "new",
    "--initial-cluster-token", token,
    "--heartbeat-interval", String(timing.heartbeatMs),
    "--election-timeout", String(timing.electionMs),
  ];
}

/** environmentWithoutEtcdSettings: etcd reads ETCD_* variables as flags; a member takes its settings from its command line only. */
function environmentWithoutEtcdSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("ETCD"))) as NodeJS.ProcessEnv;
}
