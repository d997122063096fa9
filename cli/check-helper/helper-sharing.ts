// A helper thread's side of the shared search order: it claims positions as the main thread
// does, but only when it prepared the very searches the main thread did (the same count and
// fingerprint), and it keeps what it settled to send back.
import type { PartitionOutcome, SearchSharing } from "../../checker/linearizability/index.ts";
import type { SharedOrder } from "./shared-order.ts";

/** helperSharing shares `order` from a helper thread, pushing each outcome it settles onto `settled`. */
export function helperSharing(order: SharedOrder, settled: Array<[number, PartitionOutcome]>): SearchSharing {
  // A file changed since the main thread read it (a log still being written) prepares other
  // searches: the fingerprint tells, and the helper claims nothing.
  let fingerprint: number | undefined;
  return {
    begin: (computed) => (fingerprint = computed),
    claim: (count, stop) => (fingerprint !== undefined && order.sameSearches(count, fingerprint) ? order.claim(count, stop) : undefined),
    settled: (position, outcome) => {
      if (outcome.kind === "invalid") order.foundInvalid(position);
      settled.push([position, outcome]);
    },
    firstInvalid: () => order.firstInvalid(),
    poll: () => order.beat(),
    finish: () => new Map(),
  };
}
