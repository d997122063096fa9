// What an etcd history's header says: the level to check (linearizable, which etcd
// promises for its default reads and every write) and the cluster, in the words of the
// history format, which were made for Dynamo-style stores; each choice is explained.
import type { ClusterConfig, NodeId } from "../../model/vocabulary.ts";
import type { EtcdBugName } from "./bugs.ts";

/** absentMachinery: the header's Dynamo-style knobs that raft has no counterpart for: no fallback nodes, read repair, hints or rejoin guard. */
const absentMachinery = { sloppyQuorum: false, readRepair: "off", hintTtlTicks: 0, rejoinGuard: false } as const;

/** etcdClusterConfig describes a raft cluster of `nodes` in the header's terms. */
export function etcdClusterConfig(nodes: readonly NodeId[], bugs: readonly EtcdBugName[]): ClusterConfig {
  const majority = Math.floor(nodes.length / 2) + 1;
  return {
    nodes: [...nodes],
    // Every member holds every key, and raft commits a write on a majority; a linearizable
    // read asks the leader to confirm it still leads (a majority) before answering.
    replicationFactor: nodes.length,
    readQuorum: majority,
    writeQuorum: majority,
    // One value per key, the last in raft's log order: of the format's two orders that is
    // last-write-wins (no siblings), though no clock decides it.
    versioning: "lww",
    // A delete is an entry in the replicated log; compaction drops old revisions but never
    // lets a member forget a delete, so for the spec tombstones are kept.
    gc: { mode: "keep" },
    ...absentMachinery,
    bugs: [...bugs],
  };
}

/** etcdHistoryDescription is the header's sentence for people: what ran, and how its faults are recorded. */
export function etcdHistoryDescription(nodes: readonly NodeId[]): string {
  return (
    `etcd, ${nodes.length} members on 127.0.0.1, driven through its JSON gateway; times are milliseconds since the run began. ` +
    "A kill -9 is recorded as crash, a SIGSTOP as a partition that cuts the member off, its SIGCONT as heal; " +
    "compactions and defragmentations change no read and are not recorded."
  );
}
