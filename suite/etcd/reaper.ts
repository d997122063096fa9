// The guard that keeps a test cluster from outliving the process that started it. The
// fixture stops its members itself (and on process exit); this covers the one case it
// cannot: its own process killed outright (kill -9, an out-of-memory kill). A small
// detached shell polls that process once a second; when it is gone, it kills the member
// pids the fixture last wrote to its folder (only those: the fixture's own) and removes
// the folder.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const script = `
while kill -0 "$1" 2>/dev/null; do sleep 1; done
for pid in $(cat "$2/pids" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
rm -rf "$2"
`;

/** Reaper watches the fixture's process from outside it. */
export class Reaper {
  private constructor(
    private readonly folder: string,
    private readonly pid: number | undefined,
  ) {}

  /** start launches the guard for the cluster whose temporary folder is `folder`. */
  static start(folder: string): Reaper {
    writeFileSync(join(folder, "pids"), "");
    const child = spawn("sh", ["-c", script, "lazarus-etcd-reaper", String(process.pid), folder], { detached: true, stdio: "ignore" });
    child.once("error", () => undefined);
    child.unref();
    return new Reaper(folder, child.pid);
  }

  /** track records the member pids that are running now, the ones to kill if the fixture's process dies. */
  track(pids: readonly number[]): void {
    writeFileSync(join(this.folder, "pids"), pids.join("\n"));
  }

  /** stop ends the guard (its process group: the shell and its sleep): the fixture stopped its members itself. */
  stop(): void {
    if (this.pid === undefined) return;
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
