// Counters a simulation keeps about itself: client outcomes, messages, repairs (value
// and tombstone repairs counted apart), hints, GC and anti-entropy.

/** Stats are the counters of one run. */
export interface Stats {
  opsInvoked: number;
  opsOk: number;
  opsFail: number;
  opsInfo: number;
  messagesSent: number;
  messagesDropped: number;
  messagesDuplicated: number;
  readRepairValueWrites: number;
  readRepairTombstoneWrites: number;
  antiEntropyValueWrites: number;
  antiEntropyTombstoneWrites: number;
  antiEntropyRounds: number;
  hintsStored: number;
  hintsDelivered: number;
  hintsExpired: number;
  gcPurges: number;
  nodesRepaired: number;
  barriers: number;
  finalTicks: number;
}

/** createStats returns zeroed counters. */
export function createStats(): Stats {
  return {
    opsInvoked: 0,
    opsOk: 0,
    opsFail: 0,
    opsInfo: 0,
    messagesSent: 0,
    messagesDropped: 0,
    messagesDuplicated: 0,
    readRepairValueWrites: 0,
    readRepairTombstoneWrites: 0,
    antiEntropyValueWrites: 0,
    antiEntropyTombstoneWrites: 0,
    antiEntropyRounds: 0,
    hintsStored: 0,
    hintsDelivered: 0,
    hintsExpired: 0,
    gcPurges: 0,
    nodesRepaired: 0,
    barriers: 0,
    finalTicks: 0,
  };
}
