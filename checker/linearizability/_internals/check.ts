// Checking a whole history: prepare, decide each partition (unique-writes path or
// search), cheapest first, and gather one verdict in history order.

import type { Operation, SequentialModel } from "../../../model/sequential/index.ts";
import type { InvalidPartition, LinearizabilityVerdict, UndecidedPartition } from "../verdict.ts";
import type { Deadline } from "./limits.ts";
import type { Partition } from "./partition.ts";
import { findMalformed, partitionOperations } from "./partition.ts";
import { explainFailure, explainUniqueWritesFailure } from "./report.ts";
import { searchPartition } from "./search.ts";
import { searchFingerprint } from "./fingerprint.ts";
import { cheapestFirst } from "./search-order.ts";
import { soleSearch, type PartitionOutcome, type SearchSharing } from "./sharing.ts";
import { checkUniqueWrites, type UniqueWritesResult } from "./unique-writes.ts";

/** CheckOptions tunes a check; every field has a default. */
export interface CheckOptions {
  /**
   * maxStepsPerPartition: moves one partition's search may try before it is undecided
   * (default 10^7). A move is one model step, or a write of unknown outcome paired with
   * the operation that observes it (see `SequentialModel.blindWrite`).
   */
  maxStepsPerPartition?: number;
  /**
   * useUniqueWrites: decide partitions whose read values each have one possible write
   * without search, when the model has a `uniqueWriteView` (default true). Off, every
   * partition is searched: for benchmarks and cross-checks.
   */
  useUniqueWrites?: boolean;
  /**
   * stopAtFirstInvalid: once a partition is found invalid, leave the others unchecked,
   * as Porcupine does (default false: every partition is decided or listed undecided).
   */
  stopAtFirstInvalid?: boolean;
  /**
   * deadline: once it has passed, the search under way and every one after it stop, and
   * their partitions are undecided (`out-of-time`), never invalid. It bounds the searches
   * only: the unique-writes path is polynomial and always runs. Default: none.
   */
  deadline?: Deadline;
  /**
   * sharing: the search order shared with other threads that check the same history
   * (sharing.ts); the verdict is the one a lone thread reaches. Default: searched alone.
   */
  sharing?: SearchSharing;
}

/** CheckStatistics says how much work a check took, for benchmarks and reports. */
export interface CheckStatistics {
  partitions: number;
  operationsChecked: number;
  steps: number;
  /** uniqueWritePartitions: partitions the unique-writes path decided (the rest were searched). */
  uniqueWritePartitions: number;
  /** decisionOrder: the partitions' keys in the order their verdicts were settled (undecided ones too, unchecked ones not). */
  decisionOrder: Array<string | null>;
}


/** noWorkYet is the statistics of a check before it starts. */
function noWorkYet(): CheckStatistics {
  return { partitions: 0, operationsChecked: 0, steps: 0, uniqueWritePartitions: 0, decisionOrder: [] };
}

/**
 * checkAll checks every partition and accounts for each: invalid partitions are all
 * reported (they are independent), and so are the undecided ones, also when some other
 * partition is invalid: finding one bug says nothing about the keys left undecided.
 * With `stopAtFirstInvalid`, the partitions after the first invalid one are listed as
 * unchecked instead.
 */
export function checkAll<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions = {},
): { verdict: LinearizabilityVerdict; statistics: CheckStatistics } {
  const statistics = noWorkYet();
  const malformed = findMalformed(operations);
  if (malformed !== undefined) {
    const message = `the history cannot be checked: ${malformed}`;
    return { verdict: { kind: "unknown", undecided: [{ kind: "malformed", key: null, message }] }, statistics };
  }
  const partitions = partitionOperations(model, operations);
  statistics.partitions = partitions.length;
  const outcomes = decidePartitions(model, operations, partitions, options, statistics, "main");
  return { verdict: gather(partitions, outcomes), statistics };
}

/**
 * decideShare is a helper thread's part of checkAll: the same partitions, and the searches
 * it claims from `options.sharing`, which hears their outcomes; no verdict is gathered.
 */
export function decideShare<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  options: CheckOptions & { sharing: SearchSharing },
): void {
  if (findMalformed(operations) !== undefined) return;
  decidePartitions(model, operations, partitionOperations(model, operations), options, noWorkYet(), "helper");
}

/**
 * decidePartitions settles the partitions cheapest first, in two rounds: the unique-writes
 * path on each, then the search on those it did not find valid, the ones it convicted
 * first (their verdict is known; the search only finds their longest legal order).
 * A partition left out by `stopAtFirstInvalid` has no outcome. The main thread (`role`)
 * searches at the end whatever another thread claimed and did not settle (a helper that
 * failed or fell silent): a helper may cost time, never a verdict.
 */
function decidePartitions<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  partitions: ReadonlyArray<Partition<Input, Output>>,
  options: CheckOptions,
  statistics: CheckStatistics,
  role: "main" | "helper",
): Array<PartitionOutcome | undefined> {
  const outcomes = new Array<PartitionOutcome | undefined>(partitions.length);
  const stop = options.stopAtFirstInvalid === true;
  const order = cheapestFirst(partitions);
  const fast = new Array<UniqueWritesResult>(partitions.length);
  for (const index of order) {
    fast[index] = (options.useUniqueWrites ?? true) ? checkUniqueWrites(model, partitions[index]!) : { kind: "not-applicable" };
    if (fast[index]!.kind !== "not-applicable") statistics.uniqueWritePartitions++;
    if (fast[index]!.kind === "valid") settle(outcomes, index, { kind: "valid" }, partitions, statistics);
    if (fast[index]!.kind === "invalid" && stop) break;
  }
  const searched = [...order.filter((index) => fast[index]?.kind === "invalid"), ...order.filter((index) => fast[index]?.kind === "not-applicable")];
  const sharing = options.sharing ?? soleSearch();
  if (options.sharing !== undefined) sharing.begin(searchFingerprint(searched.map((index) => partitions[index]!)));
  const searchAt = (position: number): void => {
    const index = searched[position]!;
    const deadline = options.sharing === undefined ? options.deadline : sharedDeadline(sharing, position, stop, options.deadline);
    const outcome = searchOutcome(model, operations, partitions[index]!, fast[index]!, { ...options, deadline }, statistics);
    sharing.settled(position, outcome);
    settle(outcomes, index, outcome, partitions, statistics);
  };
  for (let position = sharing.claim(searched.length, stop); position !== undefined; position = sharing.claim(searched.length, stop)) searchAt(position);
  for (const [position, outcome] of sharing.finish()) settle(outcomes, searched[position]!, outcome, partitions, statistics);
  if (role === "main") {
    for (let position = 0; position < searched.length && !(stop && position > sharing.firstInvalid()); position++) {
      if (outcomes[searched[position]!] === undefined) searchAt(position);
    }
  }
  // A lone thread stops at the first position found invalid; what other threads decided past it is dropped.
  if (stop) for (let position = sharing.firstInvalid() + 1; position < searched.length; position++) outcomes[searched[position]!] = undefined;
  return outcomes;
}

/**
 * sharedDeadline is the deadline of the search at `position` when threads share the
 * searches: it gives the sharing its polls, and with stopAtFirstInvalid it passes once
 * another thread finds an earlier position invalid, since this search's outcome will
 * then be dropped.
 */
function sharedDeadline(sharing: SearchSharing, position: number, stop: boolean, deadline: Deadline | undefined): Deadline {
  return {
    passed() {
      sharing.poll();
      return (stop && sharing.firstInvalid() < position) || deadline?.passed() === true;
    },
  };
}

function settle<Input, Output>(
  outcomes: Array<PartitionOutcome | undefined>,
  index: number,
  outcome: PartitionOutcome,
  partitions: ReadonlyArray<Partition<Input, Output>>,
  statistics: CheckStatistics,
): void {
  outcomes[index] = outcome;
  statistics.operationsChecked += partitions[index]!.inputs.length;
  statistics.decisionOrder.push(partitions[index]!.key);
}

/**
 * searchOutcome searches a partition the unique-writes path did not find valid. An
 * invalid verdict from that path stands; the search adds the longest partial
 * linearization, and the path's reason is reported only if the search runs out of
 * budget or time.
 */
function searchOutcome<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  operations: ReadonlyArray<Operation<Input, Output>>,
  partition: Partition<Input, Output>,
  fast: UniqueWritesResult,
  options: CheckOptions,
  statistics: CheckStatistics,
): PartitionOutcome {
  const maxSteps = options.maxStepsPerPartition ?? 10_000_000;
  const result = searchPartition(model, partition, maxSteps, options.deadline);
  statistics.steps += result.steps;
  if (fast.kind === "invalid" && result.kind === "valid") {
    throw new Error(`bug: the unique-writes path and the search disagree on ${describePartition(partition)}: ${fast.reason}`);
  }
  if (result.kind === "invalid") return { kind: "invalid", report: explainFailure(model, operations, partition, result.longest, result.failing, result.stateAtLongest) };
  if (fast.kind === "invalid") return { kind: "invalid", report: explainUniqueWritesFailure(operations, partition, fast.failing, fast.reason) };
  // The steps are the verdict's whole explanation: the caller knows its budget and how its
  // own users raise it (a library option, a CLI flag), so no sentence is built here.
  if (result.kind === "unknown") return { kind: "unknown", steps: result.steps, limit: result.limit };
  return { kind: "valid" };
}

/** gather makes the verdict, listing partitions in history order, whatever order they were settled in. */
function gather<Input, Output>(partitions: ReadonlyArray<Partition<Input, Output>>, outcomes: ReadonlyArray<PartitionOutcome | undefined>): LinearizabilityVerdict {
  const invalid: InvalidPartition[] = [];
  const undecided: UndecidedPartition[] = [];
  const unchecked: Array<string | null> = [];
  for (const [index, partition] of partitions.entries()) {
    const outcome = outcomes[index];
    if (outcome === undefined) unchecked.push(partition.key);
    else if (outcome.kind === "invalid") invalid.push(outcome.report);
    else if (outcome.kind === "unknown") undecided.push({ kind: outcome.limit === "steps" ? "out-of-budget" : "out-of-time", key: partition.key, steps: outcome.steps });
  }
  if (invalid.length > 0) return { kind: "invalid", partitions: invalid, undecided, unchecked };
  // Only an invalid partition stops the check early, so every partition has an outcome here.
  if (unchecked.length > 0) throw new Error(`bug: ${unchecked.length} partitions left unchecked without an invalid one`);
  if (undecided.length > 0) return { kind: "unknown", undecided };
  return { kind: "valid" };
}

function describePartition<Input, Output>(partition: Partition<Input, Output>): string {
  return partition.key === null ? "the history" : `key ${JSON.stringify(partition.key)}`;
}
