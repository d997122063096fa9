// The shape of a sequential model (Porcupine's `Model`): a record of pure functions that
// says which outputs an operation may return in a state, and the operations it judges.

/**
 * SequentialModel describes an object by its sequential behaviour. The linearizability
 * engine searches for an order of the operations, consistent with real time, in which
 * every `step` is accepted.
 *
 * With `partitionKey`, the model describes one partition (say, one key): the engine
 * splits the history by that key and checks each part from `init()` on its own
 * (P-compositionality: a history is linearizable iff each key's sub-history is).
 */
export interface SequentialModel<State, Input, Output> {
  /** name: the model's name, as `--model` spells it. */
  readonly name: string;
  /** init: the state before any operation. */
  init(): State;
  /**
   * step: applies `input` in `state`. `output` is what the operation returned, or
   * `undefined` when the outcome is unknown (a Jepsen `:info`): the model must then
   * accept any output the operation could have had. Must be pure.
   */
  step(state: State, input: Input, output: Output | undefined): StepResult<State>;
  /** key: a string equal for two states iff they are equal (hashing and equality). */
  key(state: State): string;
  /** partitionKey: the independent part of the object `input` touches, if any. */
  partitionKey?(input: Input): string;
  /**
   * readOnly: true when `input` never changes the state. An operation with an unknown
   * outcome that is read-only constrains nothing, and the engine drops it.
   */
  readOnly?(input: Input): boolean;
  /**
   * uniqueWriteView: says that `input` (with `output`, `undefined` when unknown) is a
   * plain write or read of one value, so that the engine may use its polynomial path
   * for histories where each value read was written once. `write`: `step` accepts in
   * every state and moves to `value`. `read`: `step` accepts exactly in the state
   * `value` (by `key`) and stays there. `undefined`: anything else (the engine then
   * searches). Optional: a model without it is always searched.
   */
  uniqueWriteView?(input: Input, output: Output | undefined): UniqueWriteView<State> | undefined;
  /**
   * blindWrite: the state `input` (with `output`, `undefined` when unknown) always moves
   * to, when it is a blind write: `step` accepts it in every state and moves to that
   * state whatever the current one. `undefined` for anything else (a read, a cas, an
   * append). With it, the engine tries a blind write of unknown outcome only just before
   * an operation that observes its value (Lowe's just-in-time linearization), instead of
   * at every point: k such writes then cost about k times, not 2^k times, the search.
   * Optional: a model without it has every operation tried at every point. A model
   * whose states include `undefined` cannot offer it.
   */
  blindWrite?(input: Input, output: Output | undefined): State | undefined;
  /** describeOperation: one short phrase for people, e.g. "write 3" or "read → 4". */
  describeOperation(input: Input, output: Output | undefined): string;
  /** describeState: the state for people, e.g. "3" or "absent". */
  describeState(state: State): string;
}

/** UniqueWriteView is an operation seen as a plain write or read of one state. */
export type UniqueWriteView<State> = { kind: "write"; value: State } | { kind: "read"; value: State };

/** StepResult is what `step` says: whether the output is allowed, and the next state. */
export interface StepResult<State> {
  ok: boolean;
  next: State;
}

/**
 * Operation is one client operation as the engine sees it. `ok`: it took effect and
 * returned `output`. `fail`: it certainly did not take effect (the engine drops it).
 * `info`: the outcome is unknown (or it never completed); `output` is ignored and
 * `returnTime` should be `Infinity`: it may take effect at any time after `callTime`,
 * or never. Operations whose intervals touch (equal times) count as concurrent.
 */
export interface Operation<Input, Output> {
  process: number;
  outcome: "ok" | "fail" | "info";
  input: Input;
  output: Output | undefined;
  callTime: number;
  returnTime: number;
  /** eventIndices: where the invoke and completion lines are in the source, for reports. */
  eventIndices: number[];
}
