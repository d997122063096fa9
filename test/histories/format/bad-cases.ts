// One history text for every kind of bad input the reader names, with the code, line
// and field it must report. Shared by the text and the stream reader tests.
import type { HistoryErrorCode } from "../../../histories/index.ts";
import { jsonl, validHeader, withHeader } from "./fixtures.ts";

/** put, ok, getInvoke and del make client event lines in a few characters. */
export const put = (time: number, process: number, value: string, key = "k") => ({ kind: "invoke", time, process, op: "put", key, value });
export const ok = (time: number, process: number, op: string, key = "k", extra: object = {}) => ({ kind: "complete", time, process, op, key, outcome: "ok", ...extra });
export const getInvoke = (time: number, process: number, key = "k") => ({ kind: "invoke", time, process, op: "get", key });
export const del = (time: number, process: number, tombstone?: string) => ({ kind: "invoke", time, process, op: "delete", key: "k", ...(tombstone === undefined ? {} : { tombstone }) });

/** BadCase is a bad history text and the error it must give. */
export interface BadCase {
  name: string;
  text: string;
  code: HistoryErrorCode;
  line: number;
  field: string;
}

const partition = (groups: unknown) => ({ kind: "partition", time: 1, groups });
const header = validHeader();

/** badCases covers every error code but unreadable. */
export const badCases: BadCase[] = [
  { name: "an empty file", text: "", code: "empty", line: 1, field: "" },
  { name: "a file of blank lines", text: "\n  \n", code: "empty", line: 1, field: "" },
  { name: "a line that is not JSON", text: withHeader("{kind: barrier}", { kind: "heal", time: 1 }), code: "bad-json", line: 2, field: "" },
  { name: "a blank line before more events", text: withHeader({ kind: "heal", time: 1 }, "", { kind: "heal", time: 2 }), code: "bad-json", line: 3, field: "" },
  { name: "a cut-off last line", text: `${withHeader({ kind: "heal", time: 1 })}{"kind":"invoke","time":2,"pro`, code: "truncated", line: 3, field: "" },
  { name: "a line that is an array", text: withHeader([1, 2]), code: "not-an-object", line: 2, field: "" },
  { name: "a __proto__ key at the top", text: withHeader('{"kind":"heal","time":1,"__proto__":{"polluted":true}}'), code: "forbidden-key", line: 2, field: "__proto__" },
  { name: "a constructor key nested in the header", text: jsonl({ ...header, config: { ...header.config, gc: { mode: "keep", constructor: 1 } } }), code: "forbidden-key", line: 1, field: "config.gc.constructor" },
  { name: "a prototype key inside an array", text: withHeader({ kind: "partition", time: 1, groups: [[{ prototype: 1 }]] }), code: "forbidden-key", line: 2, field: "groups[0][0].prototype" },
  { name: "a value nested 65 levels deep", text: withHeader(`{"kind":"heal","time":1,"x":${"[".repeat(65)}${"]".repeat(65)}}`), code: "too-deep", line: 2, field: "" },
  { name: "a first line that is an event", text: jsonl({ kind: "heal", time: 1 }), code: "missing-header", line: 1, field: "kind" },
  { name: "a second header", text: withHeader({ kind: "heal", time: 1 }, header), code: "duplicate-header", line: 3, field: "kind" },
  { name: "format version 2", text: jsonl({ ...header, formatVersion: 2 }), code: "unsupported-version", line: 1, field: "formatVersion" },
  { name: "an unknown event kind", text: withHeader({ kind: "explode", time: 1 }), code: "unknown-event-kind", line: 2, field: "kind" },
  { name: "an event without a kind", text: withHeader({ time: 1 }), code: "unknown-event-kind", line: 2, field: "kind" },
  { name: "a time of the wrong type", text: withHeader({ kind: "heal", time: "soon" }), code: "bad-field", line: 2, field: "time" },
  { name: "a missing time", text: withHeader({ kind: "heal" }), code: "bad-field", line: 2, field: "time" },
  { name: "a negative time", text: withHeader({ kind: "heal", time: -1 }), code: "bad-field", line: 2, field: "time" },
  { name: "an unknown field", text: withHeader({ kind: "heal", time: 1, colour: "red" }), code: "bad-field", line: 2, field: "colour" },
  { name: "a wrong type deep in an array", text: withHeader(partition([["n1"], ["n2", 3]])), code: "bad-field", line: 2, field: "groups[1][1]" },
  { name: "a wrong header field", text: jsonl({ ...header, config: { ...header.config, gc: { mode: "timeout", graceTicks: "ten" } } }), code: "bad-field", line: 1, field: "config.gc.graceTicks" },
  { name: "timeout GC without a grace", text: jsonl({ ...header, config: { ...header.config, gc: { mode: "timeout" } } }), code: "bad-field", line: 1, field: "config.gc.graceTicks" },
  { name: "a replication factor above the node count", text: jsonl({ ...header, config: { ...header.config, replicationFactor: 4 } }), code: "bad-field", line: 1, field: "config.replicationFactor" },
  { name: "a read quorum above the replication factor", text: jsonl({ ...header, config: { ...header.config, readQuorum: 4 } }), code: "bad-field", line: 1, field: "config.readQuorum" },
  { name: "a node listed twice", text: jsonl({ ...header, config: { ...header.config, nodes: ["n1", "n2", "n1"] } }), code: "bad-field", line: 1, field: "config.nodes" },
  { name: "a get result of an unknown kind", text: withHeader(getInvoke(1, 0), ok(2, 0, "get", "k", { result: { kind: "maybe" } })), code: "bad-field", line: 3, field: "result.kind" },
  { name: "a put invoke without a value", text: withHeader({ kind: "invoke", time: 1, process: 0, op: "put", key: "k" }), code: "bad-field", line: 2, field: "value" },
  { name: "a get invoke with a value", text: withHeader({ ...getInvoke(1, 0), value: "v" }), code: "bad-field", line: 2, field: "value" },
  { name: "an ok get without a result", text: withHeader(getInvoke(1, 0), ok(2, 0, "get")), code: "bad-field", line: 3, field: "result" },
  { name: "a put complete with a result", text: withHeader(put(1, 0, "v"), ok(2, 0, "put", "k", { result: { kind: "value", value: "v" } })), code: "bad-field", line: 3, field: "result" },
  { name: "a causal delete without a tombstone", text: jsonl({ ...header, consistency: "causal" }, del(1, 0)), code: "bad-field", line: 2, field: "tombstone" },
  { name: "a repair round that starts after its time", text: withHeader({ kind: "anti-entropy-round", time: 5, full: true, complete: true, nodes: ["n1"], startedAt: 6 }), code: "bad-field", line: 2, field: "startedAt" },
  { name: "time going backwards", text: withHeader({ kind: "heal", time: 5 }, { kind: "heal", time: 4 }), code: "time-backwards", line: 3, field: "time" },
  { name: "a complete with no invoke", text: withHeader(ok(1, 0, "put")), code: "complete-without-invoke", line: 2, field: "process" },
  { name: "a second complete for one invoke", text: withHeader(put(1, 0, "v"), ok(2, 0, "put"), ok(3, 0, "put")), code: "complete-without-invoke", line: 4, field: "process" },
  { name: "two open invokes on one process", text: withHeader(put(1, 0, "v1"), put(2, 0, "v2")), code: "overlapping-invoke", line: 3, field: "process" },
  { name: "a complete of another op", text: withHeader(put(1, 0, "v"), ok(2, 0, "delete")), code: "mismatched-complete", line: 3, field: "op" },
  { name: "a complete of another key", text: withHeader(put(1, 0, "v"), ok(2, 0, "put", "other")), code: "mismatched-complete", line: 3, field: "key" },
  { name: "two puts of one value", text: withHeader(put(1, 0, "v"), put(2, 1, "v")), code: "duplicate-put-value", line: 3, field: "value" },
  { name: "two deletes naming one tombstone", text: withHeader(del(1, 0, "t"), del(2, 1, "t")), code: "duplicate-tombstone", line: 3, field: "tombstone" },
];

