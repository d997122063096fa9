// The model-based suite against a real etcd: three members on 127.0.0.1, each run on its
// own keys, up to 50 commands of overlapping puts, gets and deletes among kill -9 and
// restarts, SIGSTOP and SIGCONT, compactions and barriers, every history checked
// linearizable. A client cache that forgets deletes is convicted (and shrunk for at most
// a few seconds: each run is real time). `npm run test:deep` runs many more runs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSuite, describeFailure, runSuite } from "../../../suite/run-suite.ts";
import { EtcdAdapter, type EtcdFaultCounts } from "../../../suite/etcd/adapter.ts";
import { EtcdCluster } from "../../../suite/etcd/cluster.ts";
import { etcdSuite } from "../../../suite/etcd/etcd-suite.ts";
import { deep, skipWithoutEtcd } from "../../support/etcd.ts";

const skip = skipWithoutEtcd("the property suite against etcd");
const numRuns = deep ? 60 : 3;
const seed = deep ? Date.now() % 2 ** 31 : 20261125;

describe.skipIf(skip)("the property suite against etcd", () => {
  let cluster: EtcdCluster;
  beforeAll(async () => {
    cluster = await EtcdCluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`etcd passes ${numRuns} generated runs with kills, pauses and compactions, checked linearizable (seed ${seed})`, async () => {
    const options = etcdSuite(cluster, { numRuns, seed });
    const adapters: EtcdAdapter[] = [];
    const outcome = await runSuite({
      ...options,
      create: async (config) => {
        const adapter = (await options.create(config)) as EtcdAdapter;
        adapters.push(adapter);
        return adapter;
      },
    });
    expect(outcome.passed, describeFailure(outcome)).toBe(true);
    const total = (count: keyof EtcdFaultCounts) => adapters.reduce((sum, adapter) => sum + adapter.faults[count], 0);
    // The runs met faults, and every history says which level it was checked at.
    expect(total("kills") + total("pauses")).toBeGreaterThan(0);
    expect(adapters.every((adapter) => adapter.history().header.consistency === "linearizable")).toBe(true);
  }, deep ? 900_000 : 60_000);

  it("the suite convicts a client cache that forgets deletes", async () => {
    // Shrinking replays real runs; the time limit stops it with the counterexample it has so far.
    const before = fc.readConfigureGlobal();
    fc.configureGlobal({ ...before, interruptAfterTimeLimit: 8000 });
    try {
      const outcome = await checkSuite(etcdSuite(cluster, { bugs: ["cache-forgets-deletes"], numRuns: 20, seed: 7 }));
      expect(outcome.passed).toBe(false);
      expect(outcome.counterexample?.history.header.config.bugs).toEqual(["cache-forgets-deletes"]);
      expect(describeFailure(outcome)).toMatch(/resurrection|stale-read|not-linearizable/);
    } finally {
      fc.configureGlobal(before);
    }
  }, 60_000);
});
