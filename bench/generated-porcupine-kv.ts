// A generated kv history written in Porcupine's kv format (one EDN map per line), to check
// as a file, as Porcupine's c50 histories are: the engine benchmark's generator decides who
// does what and when; a delete becomes a put of "", the value Porcupine's kv model starts
// from (so "absent" reads "" too). With `lie`, one get in the middle reads a value no one
// wrote, and the history is not linearizable.
import type { KvInput, KvOutput, Operation } from "../model/sequential/index.ts";
import { generateKvHistory } from "./linearizability.ts";

/** GeneratedKvShape is the size of a generated history. */
export interface GeneratedKvShape {
  operationCount: number;
  keyCount: number;
  clientCount: number;
  seed: number;
}

/** porcupineKvText renders a generated history as the text of a Porcupine kv file. */
export function porcupineKvText(shape: GeneratedKvShape, lie: boolean): string {
  const operations = generateKvHistory(shape.operationCount, shape.keyCount, shape.clientCount, shape.seed);
  if (lie) {
    const gets = operations.filter((op) => op.outcome === "ok" && op.input.kind === "get" && op.output?.kind === "value");
    gets[gets.length >> 1]!.output = { kind: "value", value: "never-written" };
  }
  const lines: Array<{ time: number; text: string }> = [];
  for (const op of operations) {
    lines.push({ time: op.callTime, text: ednLine(op, "invoke") });
    // An info operation stays open to the end of the file: its outcome is unknown.
    if (op.outcome !== "info") lines.push({ time: op.returnTime, text: ednLine(op, op.outcome) });
  }
  return lines.sort((a, b) => a.time - b.time).map((line) => `${line.text}\n`).join("");
}

function ednLine(op: Operation<KvInput, KvOutput>, type: "invoke" | "ok" | "fail"): string {
  const { input } = op;
  const f = input.kind === "get" ? "get" : "put";
  const value = input.kind === "put" ? input.value : input.kind === "delete" ? "" : type === "ok" ? readValue(op.output) : undefined;
  return `{:process ${op.process}, :type :${type}, :f :${f}, :key ${JSON.stringify(input.key)}, :value ${value === undefined ? "nil" : JSON.stringify(value)}}`;
}

function readValue(output: KvOutput | undefined): string {
  return output?.kind === "value" ? output.value : "";
}
