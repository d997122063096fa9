// The scripted scenario behind vector-clock pruning, shared by the store's test (which reads
// the final get) and the integration test (which checks the whole history). It lives here
// rather than in test/support/ because it is the store's scenario first.
import { Driver } from "../../impl/index.ts";
import type { CompleteEvent, NodeId } from "../../model/vocabulary.ts";

/** PrunedPastEnding is the write that had seen v1 and should hide it. */
export type PrunedPastEnding = "put" | "delete";

/** PrunedPastRun is the driver after the scenario and the get that ends it. */
export interface PrunedPastRun {
  driver: Driver;
  finalGet: CompleteEvent;
  stale: NodeId;
}

/**
 * prunedPastScenario: v1 reaches all three replicas; the third crashes; process 1 reads
 * and overwrites the key three times through one coordinator (v2, v3, then v4 or a delete
 * t1), each write's context covering the last, so the final write had seen v1 through a
 * chain. The stale replica restarts still holding v1, anti-entropy at the barrier meets
 * v1 with the final write, and process 2 reads. Strict quorums without hints, so only the
 * rejoin can carry v1 back.
 *
 * With `pruneDots` at 2, the context before the final write is {n:1, n:2, n:3} (one
 * coordinator), pruned to {n:2, n:3}: v1's dot is forgotten, so v1 survives the merge.
 */
export function prunedPastScenario(pruneDots: number, ending: PrunedPastEnding): PrunedPastRun {
  const driver = new Driver({ versioning: "vector-clock", sloppyQuorum: false, vectorClockPruneDots: pruneDots });
  const [coordinator, , stale] = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.put(1, "x", "v1", coordinator);
  driver.quiesce();
  driver.crash(stale);
  for (const value of ["v2", "v3"]) {
    driver.get(1, "x", coordinator);
    driver.put(1, "x", value, coordinator);
  }
  driver.get(1, "x", coordinator);
  if (ending === "put") driver.put(1, "x", "v4", coordinator);
  else driver.run(1, { kind: "delete", key: "x", tombstone: "t1" }, coordinator);
  driver.restart(stale);
  driver.quiesce();
  return { driver, finalGet: driver.get(2, "x"), stale };
}
