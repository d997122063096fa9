// Builders for hand-written histories in the engine tests.

import type { Operation } from "../../../model/sequential/index.ts";

/** ok is an operation that returned `output` over [callTime, returnTime]. */
export function ok<I, O>(process: number, input: I, output: O, callTime: number, returnTime: number): Operation<I, O> {
  return { process, outcome: "ok", input, output, callTime, returnTime, eventIndices: [callTime, returnTime] };
}

/** info is an operation with unknown outcome, called at `callTime`. */
export function info<I, O>(process: number, input: I, callTime: number): Operation<I, O> {
  return { process, outcome: "info", input, output: undefined, callTime, returnTime: Infinity, eventIndices: [callTime] };
}

/** failed is an operation that certainly did not happen. */
export function failed<I, O>(process: number, input: I, callTime: number, returnTime: number): Operation<I, O> {
  return { process, outcome: "fail", input, output: undefined, callTime, returnTime, eventIndices: [callTime, returnTime] };
}
