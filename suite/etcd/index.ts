// etcd as a store under test: the cluster fixture (three members on 127.0.0.1), the
// adapter that drives it through etcd's JSON gateway, its planted bugs, the suite's
// options for it, and the long run `lazarus run --store etcd` plays.
export type { ClusterControl, EtcdAdapterOptions, EtcdFaultCounts } from "./adapter.ts";
export { EtcdAdapter } from "./adapter.ts";
export type { EtcdBugName } from "./bugs.ts";
export { etcdBugDescriptions, etcdBugNames, isEtcdBugName } from "./bugs.ts";
export type { EtcdClusterOptions } from "./cluster.ts";
export { defaultMemberTiming, EtcdCluster } from "./cluster.ts";
export type { EtcdSuiteOptions } from "./etcd-suite.ts";
export { etcdSuite } from "./etcd-suite.ts";
export { findEtcd, installEtcdHint } from "./find-etcd.ts";
export type { MemberTiming } from "./member.ts";
export type { EtcdWorkloadOptions, EtcdWorkloadResult } from "./workload.ts";
export { runEtcdWorkload } from "./workload.ts";
