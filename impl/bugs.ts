// The known bugs the store can switch on, off by default. Each one reproduces a real
// mistake from Dynamo-style stores, so tests can prove the checker catches it.

/** BugName names one known-bug switch. */
export type BugName =
  | "naive-delete"
  | "tombstone-blind-read-repair"
  | "anti-entropy-resurrects"
  | "early-gc"
  | "lww-skew"
  | "doomstone";

/** BugDescription documents one switch: what the store does wrong when it is on. */
export interface BugDescription {
  name: BugName;
  summary: string;
}

/** bugs lists every switch with what it breaks. */
export const bugs: readonly BugDescription[] = [
  {
    name: "naive-delete",
    summary:
      "A delete removes the key from each replica instead of writing a tombstone, so a replica " +
      "that missed the delete pushes the old value back through read repair or anti-entropy.",
  },
  {
    name: "tombstone-blind-read-repair",
    summary:
      "Read repair treats a tombstone as a missing key: it returns and pushes the newest live value, " +
      "overwriting tombstones on the replicas that had them.",
  },
  {
    name: "anti-entropy-resurrects",
    summary:
      "Anti-entropy unions the keys of two replicas and ignores tombstones, so a live value on one " +
      "side replaces the tombstone on the other.",
  },
  {
    name: "early-gc",
    summary:
      "Tombstone GC ignores the grace period, repair marks and acknowledgements: it purges every " +
      "tombstone at the next sweep, before replicas that missed the delete have heard of it.",
  },
  {
    name: "lww-skew",
    summary:
      "Last-write-wins timestamps come from the coordinator's wall clock alone (no hybrid logical " +
      "clock, no client timestamp carried along), so a skewed clock inverts one process's own ops.",
  },
  {
    name: "doomstone",
    summary:
      "Hint delivery re-stamps what it carries with the holder's clock at delivery instead of keeping " +
      "the original version, so a late tombstone swallows a re-created value (Riak's doomstone) and " +
      "a late value hides a newer tombstone.",
  },
];

/** bugNames lists the switch names in a stable order. */
export const bugNames: readonly BugName[] = bugs.map((bug) => bug.name);

/** BugSet answers "is this switch on?" cheaply on hot paths. */
export interface BugSet {
  naiveDelete: boolean;
  tombstoneBlindReadRepair: boolean;
  antiEntropyResurrects: boolean;
  earlyGc: boolean;
  lwwSkew: boolean;
  doomstone: boolean;
}

/** bugSetOf turns a list of switch names into flags. */
export function bugSetOf(names: readonly BugName[]): BugSet {
  const on = new Set(names);
  return {
    naiveDelete: on.has("naive-delete"),
    tombstoneBlindReadRepair: on.has("tombstone-blind-read-repair"),
    antiEntropyResurrects: on.has("anti-entropy-resurrects"),
    earlyGc: on.has("early-gc"),
    lwwSkew: on.has("lww-skew"),
    doomstone: on.has("doomstone"),
  };
}
