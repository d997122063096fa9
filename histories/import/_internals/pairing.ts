// Pairing invocations with completions per process, the way Jepsen records them: a
// process has at most one operation open; `:info` ends it with an unknown outcome and
// the process never completes it (a crashed process comes back under a new id).

import type { Operation } from "../../../model/sequential/index.ts";

/** PairingFailure is a pairing mistake, for the importer to turn into an ImportError. */
export interface PairingFailure {
  message: string;
  fix: string;
}

interface Open<Input, Output> {
  operation: Operation<Input, Output>;
  name: string;
  line: number;
}

/** Pairer builds operations in invocation order; time is the line number. */
export class Pairer<Input, Output> {
  readonly operations: Array<Operation<Input, Output>> = [];
  private readonly open = new Map<string, Open<Input, Output>>();

  /** invoke opens an operation named `name` (the `:f`) for `process` at `line`. */
  invoke(process: number, name: string, input: Input, line: number): PairingFailure | undefined {
    const previous = this.open.get(String(process));
    if (previous !== undefined) {
      return {
        message: `process ${process} invokes :${name} while its :${previous.name} from line ${previous.line} is still open`,
        fix: "complete each operation (:ok, :fail or :info) before the same process invokes the next one",
      };
    }
    const operation: Operation<Input, Output> = {
      process,
      outcome: "info",
      input,
      output: undefined,
      callTime: line,
      returnTime: Infinity,
      eventIndices: [line],
    };
    this.operations.push(operation);
    this.open.set(String(process), { operation, name, line });
    return undefined;
  }

  /**
   * complete ends the open operation of `process`. `output` is used for `ok`; `info`
   * keeps the outcome unknown; `fail` means it did not happen.
   */
  complete(
    process: number,
    name: string,
    outcome: "ok" | "fail" | "info",
    output: Output | undefined,
    line: number,
  ): PairingFailure | undefined {
    const open = this.open.get(String(process));
    if (open === undefined) {
      return {
        message: `process ${process} completes :${name} but has no open invocation`,
        fix: "every :ok, :fail or :info line needs an earlier :invoke line from the same process",
      };
    }
    if (open.name !== name) {
      return {
        message: `process ${process} completes :${name} but its open invocation (line ${open.line}) is :${open.name}`,
        fix: "a completion must repeat the :f of the invocation it completes",
      };
    }
    this.open.delete(String(process));
    const op = open.operation;
    op.outcome = outcome;
    op.eventIndices.push(line);
    if (outcome !== "info") op.returnTime = line;
    if (outcome === "ok") op.output = output;
    return undefined;
  }
}
