// The suite's options for etcd: every run gets a fresh adapter on one running cluster
// (starting three members per run would cost more than the run), with its own key
// namespace so that runs never meet. Time passes for real, so the command shape keeps
// runs short: fewer and shorter advance steps than the in-process store's.
import type { SuiteOptions } from "../run-suite.ts";
import { EtcdAdapter } from "./adapter.ts";
import type { EtcdBugName } from "./bugs.ts";
import type { EtcdCluster } from "./cluster.ts";
import { etcdAdvanceTicks } from "./workload.ts";

/** EtcdSuiteOptions: the planted bugs to switch on, and the suite's own options. */
export interface EtcdSuiteOptions extends Partial<Omit<SuiteOptions<undefined>, "create">> {
  bugs?: readonly EtcdBugName[];
  requestTimeoutMs?: number;
}

/** etcdSuite is runSuite's options for etcd, on a cluster the caller started and stops. */
export function etcdSuite(cluster: EtcdCluster, options: EtcdSuiteOptions = {}): SuiteOptions<undefined> {
  const { bugs = [], requestTimeoutMs, shape, ...rest } = options;
  const prefix = `lazarus-suite/${process.pid}-${Date.now()}`;
  let runs = 0;
  return {
    create: () => new EtcdAdapter(cluster, { namespace: `${prefix}/${++runs}`, bugs, ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }) }),
    shape: { maxCommands: 50, advanceTicks: etcdAdvanceTicks, weights: { advance: 1 }, ...shape },
    ...rest,
  };
}
