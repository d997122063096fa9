// Reads Porcupine's kv histories (../shared/external/porcupine/README.md): one EDN map
// per line, {:process 0, :type :invoke|:ok, :f :get|:put|:append, :key "k", :value ...}.

import type { PorcupineKvInput, PorcupineKvOutput } from "../../model/sequential/index.ts";
import { ednRecords } from "./_internals/edn-records.ts";
import { Pairer } from "./_internals/pairing.ts";
import { importFailure, type ImportOptions, type ImportResult, type LineSource } from "./result.ts";

/**
 * importPorcupineKv reads a kv history into porcupine-kv operations. `:fail` and
 * `:info` completions are accepted too (did not happen; unknown outcome).
 */
export async function importPorcupineKv(lines: LineSource, options: ImportOptions): Promise<ImportResult> {
  const pairer = new Pairer<PorcupineKvInput, PorcupineKvOutput>();
  const fail = (line: number, field: string | undefined, message: string, fix: string): ImportResult =>
    importFailure(options.file, line, field, message, fix);
  for await (const record of ednRecords(lines)) {
    if (!record.ok) return fail(record.line, undefined, record.message, record.fix);
    const { map, line } = record;
    const process = map["process"];
    if (typeof process !== "number" || !Number.isInteger(process)) return fail(line, "process", `:process is ${show(process)}, not an integer`, "give every operation an integer :process");
    const type = map["type"];
    if (type !== "invoke" && type !== "ok" && type !== "fail" && type !== "info") return fail(line, "type", `:type is ${show(type)}`, "use :invoke, :ok, :fail or :info");
    const f = map["f"];
    if (f !== "get" && f !== "put" && f !== "append") return fail(line, "f", `:f is ${show(f)}`, "use :get, :put or :append");
    const key = map["key"];
    if (typeof key !== "string") return fail(line, "key", `:key is ${show(key)}, not a string`, 'give every operation a string :key, e.g. :key "0"');
    const value = map["value"];
    const problem = type === "invoke" ? invoke(pairer, process, f, key, value, line) : complete(pairer, process, type, f, value, line);
    if (problem !== undefined) return fail(line, problem.field, problem.message, problem.fix);
  }
  return { ok: true, history: { kind: "porcupine-kv", operations: pairer.operations } };
}

interface Problem {
  field?: string;
  message: string;
  fix: string;
}

function invoke(pairer: Pairer<PorcupineKvInput, PorcupineKvOutput>, process: number, f: "get" | "put" | "append", key: string, value: unknown, line: number): Problem | undefined {
  if (f === "get") return pairer.invoke(process, f, { kind: "get", key }, line);
  if (typeof value !== "string") return { field: "value", message: `:${f} writes ${show(value)}, not a string`, fix: `give the :${f} invocation a string :value` };
  return pairer.invoke(process, f, { kind: f, key, value }, line);
}

function complete(pairer: Pairer<PorcupineKvInput, PorcupineKvOutput>, process: number, type: "ok" | "fail" | "info", f: "get" | "put" | "append", value: unknown, line: number): Problem | undefined {
  if (f === "get" && type === "ok") {
    // A get with a nil value constrains nothing (Knossos); keep it as unknown.
    if (value === null || value === undefined) return pairer.complete(process, f, "info", null, line);
    if (typeof value !== "string") return { field: "value", message: `the :get returned ${show(value)}, not a string`, fix: "an :ok :get carries the string it read" };
    return pairer.complete(process, f, "ok", { kind: "get", value }, line);
  }
  return pairer.complete(process, f, type, null, line);
}

function show(value: unknown): string {
  if (value === undefined) return "missing";
  return typeof value === "bigint" ? `${value}N` : JSON.stringify(value) ?? String(value);
}
