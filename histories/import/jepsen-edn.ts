// Reads a Jepsen history in EDN (one vector or list of op maps, or one map per line) with
// Knossos's conventions: `:fail` did not happen, `:info` may or may not have taken
// effect (at any time after its invocation), and a read of nil constrains nothing.

import type {
  CasRegisterInput,
  CasRegisterOutput,
  KvInput,
  KvOutput,
  Operation,
  PorcupineKvInput,
  PorcupineKvOutput,
  RegisterValue,
} from "../../model/sequential/index.ts";
import { ednRecords } from "./_internals/edn-records.ts";
import { Pairer } from "./_internals/pairing.ts";
import { isUnsafeInteger, unsafeProcess, unsafeRegisterValue } from "./_internals/unsafe-integers.ts";
import { importFailure, type ImportedHistory, type ImportOptions, type ImportResult, type LineSource } from "./result.ts";

type Family = "register" | "keyed";
type Raw = { f: string; key: string | undefined; value: unknown };

/**
 * importJepsenEdn reads a Jepsen EDN history. `:f` :read/:write/:cas make a
 * cas-register history; :get/:put/:delete with a :key (or a jepsen.independent
 * [key value] tuple) make a kv history, and :append a porcupine-kv one. Ops of
 * processes that are not integers (the nemesis) are skipped. Values in kv
 * histories are compared as strings. A :get of nil read an absent key in a kv history
 * and constrains nothing in a porcupine-kv one.
 */
export async function importJepsenEdn(lines: LineSource, options: ImportOptions): Promise<ImportResult> {
  const pairer = new Pairer<Raw, unknown>();
  let family: Family | undefined;
  // Ops of processes that are not integers (the nemesis) are skipped, and counted: a file
  // whose every op was skipped was not understood, and must not come out valid.
  let skipped = 0;
  let firstSkipped = 0;
  let firstSkippedHasProcess = true;
  const fail = (line: number, field: string | undefined, message: string, fix: string): ImportResult =>
    importFailure(options.file, line, field, message, fix);
  for await (const record of ednRecords(lines)) {
    if (!record.ok) return fail(record.line, undefined, record.message, record.fix);
    const { map, line } = record;
    if (isUnsafeInteger(map["process"])) {
      const refusal = unsafeProcess(map["process"]);
      return fail(line, "process", refusal.message, refusal.fix);
    }
    const process = toNumber(map["process"]);
    if (process === undefined || !Number.isInteger(process)) {
      if (skipped++ === 0) {
        firstSkipped = line;
        firstSkippedHasProcess = "process" in map;
      }
      continue;
    }
    const type = map["type"];
    if (type !== "invoke" && type !== "ok" && type !== "fail" && type !== "info") return fail(line, "type", `:type is ${show(map["type"])}`, "use :invoke, :ok, :fail or :info");
    const f = map["f"];
    const opFamily: Family | undefined = f === "read" || f === "write" || f === "cas" ? "register" : f === "get" || f === "put" || f === "delete" || f === "append" ? "keyed" : undefined;
    if (opFamily === undefined) return fail(line, "f", `:f is ${show(f)}`, "use :read, :write, :cas (a register) or :get, :put, :delete, :append (a key-value store)");
    if (family !== undefined && family !== opFamily) return fail(line, "f", `:${String(f)} mixes register and key-value operations in one history`, "check register and key-value histories separately");
    family = opFamily;
    let key = map["key"] === undefined ? undefined : toKey(map["key"]);
    let value = map["value"];
    if (opFamily === "keyed" && map["key"] === undefined) {
      if (!Array.isArray(value) || value.length !== 2) return fail(line, "key", `:${String(f)} has no :key`, "give keyed operations a :key, or a jepsen.independent [key value] tuple as :value");
      key = toKey(value[0]);
      value = value[1];
    }
    const raw: Raw = { f: f as string, key, value };
    const problem = type === "invoke" ? pairer.invoke(process, raw.f, raw, line) : pairer.complete(process, raw.f, type, value, line);
    if (problem !== undefined) return fail(line, undefined, problem.message, problem.fix);
  }
  if (pairer.operations.length === 0) {
    // A map with no :process at all is likely not Jepsen's: JSON objects read as EDN maps, say.
    const skippedWhy = firstSkippedHasProcess ? `their :process is not an integer (as the nemesis's is), first at line ${firstSkipped}` : `the first, at line ${firstSkipped}, has no :process at all`;
    const why = skipped === 0 ? "the file holds no operation" : `all ${skipped} operations were skipped: ${skippedWhy}`;
    return fail(skipped === 0 ? 0 : firstSkipped, skipped === 0 ? undefined : "process", `no client operation to check: ${why}`, "check that this is a Jepsen EDN history whose client ops have integer :process values (leave --format out to have the format detected)");
  }
  const converted = family === "keyed" ? convertKeyed(pairer.operations) : convertRegister(pairer.operations);
  if (!converted.ok) return fail(converted.line, "value", converted.message, converted.fix);
  // Some skipped, some checked: the check says how many it left out, so that none goes unsaid.
  if (skipped > 0) converted.history.skipped = { operations: skipped, firstLine: firstSkipped, why: "their :process is not an integer (the nemesis's is not), so they are no client's operations" };
  return { ok: true, history: converted.history };
}

type Conversion = { ok: true; history: ImportedHistory } | { ok: false; line: number; message: string; fix: string };

function convertRegister(raws: Array<Operation<Raw, unknown>>): Conversion {
  const operations: Array<Operation<CasRegisterInput, CasRegisterOutput>> = [];
  for (const op of raws) {
    const { f, value } = op.input;
    const line = op.eventIndices[0]!;
    let input: CasRegisterInput;
    if (f === "read") input = { kind: "read" };
    else if (f === "write") {
      if (isUnsafeInteger(value)) return refuseUnsafe(line, value);
      const written = toRegisterValue(value);
      if (written === undefined) return { ok: false, line, message: `cannot write ${show(value)} to a register`, fix: "write a number, string or keyword" };
      input = { kind: "write", value: written };
    } else {
      const unsafe = Array.isArray(value) ? value.find(isUnsafeInteger) : undefined;
      if (unsafe !== undefined) return refuseUnsafe(line, unsafe);
      const pair = Array.isArray(value) && value.length === 2 ? value.map(toRegisterValue) : undefined;
      if (pair === undefined || pair[0] === undefined || pair[1] === undefined) return { ok: false, line, message: `:cas needs [from to], not ${show(value)}`, fix: "write e.g. :value [3 4]" };
      input = { kind: "cas", from: pair[0], to: pair[1] };
    }
    let outcome = op.outcome;
    let output: CasRegisterOutput | undefined = null;
    if (outcome === "ok" && f === "read") {
      if (isUnsafeInteger(op.output)) return refuseUnsafe(op.eventIndices[1]!, op.output);
      const read = toRegisterValue(op.output);
      if (read === null) outcome = "info"; // Knossos: a read of nil constrains nothing
      else if (read === undefined) return { ok: false, line: op.eventIndices[1]!, message: `a read returned ${show(op.output)}`, fix: "a read returns a number, string, keyword or nil" };
      output = read === null ? undefined : { kind: "read", value: read };
    } else if (f === "cas") output = { kind: "cas", swapped: true };
    operations.push({ ...op, outcome, input, output: outcome === "ok" ? output : undefined });
  }
  return { ok: true, history: { kind: "cas-register", operations } };
}

function convertKeyed(raws: Array<Operation<Raw, unknown>>): Conversion {
  const appends = raws.some((op) => op.input.f === "append");
  const deletes = raws.find((op) => op.input.f === "delete");
  if (appends && deletes !== undefined) return { ok: false, line: deletes.eventIndices[0]!, message: "a history with :append cannot also :delete (no model has both)", fix: "check append and delete histories separately" };
  const kv: Array<Operation<KvInput, KvOutput>> = [];
  const porcupine: Array<Operation<PorcupineKvInput, PorcupineKvOutput>> = [];
  for (const op of raws) {
    const { f, key, value } = op.input;
    const line = op.eventIndices[0]!;
    if (key === undefined) return { ok: false, line, message: "the key is not a string or number", fix: "use string or integer keys" };
    const text = toText(value);
    if ((f === "put" || f === "append") && text === undefined) return { ok: false, line, message: `:${f} writes ${show(value)}`, fix: "write a string or number" };
    const read = op.outcome === "ok" && f === "get" ? op.output : undefined;
    const readText = toText(read);
    if (read !== undefined && read !== null && readText === undefined) return { ok: false, line: op.eventIndices[1]!, message: `a :get returned ${show(read)}`, fix: "a :get returns a string, number or nil" };
    if (appends) {
      const input: PorcupineKvInput = f === "get" ? { kind: "get", key } : { kind: f === "put" ? "put" : "append", key, value: text! };
      const unconstrained = f === "get" && op.outcome === "ok" && readText === undefined;
      const output: PorcupineKvOutput | undefined = op.outcome !== "ok" || unconstrained ? undefined : f === "get" ? { kind: "get", value: readText! } : null;
      porcupine.push({ ...op, outcome: unconstrained ? "info" : op.outcome, input, output });
    } else {
      const input: KvInput = f === "get" ? { kind: "get", key } : f === "delete" ? { kind: "delete", key } : { kind: "put", key, value: text! };
      const output: KvOutput | undefined = op.outcome !== "ok" ? undefined : f !== "get" ? null : readText === undefined ? { kind: "absent", reason: "never-written" } : { kind: "value", value: readText };
      kv.push({ ...op, input, output });
    }
  }
  return { ok: true, history: appends ? { kind: "porcupine-kv", operations: porcupine } : { kind: "kv", operations: kv } };
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint" && !isUnsafeInteger(value)) return Number(value);
  return undefined;
}

function refuseUnsafe(line: number, value: bigint): Conversion {
  return { ok: false, line, ...unsafeRegisterValue(value) };
}

function toRegisterValue(value: unknown): RegisterValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return toNumber(value);
}

function toText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return String(value); // exact, whatever its size
  const number = toNumber(value);
  return number === undefined ? undefined : String(number);
}

function toKey(value: unknown): string | undefined {
  return toText(value);
}

function show(value: unknown): string {
  if (value === undefined) return "missing";
  return typeof value === "bigint" ? `${value}N` : (JSON.stringify(value) ?? String(value));
}
