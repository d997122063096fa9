// The planted bug of the etcd adapter, convicted: serializable reads (etcd answers them
// from the member's own state, which its documentation says may be stale) among member
// pauses. A member stopped with SIGSTOP misses writes; read the moment it is continued,
// it answers from before them, and the checker finds no linearization. The same run with
// linearizable reads is valid, so the conviction is the bug's, not the faults'. A run is
// real time, so a try may miss the window: the bug gets several tries, each a fresh run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHistory } from "../../../checker/check-history.ts";
import { EtcdAdapter } from "../../../suite/etcd/adapter.ts";
import type { EtcdBugName } from "../../../suite/etcd/bugs.ts";
import { EtcdCluster } from "../../../suite/etcd/cluster.ts";
import { runEtcdWorkload, type EtcdWorkloadResult } from "../../../suite/etcd/workload.ts";
import { deep, skipWithoutEtcd } from "../../support/etcd.ts";

const skip = skipWithoutEtcd("the etcd runs with a planted bug");
const ops = deep ? 1000 : 120;
/**
 * tries: alone on the machine a try convicts about 9 times in 10, but under the load of
 * other etcd clusters started by test files running beside this one (as in CI) three tries
 * once all missed; eight make a miss unlikely however busy the machine, and the test stops
 * at the first conviction.
 */
const tries = 8;
/**
 * pauses: the run draws member pauses and no kills, so that a conviction is the pauses'
 * doing; a pause ends less often than one starts, so that it spans several writes (each
 * try convicts about 9 times in 10 here).
 */
const pauses = { isolate: 3, heal: 1, crash: 0, restart: 0 };

describe.skipIf(skip)("etcd runs with and without serializable reads, among member pauses", () => {
  let cluster: EtcdCluster;
  let runs = 0;
  beforeAll(async () => {
    cluster = await EtcdCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  async function run(bugs: EtcdBugName[], seed: number): Promise<EtcdWorkloadResult> {
    const adapter = new EtcdAdapter(cluster, { namespace: `workload-test/${++runs}`, bugs });
    try {
      return await runEtcdWorkload(adapter, { ops, clients: 3, seed, weights: pauses });
    } finally {
      await adapter.close();
    }
  }

  it(`serializable reads are convicted within ${tries} runs of ${ops} operations`, async () => {
    const verdicts: string[] = [];
    for (let seed = 1; seed <= tries; seed++) {
      const result = await run(["serializable-reads"], seed);
      expect(result.faults.pauses).toBeGreaterThan(0);
      const check = checkHistory(result.history);
      verdicts.push(check.verdict);
      if (check.verdict === "invalid") {
        console.log(`serializable reads convicted in run ${seed} of ${ops} operations (${result.faults.pauses} pauses): ${check.anomalies[0]!.message}`);
        expect(check.anomalies.map((anomaly) => anomaly.kind)).toContain("not-linearizable");
        return;
      }
    }
    expect.fail(`serializable reads went unconvicted in ${tries} runs: ${verdicts.join(", ")}`);
  }, deep ? 900_000 : 180_000);

  it(`linearizable reads pass the same run (${ops} operations, seed 1)`, async () => {
    const result = await run([], 1);
    expect(result.faults.pauses).toBeGreaterThan(0);
    const check = checkHistory(result.history);
    expect(check.verdict, check.anomalies.map((anomaly) => anomaly.message).join("\n")).toBe("valid");
    expect(result.forbiddenReads).toEqual([]);
  }, deep ? 900_000 : 60_000);
});
