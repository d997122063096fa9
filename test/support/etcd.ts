// etcd for the tests that run a real cluster. Without `etcd` on PATH they are skipped with
// one printed line, unless LAZARUS_ETCD_REQUIRED=1 (as CI sets it), when they must run and
// so fail.
import { findEtcd } from "../../suite/etcd/find-etcd.ts";

/** deep: npm run test:deep gives the etcd tests a larger budget. */
export const deep = process.env["LAZARUS_DEEP"] === "1";

/** etcdRuns says whether the etcd tests run: etcd is on PATH, or it is required (and its absence must fail them). */
export function etcdRuns(): boolean {
  return findEtcd() !== undefined || process.env["LAZARUS_ETCD_REQUIRED"] === "1";
}

/** skipWithoutEtcd says whether to skip `what`; when it does, it prints why, once. */
export function skipWithoutEtcd(what: string): boolean {
  if (etcdRuns()) return false;
  console.log(`skipping ${what}: etcd is not on PATH (apt-get install etcd-server; LAZARUS_ETCD_REQUIRED=1 makes this a failure)`);
  return true;
}
