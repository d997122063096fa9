// The polynomial path for register-like partitions (Gibbons & Korach, "Testing shared
// memories", 1997): when every value read has exactly one write that can explain it,
// each write and its reads form a cluster, and the partition is linearizable iff the
// clusters fit in one order (zones.ts). Otherwise the search decides.

import type { SequentialModel } from "../../../model/sequential/index.ts";
import type { PartitionInput } from "./search.ts";
import { findZoneConflict } from "./zones.ts";

/**
 * UniqueWritesResult: `valid` and `invalid` are final (and must agree with the
 * search); `not-applicable` says the search must decide. `failing` is a local index.
 */
export type UniqueWritesResult =
  | { kind: "valid" }
  | { kind: "invalid"; failing: number; reason: string }
  | { kind: "not-applicable" };

/** initialWrite stands for the initial state: a write that completed at -∞. */
const initialWrite = -1;
const noWrite = -2;

/** Clusters: one entry per write that constrains something, with the reads mapped to it. */
interface Clusters {
  writer: number[];
  earliestReturn: number[];
  earliestReturnOp: number[];
  latestCall: number[];
  latestCallOp: number[];
}

/**
 * checkUniqueWrites decides the partition without search when the model has a
 * `uniqueWriteView`, every operation is a plain read or write, and each value read
 * has exactly one candidate write: a write (or the initial state) called no later
 * than the last read of its value returned. Any other write of that value cannot be
 * the one read, so it stands alone. Several candidates (say, the initial state and a
 * delete, both "absent") make the read mapping a guess: not applicable. A write with
 * unknown outcome that nobody can have read is dropped: not taking effect is allowed.
 */
export function checkUniqueWrites<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  partition: PartitionInput<Input, Output>,
): UniqueWritesResult {
  const views = viewOperations(model, partition);
  if (views === undefined) return { kind: "not-applicable" };
  const reads = summarizeReads(partition, views);
  const { callTimes, returnTimes } = partition;
  const candidate = new Int32Array(views.valueCount).fill(noWrite);
  if (reads.lastCallOp[views.initialValue] !== -1) candidate[views.initialValue] = initialWrite;
  const clusters: Clusters = { writer: [], earliestReturn: [], earliestReturnOp: [], latestCall: [], latestCallOp: [] };
  for (let op = 0; op < views.valueOf.length; op++) {
    if (views.isWrite[op] === 0) continue;
    const value = views.valueOf[op]!;
    if (callTimes[op]! <= reads.lastReturn[value]!) {
      if (candidate[value] !== noWrite) return { kind: "not-applicable" };
      candidate[value] = op;
    } else if (returnTimes[op] !== Infinity) {
      addCluster(clusters, op, returnTimes[op]!, op, callTimes[op]!, op);
    }
  }
  for (let value = 0; value < views.valueCount; value++) {
    const firstRead = reads.firstReturnOp[value]!;
    if (firstRead === -1) continue;
    const writer = candidate[value]!;
    if (writer === noWrite) {
      return { kind: "invalid", failing: firstRead, reason: `${describe(model, partition, firstRead)} reads a value no operation could have written before it returned` };
    }
    const writerCall = writer === initialWrite ? -Infinity : callTimes[writer]!;
    const writerReturn = writer === initialWrite ? -Infinity : returnTimes[writer]!;
    const firstReturn = reads.firstReturn[value]!;
    if (firstReturn < writerCall) {
      const write = describe(model, partition, writer);
      return { kind: "invalid", failing: firstRead, reason: `${describe(model, partition, firstRead)} returned before any write of its value was called (the first: ${write})` };
    }
    const [earliest, earliestOp] = writerReturn <= firstReturn ? [writerReturn, writer] : [firstReturn, firstRead];
    const [latest, latestOp] = writerCall >= reads.lastCall[value]! ? [writerCall, writer] : [reads.lastCall[value]!, reads.lastCallOp[value]!];
    addCluster(clusters, writer, earliest, earliestOp, latest, latestOp);
  }
  return decideZones(model, partition, clusters);
}

/** Views: each operation as a write (`isWrite` 1) or read of a value id. */
interface Views {
  isWrite: Uint8Array;
  valueOf: Int32Array;
  valueCount: number;
  initialValue: number;
}

/**
 * viewOperations asks the model's view for every operation; undefined if any is not
 * plain, or as soon as a read has two writes of its value called before it returned
 * (both are candidates: a cheap early exit for, say, gets of absent after deletes).
 */
function viewOperations<State, Input, Output>(model: SequentialModel<State, Input, Output>, partition: PartitionInput<Input, Output>): Views | undefined {
  if (model.uniqueWriteView === undefined) return undefined;
  const operationCount = partition.inputs.length;
  const valueIds = new Map<string, number>();
  // Per value id: the two earliest calls of its writes seen so far.
  const earliestWriteCall: number[] = [];
  const secondWriteCall: number[] = [];
  const idOf = (value: State): number => {
    const key = model.key(value);
    let id = valueIds.get(key);
    if (id === undefined) {
      valueIds.set(key, (id = valueIds.size));
      earliestWriteCall.push(Infinity);
      secondWriteCall.push(Infinity);
    }
    return id;
  };
  const initialValue = idOf(model.init());
  earliestWriteCall[initialValue] = -Infinity;
  const isWrite = new Uint8Array(operationCount);
  const valueOf = new Int32Array(operationCount);
  for (let op = 0; op < operationCount; op++) {
    const view = model.uniqueWriteView(partition.inputs[op]!, partition.outputs[op]);
    if (view === undefined) return undefined;
    const value = idOf(view.value);
    isWrite[op] = view.kind === "write" ? 1 : 0;
    valueOf[op] = value;
    const call = partition.callTimes[op]!;
    if (view.kind === "read" && secondWriteCall[value]! <= partition.returnTimes[op]!) return undefined;
    if (view.kind === "write" && call < secondWriteCall[value]!) {
      secondWriteCall[value] = Math.max(call, earliestWriteCall[value]!);
      earliestWriteCall[value] = Math.min(call, earliestWriteCall[value]!);
    }
  }
  return { isWrite, valueOf, valueCount: valueIds.size, initialValue };
}

/** ReadSummary: per value id, the extremes of its reads' times (op -1: no reads). */
interface ReadSummary {
  lastReturn: Float64Array;
  firstReturn: Float64Array;
  firstReturnOp: Int32Array;
  lastCall: Float64Array;
  lastCallOp: Int32Array;
}

function summarizeReads<Input, Output>(partition: PartitionInput<Input, Output>, views: Views): ReadSummary {
  const { callTimes, returnTimes } = partition;
  const reads: ReadSummary = {
    lastReturn: new Float64Array(views.valueCount).fill(-Infinity),
    firstReturn: new Float64Array(views.valueCount).fill(Infinity),
    firstReturnOp: new Int32Array(views.valueCount).fill(-1),
    lastCall: new Float64Array(views.valueCount).fill(-Infinity),
    lastCallOp: new Int32Array(views.valueCount).fill(-1),
  };
  for (let op = 0; op < views.valueOf.length; op++) {
    if (views.isWrite[op] === 1) continue;
    const value = views.valueOf[op]!;
    if (returnTimes[op]! > reads.lastReturn[value]!) reads.lastReturn[value] = returnTimes[op]!;
    if (reads.firstReturnOp[value] === -1 || returnTimes[op]! < reads.firstReturn[value]!) {
      reads.firstReturn[value] = returnTimes[op]!;
      reads.firstReturnOp[value] = op;
    }
    if (reads.lastCallOp[value] === -1 || callTimes[op]! > reads.lastCall[value]!) {
      reads.lastCall[value] = callTimes[op]!;
      reads.lastCallOp[value] = op;
    }
  }
  return reads;
}

function addCluster(clusters: Clusters, writer: number, earliestReturn: number, earliestReturnOp: number, latestCall: number, latestCallOp: number): void {
  clusters.writer.push(writer);
  clusters.earliestReturn.push(earliestReturn);
  clusters.earliestReturnOp.push(earliestReturnOp);
  clusters.latestCall.push(latestCall);
  clusters.latestCallOp.push(latestCallOp);
}

/** decideZones runs the zone test and, on a conflict, says which operations force it. */
function decideZones<State, Input, Output>(
  model: SequentialModel<State, Input, Output>,
  partition: PartitionInput<Input, Output>,
  clusters: Clusters,
): UniqueWritesResult {
  const conflict = findZoneConflict({ earliestReturn: Float64Array.from(clusters.earliestReturn), latestCall: Float64Array.from(clusters.latestCall) });
  if (conflict === undefined) return { kind: "valid" };
  const { first, second } = conflict;
  const before = (a: number, b: number): string =>
    `${describe(model, partition, clusters.earliestReturnOp[a]!)} returned before ${describe(model, partition, clusters.latestCallOp[b]!)} was called`;
  const reason =
    `${describe(model, partition, clusters.writer[first]!)} (with its reads) and ${describe(model, partition, clusters.writer[second]!)} ` +
    `(with its reads) must each take effect before the other: ${before(first, second)}, and ${before(second, first)}`;
  // A cluster's latest call is always a real operation: the initial state is called at -∞.
  return { kind: "invalid", failing: clusters.latestCallOp[second]!, reason };
}

function describe<State, Input, Output>(model: SequentialModel<State, Input, Output>, partition: PartitionInput<Input, Output>, op: number): string {
  if (op === initialWrite) return `the initial state ${model.describeState(model.init())}`;
  return `${model.describeOperation(partition.inputs[op]!, partition.outputs[op])} [${partition.callTimes[op]}, ${partition.returnTimes[op]}]`;
}
