// Reads Jepsen's logged etcd format (../shared/external/porcupine/README.md): one event
// per line, `INFO  jepsen.util - <process> :<type> :<f> <value>`, on one cas register.

import type { CasRegisterInput, CasRegisterOutput, RegisterValue } from "../../model/sequential/index.ts";
import { Pairer } from "./_internals/pairing.ts";
import { firstUnsafeInteger, unsafeProcess, unsafeRegisterValue } from "./_internals/unsafe-integers.ts";
import type { ImportError, ImportOptions, ImportResult, LineSource } from "./result.ts";

const linePattern = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s*(.*?)\s*$/;

/**
 * importJepsenLog reads an etcd log into cas-register operations. As the README says:
 * `:ok :read nil` read an absent register; a `:fail :cas` is a compare that failed
 * (the value was not `from`), so it is kept as a cas that reported `swapped: false`;
 * `:fail :read` (timed out) constrains nothing; `:info` is indeterminate, and so is an
 * invocation still open at the end of the file.
 */
export async function importJepsenLog(lines: LineSource, options: ImportOptions): Promise<ImportResult> {
  const pairer = new Pairer<CasRegisterInput, CasRegisterOutput>();
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === "") continue;
    const match = linePattern.exec(text);
    if (match === null) {
      return failure(options, lineNumber, undefined, `line is not a Jepsen log event: ${JSON.stringify(text.slice(0, 80))}`,
        "each line must look like `INFO  jepsen.util - 3 :invoke :write 4`");
    }
    const [, processText, type, f, valueText] = match as unknown as [string, string, string, "read" | "write" | "cas", string];
    const unsafe = firstUnsafeInteger(processText) !== undefined ? { field: "process", ...unsafeProcess(processText) } : refuseUnsafeValue(valueText);
    if (unsafe !== undefined) return failure(options, lineNumber, unsafe.field, unsafe.message, unsafe.fix);
    const process = Number(processText);
    const value = parseValue(valueText);
    if (value === undefined) {
      return failure(options, lineNumber, "value", `cannot read the value ${JSON.stringify(valueText)} of :${f}`,
        "a value is nil, an integer, [from to] or :timed-out");
    }
    const problem = type === "invoke" ? invoke(pairer, process, f, value, lineNumber) : complete(pairer, process, type as "ok" | "fail" | "info", f, value, lineNumber);
    if (problem !== undefined) return failure(options, lineNumber, problem.field, problem.message, problem.fix);
  }
  return { ok: true, history: { kind: "cas-register", operations: pairer.operations } };
}

/** refuseUnsafeValue refuses a value with an integer no double holds exactly; Number() would round it silently. */
function refuseUnsafeValue(valueText: string): Problem | undefined {
  const unsafe = firstUnsafeInteger(valueText);
  return unsafe === undefined ? undefined : { field: "value", ...unsafeRegisterValue(unsafe) };
}

type LogValue = RegisterValue | [RegisterValue, RegisterValue] | "timed-out";

function parseValue(text: string): LogValue | undefined {
  if (text === "nil") return null;
  if (text === ":timed-out") return "timed-out";
  if (/^-?\d+$/.test(text)) return Number(text);
  const pair = /^\[\s*(nil|-?\d+)\s+(nil|-?\d+)\s*\]$/.exec(text);
  if (pair === null) return undefined;
  return [pair[1] === "nil" ? null : Number(pair[1]), pair[2] === "nil" ? null : Number(pair[2])];
}

interface Problem {
  field?: string;
  message: string;
  fix: string;
}

function invoke(pairer: Pairer<CasRegisterInput, CasRegisterOutput>, process: number, f: "read" | "write" | "cas", value: LogValue, line: number): Problem | undefined {
  switch (f) {
    case "read":
      return pairer.invoke(process, f, { kind: "read" }, line);
    case "write":
      if (Array.isArray(value) || value === "timed-out") return { field: "value", message: "a :write invocation needs a single value", fix: "write one integer, e.g. `:invoke :write 4`" };
      return pairer.invoke(process, f, { kind: "write", value }, line);
    case "cas":
      if (!Array.isArray(value)) return { field: "value", message: "a :cas invocation needs [from to]", fix: "write e.g. `:invoke :cas [3 4]`" };
      return pairer.invoke(process, f, { kind: "cas", from: value[0], to: value[1] }, line);
  }
}

function complete(pairer: Pairer<CasRegisterInput, CasRegisterOutput>, process: number, type: "ok" | "fail" | "info", f: "read" | "write" | "cas", value: LogValue, line: number): Problem | undefined {
  if (type === "ok" && f === "read") {
    if (Array.isArray(value) || value === "timed-out") return { field: "value", message: "an :ok :read needs the value read (nil or an integer)", fix: "write e.g. `:ok :read 4` or `:ok :read nil`" };
    return pairer.complete(process, f, "ok", { kind: "read", value }, line);
  }
  if (f === "cas" && type !== "info") {
    // A failed cas ran and found a value other than `from` (etcd "compare failed").
    return pairer.complete(process, f, "ok", { kind: "cas", swapped: type === "ok" }, line);
  }
  return pairer.complete(process, f, type, null, line);
}

function failure(options: ImportOptions, line: number, field: string | undefined, message: string, fix: string): ImportResult {
  const error: ImportError = { file: options.file, line, message, fix };
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}
