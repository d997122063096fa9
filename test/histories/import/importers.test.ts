// The importers: what they make of each format, and errors that name line and field.

import { describe, expect, it } from "vitest";
import { detectFormat, importJepsenEdn, importJepsenLog, importPorcupineKv } from "../../../histories/import/index.ts";

const file = "test.txt";

describe("importJepsenLog", () => {
  it("pairs events per process, keeps failed cas as a failed comparison, leaves open invokes unknown", async () => {
    const lines = [
      "INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2]",
      "INFO  jepsen.util - 1\t:invoke\t:read\tnil",
      "INFO  jepsen.util - 0\t:fail\t:cas\t[1 2]",
      "INFO  jepsen.util - 1\t:ok\t:read\tnil",
      "INFO  jepsen.util - 2\t:invoke\t:write\t4",
      "INFO  jepsen.util - 3\t:invoke\t:read\tnil",
      "INFO  jepsen.util - 3\t:fail\t:read\t:timed-out",
    ];
    const result = await importJepsenLog(lines, { file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.history.kind).toBe("cas-register");
    expect(result.history.operations).toEqual([
      { process: 0, outcome: "ok", input: { kind: "cas", from: 1, to: 2 }, output: { kind: "cas", swapped: false }, callTime: 1, returnTime: 3, eventIndices: [1, 3] },
      { process: 1, outcome: "ok", input: { kind: "read" }, output: { kind: "read", value: null }, callTime: 2, returnTime: 4, eventIndices: [2, 4] },
      { process: 2, outcome: "info", input: { kind: "write", value: 4 }, output: undefined, callTime: 5, returnTime: Infinity, eventIndices: [5] },
      { process: 3, outcome: "fail", input: { kind: "read" }, output: undefined, callTime: 6, returnTime: 7, eventIndices: [6, 7] },
    ]);
  });

  it("names the line of a malformed event", async () => {
    const result = await importJepsenLog(["INFO  jepsen.util - 0\t:invoke\t:read\tnil", "garbage"], { file });
    expect(result).toMatchObject({ ok: false, error: { file, line: 2 } });
  });

  it("names the line and field of a bad value", async () => {
    const result = await importJepsenLog(["INFO  jepsen.util - 0\t:invoke\t:cas\t7"], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 1, field: "value" } });
  });

  it("rejects a completion without an invocation", async () => {
    const result = await importJepsenLog(["INFO  jepsen.util - 4\t:ok\t:write\t1"], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 1 } });
    if (!result.ok) expect(result.error.message).toContain("no open invocation");
  });
});

describe("importPorcupineKv", () => {
  it("reads EDN maps into get/put/append operations", async () => {
    const lines = [
      '{:process 0, :type :invoke, :f :append, :key "k", :value "x"}',
      '{:process 1, :type :invoke, :f :get, :key "k", :value nil}',
      '{:process 0, :type :ok, :f :append, :key "k", :value "x"}',
      '{:process 1, :type :ok, :f :get, :key "k", :value "x"}',
    ];
    const result = await importPorcupineKv(lines, { file });
    expect(result.ok && result.history.operations.map((op) => [op.input, op.output])).toEqual([
      [{ kind: "append", key: "k", value: "x" }, null],
      [{ kind: "get", key: "k" }, { kind: "get", value: "x" }],
    ]);
  });

  it("names the line and field of a missing key", async () => {
    const result = await importPorcupineKv(['{:process 0, :type :invoke, :f :get, :key "k", :value nil}', "{:process 0, :type :ok, :f :get, :value nil}"], { file });
    expect(result).toMatchObject({ ok: false, error: { file, line: 2, field: "key" } });
    if (!result.ok) expect(result.error.message).toContain(":key is missing");
  });

  it("names the line of a truncated map", async () => {
    const result = await importPorcupineKv(['{:process 0, :type :invoke, :f :get, :key "k", :value nil}', "{:process 0, :type :ok,"], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 2 } });
    if (!result.ok) expect(result.error.message).toContain("never closed");
  });
});

describe("importJepsenEdn", () => {
  it("reads one vector spread over lines, skips the nemesis, follows Knossos on nil reads and :fail", async () => {
    const lines = [
      "[{:type :invoke, :f :write, :value 1, :process 0, :time 10}",
      " {:type :info, :f :start, :value nil, :process :nemesis}",
      " {:type :ok, :f :write, :value 1, :process 0}",
      " {:type :invoke, :f :read, :value nil, :process 1}",
      " {:type :ok, :f :read, :value nil, :process 1}",
      " {:type :invoke, :f :cas, :value [1 2], :process 2}",
      " {:type :fail, :f :cas, :value [1 2], :process 2}]",
    ];
    const result = await importJepsenEdn(lines, { file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.history.kind).toBe("cas-register");
    expect(result.history.operations.map((op) => op.outcome)).toEqual(["ok", "info", "fail"]);
  });

  it("reads jepsen.independent [key value] tuples as keys of a kv history", async () => {
    const lines = ["{:type :invoke, :f :put, :value [3 5], :process 0}", "{:type :ok, :f :put, :value [3 5], :process 0}", "{:type :invoke, :f :get, :value [3 nil], :process 1}", "{:type :ok, :f :get, :value [3 nil], :process 1}"];
    const result = await importJepsenEdn(lines, { file });
    expect(result.ok && result.history.kind).toBe("kv");
    if (result.ok) expect(result.history.operations[1]).toMatchObject({ input: { kind: "get", key: "3" }, output: { kind: "absent" } });
  });

  it("names the line and field of an unknown :f", async () => {
    const result = await importJepsenEdn(["{:type :invoke, :f :read, :value nil, :process 0}", "{:type :invoke, :f :frobnicate, :process 1}"], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 2, field: "f" } });
    if (!result.ok) expect(result.error.fix).toContain(":read");
  });

  it("names the line of text between maps", async () => {
    const result = await importJepsenEdn(["{:type :invoke, :f :read, :value nil, :process 0}", "oops"], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 2 } });
  });

  it("refuses a file whose every op was skipped, or that holds none, instead of calling it valid", async () => {
    const strings = await importJepsenEdn(['{:process "a", :type :invoke, :f :read, :value nil}', '{:process "a", :type :ok, :f :read, :value 1}'], { file });
    expect(strings).toMatchObject({ ok: false, error: { line: 1, field: "process" } });
    if (!strings.ok) expect(strings.error.message).toContain("all 2 operations were skipped");
    const empty = await importJepsenEdn([""], { file });
    expect(empty).toMatchObject({ ok: false, error: { line: 0 } });
    if (!empty.ok) expect(empty.error.message).toContain("holds no operation");
  });
});

describe("detectFormat", () => {
  it("tells the formats apart by their first lines", () => {
    expect(detectFormat(["INFO  jepsen.util - 0\t:invoke\t:read\tnil"])).toEqual({ ok: true, format: "jepsen-log" });
    expect(detectFormat(['{:process 9, :type :invoke, :f :append, :key "0", :value "x 9 0 y"}'])).toEqual({ ok: true, format: "porcupine-kv" });
    expect(detectFormat(["[{:type :invoke, :f :read, :value nil, :process 0}"])).toEqual({ ok: true, format: "jepsen-edn" });
    expect(detectFormat(['{"kind":"header","format":"lazarus-history","formatVersion":1}'])).toEqual({ ok: true, format: "lazarus" });
    expect(detectFormat(["hello"]).ok).toBe(false);
    expect(detectFormat([]).ok).toBe(false);
  });
});
