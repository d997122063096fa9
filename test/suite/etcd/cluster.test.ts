// The cluster fixture's promises: three members on 127.0.0.1 that answer healthy; kill -9,
// restart, SIGSTOP and SIGCONT act on one member; stop leaves no process and no folder;
// and when the process that started a cluster is killed outright, its guard kills the
// members and removes the folder within a few seconds.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EtcdCluster } from "../../../suite/etcd/cluster.ts";
import { callGateway } from "../../../suite/etcd/gateway.ts";
import { projectRoot } from "../../support/cli.ts";
import { skipWithoutEtcd } from "../../support/etcd.ts";

/** processesIn lists the running processes whose command line names `folder`. */
function processesIn(folder: string): string {
  return spawnSync("pgrep", ["-f", folder], { encoding: "utf8" }).stdout.trim();
}

async function eventually(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe.skipIf(skipWithoutEtcd("the etcd cluster fixture"))("EtcdCluster", () => {
  it("starts three healthy members on 127.0.0.1, kills, restarts, pauses and resumes one, and stops without a trace", async () => {
    const cluster = await EtcdCluster.start();
    try {
      expect(cluster.memberNames).toEqual(["e1", "e2", "e3"]);
      for (const name of cluster.memberNames) expect(cluster.clientUrl(name)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await cluster.kill("e2");
      expect(cluster.isRunning("e2")).toBe(false);
      expect((await callGateway(cluster.clientUrl("e2"), "/health", undefined, 1000)).kind).toBe("refused");
      await cluster.restart("e2");
      expect(cluster.isRunning("e2")).toBe(true);
      cluster.pause("e3");
      expect((await callGateway(cluster.clientUrl("e3"), "/health", undefined, 300)).kind).toBe("unknown");
      cluster.resume("e3");
      await cluster.waitHealthy(20_000);
    } finally {
      await cluster.stop();
    }
    expect(existsSync(cluster.folder)).toBe(false);
    expect(processesIn(cluster.folder)).toBe("");
  }, 60_000);

  it("its guard stops the members when the process that started them is killed outright", async () => {
    const scriptFolder = mkdtempSync(join(tmpdir(), "lazarus-etcd-owner-"));
    const script = join(scriptFolder, "owner.mts");
    writeFileSync(
      script,
      `import { EtcdCluster } from ${JSON.stringify(join(projectRoot, "suite/etcd/cluster.ts"))};\n` +
        "const cluster = await EtcdCluster.start();\nconsole.log(cluster.folder);\nsetInterval(() => {}, 1000);\n",
    );
    const owner = spawn(process.execPath, ["--import", "tsx", script], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
    try {
      const folder = await new Promise<string>((resolve, reject) => {
        owner.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
        owner.once("exit", (code) => reject(new Error(`the process that starts the cluster exited (${code}) before it started one`)));
      });
      expect(processesIn(folder)).not.toBe("");
      owner.kill("SIGKILL");
      expect(await eventually(() => !existsSync(folder) && processesIn(folder) === "", 10_000)).toBe(true);
    } finally {
      owner.kill("SIGKILL");
      rmSync(scriptFolder, { recursive: true, force: true });
    }
  }, 60_000);
});
