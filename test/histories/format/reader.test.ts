// The reader on good input, and on every kind of bad input it names: each case checks
// the error's code, line and field, and that the formatted error is one place and one fix.
import { describe, expect, it } from "vitest";
import { formatHistoryError, historyErrorCodes, parseHistoryText } from "../../../histories/index.ts";
import type { HistoryErrorCode } from "../../../histories/index.ts";
import { badCases, del, getInvoke, ok, put } from "./bad-cases.ts";
import { jsonl, validHeader, withHeader } from "./fixtures.ts";

describe("parseHistoryText on good input", () => {
  it("reads a header, client operations and cluster events", () => {
    const text = withHeader(
      put(1, 0, "v1"),
      { kind: "crash", time: 2, node: "n3" },
      ok(3, 0, "put"),
      getInvoke(4, 1),
      ok(5, 1, "get", "k", { result: { kind: "value", value: "v1" } }),
      del(6, 0, "t1"),
      { kind: "complete", time: 6, process: 0, op: "delete", key: "k", outcome: "info", error: "timeout" },
      getInvoke(7, 2),
      { kind: "barrier", time: 9 },
    );
    const result = parseHistoryText(text, "good.jsonl");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.history.header).toEqual(validHeader());
    expect(result.history.events).toHaveLength(9);
    expect(result.history.events[1]).toEqual({ kind: "crash", time: 2, node: "n3" });
    // The last get stays open: allowed, it is indeterminate.
    expect(result.history.events[7]).toEqual(getInvoke(7, 2));
  });

  it("accepts a header alone, CRLF line ends, a missing final newline and trailing blank lines", () => {
    expect(parseHistoryText(jsonl(validHeader()), "h.jsonl").ok).toBe(true);
    const crlf = withHeader({ kind: "heal", time: 1 }).replaceAll("\n", "\r\n");
    expect(parseHistoryText(crlf, "crlf.jsonl").ok).toBe(true);
    expect(parseHistoryText(withHeader({ kind: "heal", time: 1 }).trimEnd(), "no-newline.jsonl").ok).toBe(true);
    expect(parseHistoryText(`${withHeader({ kind: "heal", time: 1 })}\n\n`, "blank-end.jsonl").ok).toBe(true);
  });

  it("accepts the words __proto__ and constructor as values, keys of the store included", () => {
    const result = parseHistoryText(withHeader(put(1, 0, "__proto__", "constructor")), "words.jsonl");
    expect(result.ok).toBe(true);
  });
});

describe("parseHistoryText on bad input", () => {
  it.each(badCases)("$name → $code at line $line, field '$field'", ({ text, code, line, field }) => {
    const result = parseHistoryText(text, "bad.jsonl");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect({ code: result.error.code, line: result.error.line, field: result.error.field }).toEqual({ code, line, field });
    expect(result.error.file).toBe("bad.jsonl");
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.fix.length).toBeGreaterThan(10);
    const place = field === "" ? `bad.jsonl:${line}: ` : `bad.jsonl:${line}: ${field}: `;
    expect(formatHistoryError(result.error)).toBe(`${place}${result.error.message}\n  fix: ${result.error.fix}`);
  });

  it("covers every error code but those only bytes or a second reading can cause (tested in line-decoder.test.ts, input.test.ts and grouped-check.test.ts)", () => {
    const covered = new Set(badCases.map((c) => c.code));
    const fromBytesOnly = ["unreadable", "line-too-long", "bad-utf8", "changed"];
    const codes = Object.keys(historyErrorCodes).filter((code) => !fromBytesOnly.includes(code));
    expect(codes.filter((code) => !covered.has(code as HistoryErrorCode))).toEqual([]);
  });

  it("says what it found and what it expected", () => {
    const unknown = parseHistoryText(withHeader({ kind: "explode", time: 1 }), "x.jsonl");
    expect(!unknown.ok && unknown.error.message).toMatch(/found kind "explode"; expected one of invoke, complete, crash, .*barrier/);
    const wrongType = parseHistoryText(withHeader({ kind: "heal", time: "soon" }), "x.jsonl");
    expect(!wrongType.ok && wrongType.error.message).toMatch(/expected number.*"soon"/);
    const missing = parseHistoryText(withHeader({ kind: "heal" }), "x.jsonl");
    expect(!missing.ok && missing.error.message).toBe("the field is missing; expected number");
    const backwards = parseHistoryText(withHeader({ kind: "heal", time: 5 }, { kind: "heal", time: 4 }), "x.jsonl");
    expect(!backwards.ok && formatHistoryError(backwards.error)).toMatch(/^x\.jsonl:3: time: found time 4 after time 5 on line 2/);
  });

  it("never lets a __proto__ key reach Object.prototype", () => {
    parseHistoryText(withHeader('{"kind":"heal","time":1,"__proto__":{"polluted":true}}'), "x.jsonl");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports only the first error", () => {
    const result = parseHistoryText(withHeader({ kind: "heal", time: 5 }, { kind: "explode" }, { kind: "heal", time: 1 }), "x.jsonl");
    expect(!result.ok && result.error.line).toBe(3);
  });
});
