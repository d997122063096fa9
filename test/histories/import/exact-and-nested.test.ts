// Importers on input that once read wrong: an EDN history written as a list, integers
// beyond 2^53 (never rounded into each other), and nesting deep enough to overflow a
// recursive parser.
import { describe, expect, it } from "vitest";
import { importJepsenEdn, importJepsenLog } from "../../../histories/import/index.ts";

const file = "h.edn";
const big = "9007199254740993"; // 2^53 + 1: as a double it is 2^53, i.e. ...992

describe("importJepsenEdn reads a history written as one list", () => {
  it("reads (...) as it reads [...], over lines or on one", async () => {
    const ops = ["{:type :invoke, :f :write, :value 1, :process 0}", "{:type :ok, :f :write, :value 1, :process 0}", "{:type :invoke, :f :read, :value nil, :process 1}", "{:type :ok, :f :read, :value 2, :process 1}"];
    for (const lines of [["(", ...ops, ")"], [`(${ops.join(" ")})`], [`(${ops[0]}`, ...ops.slice(1, -1), `${ops.at(-1)})`]]) {
      const result = await importJepsenEdn(lines, { file });
      expect(result.ok && result.history.operations.length, lines[0]).toBe(2);
    }
  });
});

describe("integers beyond 2^53", () => {
  it("stay exact in a kv history: a put of ...993 and a get of ...992 differ", async () => {
    const lines = [`{:type :invoke, :f :put, :key 1, :value ${big}, :process 0}`, `{:type :ok, :f :put, :key 1, :value ${big}, :process 0}`, "{:type :invoke, :f :get, :key 1, :value nil, :process 1}", "{:type :ok, :f :get, :key 1, :value 9007199254740992, :process 1}"];
    const result = await importJepsenEdn(lines, { file });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.history.operations.map((op) => [op.input, op.output])).toEqual([
      [{ kind: "put", key: "1", value: big }, null],
      [{ kind: "get", key: "1" }, { kind: "value", value: "9007199254740992" }],
    ]);
  });

  it("are refused in a register history, EDN or etcd log, naming the line and the integer", async () => {
    const edn = await importJepsenEdn([`{:type :invoke, :f :write, :value ${big}, :process 0}`, `{:type :ok, :f :write, :value ${big}, :process 0}`], { file });
    expect(edn).toMatchObject({ ok: false, error: { line: 1, field: "value" } });
    if (!edn.ok) expect(edn.error.message).toContain(big);
    const read = await importJepsenEdn(["{:type :invoke, :f :read, :value nil, :process 0}", `{:type :ok, :f :read, :value -${big}, :process 0}`], { file });
    expect(read).toMatchObject({ ok: false, error: { line: 2, field: "value" } });
    const cas = await importJepsenEdn([`{:type :invoke, :f :cas, :value [1 ${big}], :process 0}`], { file });
    expect(cas).toMatchObject({ ok: false, error: { line: 1, field: "value" } });
    const log = await importJepsenLog([`INFO  jepsen.util - 0\t:invoke\t:write\t${big}`], { file: "etcd.log" });
    expect(log).toMatchObject({ ok: false, error: { line: 1, field: "value" } });
    if (!log.ok) expect(log.error.message).toContain(big);
  });

  it("are refused as process ids, which would otherwise merge", async () => {
    const edn = await importJepsenEdn([`{:type :invoke, :f :read, :value nil, :process ${big}}`], { file });
    expect(edn).toMatchObject({ ok: false, error: { line: 1, field: "process" } });
    const log = await importJepsenLog([`INFO  jepsen.util - ${big} :invoke :read nil`], { file: "etcd.log" });
    expect(log).toMatchObject({ ok: false, error: { line: 1, field: "process" } });
  });

  it("leave digits inside keywords, strings and decimals alone", async () => {
    const lines = ['{:type :invoke, :f :put, :key "12345678901234567890", :value 1.5, :process 0, :x1234567890123456789 1}', '{:type :ok, :f :put, :key "12345678901234567890", :value 1.5, :process 0}'];
    const result = await importJepsenEdn(lines, { file });
    expect(result.ok && result.history.operations[0]!.input).toEqual({ kind: "put", key: "12345678901234567890", value: "1.5" });
  });
});

describe("nesting", () => {
  it("refuses an operation nested 100,000 deep by its line, without overflowing the stack", async () => {
    const deep = `{:type :invoke, :f :write, :process 0, :value ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const result = await importJepsenEdn(["{:type :invoke, :f :read, :value nil, :process 1}", deep], { file });
    expect(result).toMatchObject({ ok: false, error: { line: 2 } });
    if (!result.ok) expect(result.error.message).toContain("64 levels");
  });

  it("brackets inside a comment in a map do not count", async () => {
    const result = await importJepsenEdn(["{:type :invoke, :f :read, :value nil, :process 0 ; {[(", "}", "{:type :ok, :f :read, :value nil, :process 0}"], { file });
    expect(result.ok).toBe(true);
  });
});
