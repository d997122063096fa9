// Sharing a check's searches between threads. Every thread prepares the same partitions
// from the same history and decides the unique-writes path on all of them itself (it is
// polynomial); the searches, which may take seconds each, are what they share. The search
// order (cheapest first) is a list of positions, and each thread takes the next position
// not yet taken, so no search runs twice. Which thread decided a partition never shows in
// the verdict: a search's outcome depends on its partition and budget only, and with
// stopAtFirstInvalid the outcomes after the first position found invalid are dropped, as
// a lone thread would never have reached them.
import type { InvalidPartition } from "../verdict.ts";
import type { SearchLimit } from "./limits.ts";

/** PartitionOutcome is one partition's verdict before they are gathered. */
export type PartitionOutcome = { kind: "valid" } | { kind: "invalid"; report: InvalidPartition } | { kind: "unknown"; steps: number; limit: SearchLimit };

/** SearchSharing is one thread's view of the search order that it shares with others. */
export interface SearchSharing {
  /**
   * begin is called once, before the first claim, with the fingerprint of the searches
   * (fingerprint.ts): threads share them only when every thread's is the same.
   */
  begin(fingerprint: number): void;
  /**
   * claim takes the next position of the search order for this thread: undefined once
   * every position is taken, or, with stopAtFirstInvalid, past a position found invalid.
   * `count` is how many positions there are; every thread passes the same.
   */
  claim(count: number, stopAtFirstInvalid: boolean): number | undefined;
  /** settled hears the outcome of a position this thread claimed. */
  settled(position: number, outcome: PartitionOutcome): void;
  /** firstInvalid is the earliest position any thread has found invalid so far (Infinity if none). */
  firstInvalid(): number;
  /**
   * poll is called at the pauses of this thread's searches (every ~1,000 steps): where a
   * helper thread may be started once the searches turn out slow.
   */
  poll(): void;
  /** finish is called when this thread claims no more: it returns, by position, the outcomes the other threads settled, once they are done. */
  finish(): Map<number, PartitionOutcome>;
}

/** soleSearch is the search order taken by one thread alone: what a check does unless it is given a SearchSharing. */
export function soleSearch(): SearchSharing {
  let next = 0;
  let firstInvalid = Infinity;
  return {
    begin: () => {},
    claim: (count, stop) => (next < count && !(stop && next > firstInvalid) ? next++ : undefined),
    settled: (position, outcome) => {
      if (outcome.kind === "invalid") firstInvalid = Math.min(firstInvalid, position);
    },
    firstInvalid: () => firstInvalid,
    poll: () => {},
    finish: () => new Map(),
  };
}
