// The bugs planted in the etcd adapter, to show that the suite convicts a real store's
// client when it is wrong. Each is switched on by name; both are mistakes real etcd
// clients make.

/** etcdBugNames lists the planted bugs. */
export const etcdBugNames = ["serializable-reads", "cache-forgets-deletes"] as const;

/** EtcdBugName names one planted bug. */
export type EtcdBugName = (typeof etcdBugNames)[number];

/** etcdBugDescriptions says what each bug does and how the suite shows it. */
export const etcdBugDescriptions: Record<EtcdBugName, string> = {
  "serializable-reads":
    "gets ask for serializable reads (range with serializable: true), which a member answers from its own state without asking the leader; " +
    "etcd documents them as possibly stale, and a member that was paused answers from before the writes it missed",
  "cache-forgets-deletes": "the client caches what it wrote and read, and answers gets from the cache; a delete does not evict the key, so the deleted value comes back",
};

/** isEtcdBugName says whether `name` is one of the planted bugs. */
export function isEtcdBugName(name: string): name is EtcdBugName {
  return (etcdBugNames as readonly string[]).includes(name);
}
