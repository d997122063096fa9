// Lowe's just-in-time linearization ("Testing for linearizability", 2017) of blind
// writes with unknown outcome: the search never tries such a write on its own, only
// paired with the operation right after it, so k of them no longer cost 2^k configurations.
//
// Why that loses no linearization. Take a legal order and a deferred write W (an `info`
// blind write) in it, applied in state s and leaving v. Look at what follows W:
// - nothing, or another blind write: W is overwritten unseen; drop it (an `info`
//   operation may never take effect); so too if v = s;
// - an operation Y that accepts s and stays there, and stays at v from v: swap Y and W
//   (the state after both is v either way, and W has no return, so real time allows it);
// - anything else: Y observes W; the search tries the pair "W then Y" as one move.
// Each rewrite drops W or moves it later, so they end; what is left has every deferred
// write right before an operation it is paired with. Several deferred writes of the same
// state are interchangeable (none has a deadline, and one that may go at some point may
// go at every later point), so the pair always takes the earliest-called unused one.
// The argument starts from any configuration, so the visited set's pruning (a stored
// configuration covers one with the same state and more `info` bits) stays sound.

import type { SequentialModel } from "../../../model/sequential/index.ts";
import type { PartitionInput } from "./search.ts";

/** PairList is, for one operation Y, the classes of deferred writes after which Y may step, and where to. */
interface PairList {
  classes: Int32Array;
  nextStates: Int32Array;
}

/**
 * JustInTimeWrites holds a partition's deferred writes, grouped into classes by the
 * state they write, and finds the pairs to try. A class's linearized members are always
 * its first `used` members in call order: pairs take the earliest unused one, and the
 * search undoes them in reverse.
 */
export class JustInTimeWrites<State, Input, Output> {
  /** deferred: 1 for an operation the search must not try on its own (it leaves the entry list). */
  readonly deferred: Uint8Array;
  /** observer: per operation, 0 until asked, then 1 if it may follow a deferred write (it is no blind write), else 2. */
  private readonly observer: Uint8Array;
  private readonly classState: Int32Array;
  private readonly members: Int32Array[];
  private readonly used: Int32Array;
  private readonly pairLists: Array<PairList | undefined>;

  private constructor(
    private readonly model: SequentialModel<State, Input, Output>,
    private readonly partition: PartitionInput<Input, Output>,
    private readonly states: State[],
    private readonly intern: (state: State) => number,
    deferred: Uint8Array,
    classState: number[],
    members: number[][],
  ) {
    this.deferred = deferred;
    this.observer = new Uint8Array(partition.inputs.length);
    this.classState = Int32Array.from(classState);
    this.members = members.map((list) => Int32Array.from(list));
    this.used = new Int32Array(members.length);
    this.pairLists = new Array<PairList | undefined>(partition.inputs.length);
  }

  /**
   * build finds the deferred writes, or returns undefined when there are none (or the
   * model has no `blindWrite`): the search then runs as plain Wing–Gong–Lowe.
   * `callEntryOf` orders the members of a class by call.
   */
  static build<State, Input, Output>(
    model: SequentialModel<State, Input, Output>,
    partition: PartitionInput<Input, Output>,
    callEntryOf: Int32Array,
    states: State[],
    intern: (state: State) => number,
  ): JustInTimeWrites<State, Input, Output> | undefined {
    if (model.blindWrite === undefined) return undefined;
    const operationCount = partition.inputs.length;
    const deferred = new Uint8Array(operationCount);
    const classOfState = new Map<number, number>();
    const classState: number[] = [];
    const members: number[][] = [];
    for (let op = 0; op < operationCount; op++) {
      if (partition.returnTimes[op] !== Infinity) continue;
      const written = model.blindWrite(partition.inputs[op]!, undefined);
      if (written === undefined) continue;
      assertBlind(model, states[0]!, partition.inputs[op]!, written);
      deferred[op] = 1;
      const state = intern(written);
      let group = classOfState.get(state);
      if (group === undefined) {
        group = classState.length;
        classOfState.set(state, group);
        classState.push(state);
        members.push([]);
      }
      members[group]!.push(op);
    }
    if (classState.length === 0) return undefined;
    for (const list of members) list.sort((a, b) => callEntryOf[a]! - callEntryOf[b]!);
    return new JustInTimeWrites(model, partition, states, intern, deferred, classState, members);
  }

  /** mayObserve says whether deferred writes may be paired before `op`. */
  mayObserve(op: number): boolean {
    if (this.observer[op] === 0) {
      const blind = this.model.blindWrite!(this.partition.inputs[op]!, this.partition.outputs[op]) !== undefined;
      this.observer[op] = blind ? 2 : 1;
    }
    return this.observer[op] === 1;
  }

  /** pairCount: how many classes of deferred writes `op` may follow (some may be used up). */
  pairCount(op: number): number {
    return this.pairList(op).classes.length;
  }

  /**
   * nextPair returns the first index `k >= from` of `op`'s pair list worth trying in
   * state `state`, or -1. Worth trying: the class has an unused member called before
   * `frontier` (the first return entry not yet linearized), writes a state other than
   * the current one, and, when `op` alone stays put in `state` (`stationary`), makes
   * `op` move: otherwise the pair is the swapped order "op, then the write later".
   */
  nextPair(op: number, from: number, state: number, stationary: boolean, frontier: number, callEntryOf: Int32Array): number {
    const { classes, nextStates } = this.pairList(op);
    for (let k = from; k < classes.length; k++) {
      const group = classes[k]!;
      const written = this.classState[group]!;
      if (written === state || (stationary && nextStates[k] === written)) continue;
      const used = this.used[group]!;
      const members = this.members[group]!;
      if (used === members.length || callEntryOf[members[used]!]! >= frontier) continue;
      return k;
    }
    return -1;
  }

  /** writerOf: the deferred write that pair `k` of `op` would linearize now. */
  writerOf(op: number, k: number): number {
    const group = this.pairList(op).classes[k]!;
    return this.members[group]![this.used[group]!]!;
  }

  /** writtenStateOf: the state between the two operations of pair `k` of `op`. */
  writtenStateOf(op: number, k: number): number {
    return this.classState[this.pairList(op).classes[k]!]!;
  }

  /** nextStateOf: the state after pair `k` of `op`. */
  nextStateOf(op: number, k: number): number {
    return this.pairList(op).nextStates[k]!;
  }

  /** use records that pair `k` of `op` took its class's next member. */
  use(op: number, k: number): void {
    this.used[this.pairList(op).classes[k]!]!++;
  }

  /** release undoes `use`; pairs are released in reverse order. */
  release(op: number, k: number): void {
    const group = this.pairList(op).classes[k]!;
    if (this.used[group] === 0) throw new Error(`bug: deferred-write class ${group} released more often than used`);
    this.used[group]!--;
  }

  /** pairList: the classes after which `op` may step, computed on first use. */
  private pairList(op: number): PairList {
    const known = this.pairLists[op];
    if (known !== undefined) return known;
    const classes: number[] = [];
    const nextStates: number[] = [];
    for (let group = 0; group < this.classState.length; group++) {
      const result = this.model.step(this.states[this.classState[group]!]!, this.partition.inputs[op]!, this.partition.outputs[op]);
      if (!result.ok) continue;
      classes.push(group);
      nextStates.push(this.intern(result.next));
    }
    const list = { classes: Int32Array.from(classes), nextStates: Int32Array.from(nextStates) };
    this.pairLists[op] = list;
    return list;
  }
}

/** assertBlind checks, from the initial state, that the model's `blindWrite` agrees with its `step`. */
function assertBlind<State, Input, Output>(model: SequentialModel<State, Input, Output>, initial: State, input: Input, written: State): void {
  const result = model.step(initial, input, undefined);
  if (!result.ok || model.key(result.next) !== model.key(written)) {
    throw new Error(`bug: model ${model.name} calls ${model.describeOperation(input, undefined)} a blind write, but its step disagrees`);
  }
}
