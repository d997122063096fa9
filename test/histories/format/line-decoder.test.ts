// The byte layer under every reader: lines split across any chunking, strict UTF-8 with
// the place of the first bad byte, a byte-order mark skipped, and a line longer than the
// limit refused before it is held whole; and a line scanner that takes some lines as
// bytes changes nothing else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineDecoder, type LineBatch, type LineScanner } from "../../../histories/format/line-decoder.ts";
import { firstInvalidUtf8 } from "../../../histories/format/utf8.ts";

/** decodeAll feeds `bytes` in chunks of `chunkBytes` and gathers every line and the failure. */
function decodeAll(bytes: Uint8Array, chunkBytes: number, maxLineBytes?: number, scanner?: LineScanner): Required<Pick<LineBatch, "lines">> & Pick<LineBatch, "failure"> {
  const decoder = new LineDecoder("f.txt", maxLineBytes);
  if (scanner !== undefined) decoder.scanWith(scanner);
  const lines: LineBatch["lines"] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const batch = decoder.push(bytes.subarray(start, start + chunkBytes));
    lines.push(...batch.lines);
    if (batch.failure !== undefined) return { lines, failure: batch.failure };
  }
  const last = decoder.end();
  lines.push(...last.lines);
  return last.failure === undefined ? { lines } : { lines, failure: last.failure };
}

const bytes = (text: string) => Buffer.from(text, "utf8");

/** textOf is a decoded line's text, or what a test scanner made of a line: its text in brackets. */
const textOf = (line: LineBatch["lines"][number]): string => ("text" in line ? line.text : `[${String(line.scanned)}]`);

/** scanS takes the lines that are "S" and ASCII letters, as their text: lines a decoder would give back unchanged. */
const scanS: LineScanner = (bytes, start, end) => {
  const text = bytes.toString("latin1", start, end);
  return /^S[a-z]*$/.test(text) ? text : undefined;
};

describe("LineDecoder", () => {
  it("splits lines whatever the chunking, strips \\r\\n, and marks only an unended last line", () => {
    const text = "a\r\nbé\n\n€ c\nlast";
    for (const chunkBytes of [1, 2, 3, 7, 1000]) {
      const { lines, failure } = decodeAll(bytes(text), chunkBytes);
      expect(failure).toBeUndefined();
      expect(lines).toEqual([
        { text: "a", terminated: true },
        { text: "bé", terminated: true },
        { text: "", terminated: true },
        { text: "€ c", terminated: true },
        { text: "last", terminated: false },
      ]);
    }
  });

  it("skips a UTF-8 byte-order mark at the start only", () => {
    const { lines } = decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes("x\n\ufeffy\n")]), 2);
    expect(lines.map(textOf)).toEqual(["x", "\ufeffy"]);
  });

  it("names the line and byte column of the first bad byte, after the good lines before it", () => {
    const input = Buffer.concat([bytes("ok\nab"), Buffer.from([0xc3, 0x28]), bytes("cd\nmore\n")]);
    for (const chunkBytes of [1, 4, 1000]) {
      const { lines, failure } = decodeAll(input, chunkBytes);
      expect(lines.map(textOf)).toEqual(["ok"]);
      expect(failure).toMatchObject({ code: "bad-utf8", file: "f.txt", line: 2, column: 3 });
      expect(failure?.message).toContain("0xc3");
    }
  });

  it("counts the column of a bad byte on the first line after a byte-order mark as bytes of the file", () => {
    const { failure } = decodeAll(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]), 1000);
    expect(failure).toMatchObject({ line: 1, column: 5 });
  });

  it("names a UTF-16 byte-order mark", () => {
    const { failure } = decodeAll(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x0a, 0x00]), 3);
    expect(failure).toMatchObject({ code: "bad-utf8", line: 1, column: 1 });
    expect(failure?.message).toContain("UTF-16");
  });

  it("refuses a line longer than the limit, counted in bytes, with or without a newline, and holds no more than the limit", () => {
    expect(decodeAll(bytes("1234\n12345\n"), 3, 4).failure).toMatchObject({ code: "line-too-long", line: 2 });
    expect(decodeAll(bytes("1234\n12345"), 1000, 4).failure).toMatchObject({ code: "line-too-long", line: 2 });
    expect(decodeAll(bytes("ab\n€€"), 1000, 5).failure).toMatchObject({ code: "line-too-long", line: 2 });
    expect(decodeAll(bytes("ab\n€"), 1000, 5).failure).toBeUndefined();
    const endless = new LineDecoder("zero", 1024);
    let failure;
    for (let chunk = 0; chunk < 100 && failure === undefined; chunk++) failure = endless.push(new Uint8Array(100)).failure;
    expect(failure).toMatchObject({ code: "line-too-long", line: 1 });
    expect(failure?.message).toContain("1024 bytes");
  });

  it("gives a scanner every line but the first, and decodes the rest around the lines it takes", () => {
    const input = bytes("Sfirst\nSa\nplain\r\nSb\r\nSc\n\nend");
    for (const chunkBytes of [1, 3, 1000]) {
      const { lines, failure } = decodeAll(input, chunkBytes, undefined, scanS);
      expect(failure).toBeUndefined();
      expect(lines.map(textOf)).toEqual(["Sfirst", "[Sa]", "plain", "[Sb]", "[Sc]", "", "end"]);
    }
  });

  it("reports a failure after the lines a scanner took before it, on the right line", () => {
    const input = Buffer.concat([bytes("h\nSa\nSb\nx"), Buffer.from([0xff]), bytes("\nSc\n")]);
    const { lines, failure } = decodeAll(input, 1000, undefined, scanS);
    expect(lines.map(textOf)).toEqual(["h", "[Sa]", "[Sb]"]);
    expect(failure).toMatchObject({ code: "bad-utf8", line: 4, column: 2 });
    expect(decodeAll(bytes("h\nSa\n123456\nSb\n"), 1000, 5, scanS).failure).toMatchObject({ code: "line-too-long", line: 3 });
  });

  it("with a scanner, gives the same lines and failure as without one, whatever the bytes and chunking (seed 20261125)", () => {
    const line = fc.oneof(fc.stringMatching(/^S[a-z]{0,3}$/), fc.constantFrom("", "x", "S\r", "Sa\r\r", "\r", "Sé", "€"), fc.string({ maxLength: 4 }));
    const input = fc.tuple(fc.array(line, { maxLength: 8 }), fc.boolean(), fc.option(fc.integer({ min: 0, max: 255 })), fc.nat(40));
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 8 }), ([texts, ended, stray, strayAt], chunkBytes, limit) => {
        const joined = bytes(texts.join("\n") + (ended ? "\n" : ""));
        const at = Math.min(strayAt, joined.length);
        const all = stray === null ? joined : Buffer.concat([joined.subarray(0, at), Buffer.from([stray]), joined.subarray(at)]);
        const plain = decodeAll(all, chunkBytes, limit);
        const scanned = decodeAll(all, chunkBytes, limit, scanS);
        expect(scanned.failure).toEqual(plain.failure);
        expect(scanned.lines.map((decoded) => textOf(decoded).replace(/^\[(.*)\]$/, "$1"))).toEqual(plain.lines.map(textOf));
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });

  it("says nothing more after a failure", () => {
    const decoder = new LineDecoder("f", 4);
    expect(decoder.push(bytes("123456")).failure).toBeDefined();
    expect(decoder.push(bytes("\nok\n"))).toEqual({ lines: [] });
    expect(decoder.end()).toEqual({ lines: [] });
  });
});

describe("firstInvalidUtf8 (seed 20261124)", () => {
  it("agrees with TextDecoder on random bytes, and points at a byte TextDecoder refuses", () => {
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xa0, 0x9f, 0x90, 0x8f));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (array) => {
        const input = Uint8Array.from(array);
        let valid = true;
        try {
          strict.decode(input);
        } catch {
          valid = false;
        }
        const offset = firstInvalidUtf8(input);
        expect(offset === -1).toBe(valid);
        if (offset !== -1) expect(() => strict.decode(input.subarray(0, offset))).not.toThrow();
      }),
      { seed: 20261124, numRuns: 1000 },
    );
  });
});
