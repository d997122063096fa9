// The EDN fast path (flat-edn-map.ts) against edn-data, which reads every other line: on
// flat maps written every way EDN allows, on maps with values the fast path must leave
// alone (floats, symbols, nesting, big integers, rare escapes), and on those texts cut or
// with a character changed. Whenever the fast path returns a map, edn-data reads the same
// text to the same map, -0 and duplicate keys included; and it does take the flat lines
// that Jepsen and Porcupine write. Seed in the titles.
import { parseEDNString } from "edn-data";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { readFlatEdnLine } from "../../../histories/import/_internals/flat-edn-map.ts";
import { numRuns, prop, seed } from "../../support/property-runs.ts";

const ednOptions = { mapAs: "object", keywordAs: "string", listAs: "array", charAs: "string", symbolAs: "string", setAs: "array" } as const;

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_\-.?!*]{0,8}$/);

/** ednString writes `text` as an EDN string literal, with the escapes EDN has. */
function ednString(text: string): string {
  return `"${text.replace(/[\\"\n\t\r]/g, (c) => ({ "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" })[c]!)}"`;
}

/** flatValue is a value the fast path reads, as EDN text. */
const flatValue = fc.oneof(
  name.map((n) => `:${n}`),
  fc.string({ unit: "binary" }).map(ednString),
  fc.constantFrom('"a\\"b"', '"\\\\"', '""', '"x 0 0 y"'),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }).map(String),
  fc.constantFrom("0", "-0", "nil", "true", "false", "9007199254740991", "-9007199254740991"),
);

/** otherValue is a value the fast path must leave to edn-data. */
const otherValue = fc.oneof(
  fc.constantFrom("1.5", "-0.0", "1e3", "007", "+3", "9007199254740993", "12N", "3M", "symbol", "a/b", ":ns/kw", "[1 2]", "(1)", "{:a 1}", "#{1}", "\\c", '"\\u0041"', '"\\b"', "#inst \"2020-01-01\"", "nil?", "truex", ":", ":1a"),
  fc.string({ unit: "binary", maxLength: 6 }),
);

const separator = fc.constantFrom(" ", ", ", ",", "  ", "\t", " ,", "");

const flatLine = fc
  .tuple(fc.array(fc.tuple(name, flatValue, separator, separator), { maxLength: 6 }), separator, separator, fc.boolean())
  .map(([entries, before, after, dupe]) => {
    const body = entries.map(([key, value, s1, s2]) => `:${key}${s1 === "" ? " " : s1}${value}${s2 === "" && entries.length > 1 ? " " : s2}`);
    if (dupe && entries.length > 0) body.push(`:${entries[0]![0]} nil`);
    return `${before}{${body.join(" ")}}${after}`;
  });

const mixedLine = fc
  .tuple(fc.array(fc.tuple(name, fc.oneof(flatValue, otherValue)), { minLength: 1, maxLength: 5 }), separator)
  .map(([entries, after]) => `{${entries.map(([key, value]) => `:${key} ${value}`).join(", ")}}${after}`);

/** mutated changes one character of a line, cuts it, or adds to it. */
const mutated = fc.oneof(flatLine, mixedLine).chain((line) =>
  fc.oneof(
    fc.tuple(fc.nat(line.length), fc.constantFrom("{", "}", '"', "\\", ":", " ", "[", "1", "-", "#", ";", "N")).map(([at, c]) => line.slice(0, at) + c + line.slice(at + 1)),
    fc.nat(line.length).map((at) => line.slice(0, at)),
    fc.constantFrom(" {:a 1}", ";x", "]", ")").map((tail) => line + tail),
  ),
);

/** ednRead is what edn-data reads from `text`, or undefined when it refuses the text or reads no map. */
function ednRead(text: string): unknown {
  try {
    const value = parseEDNString(text, ednOptions);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

describe("the EDN fast path reads what edn-data reads", () => {
  const parameters = { seed, numRuns: numRuns(500) };

  prop([flatLine], parameters)(`takes every flat map and reads it as edn-data does (seed ${seed})`, (line) => {
    const fast = readFlatEdnLine(line);
    expect(fast, line).toBeDefined();
    expect(fast).toStrictEqual(ednRead(line));
  });

  prop([fc.oneof(mixedLine, mutated)], parameters)(`reads a map only when edn-data reads the same one (seed ${seed})`, (line) => {
    const fast = readFlatEdnLine(line);
    if (fast !== undefined) expect(fast, line).toStrictEqual(ednRead(line));
  });

  prop([fc.string({ unit: "binary", maxLength: 40 })], parameters)(`any text: a map only where edn-data reads it (seed ${seed})`, (text) => {
    const fast = readFlatEdnLine(text);
    if (fast !== undefined) expect(fast, text).toStrictEqual(ednRead(text));
  });

  prop([fc.constantFrom("__proto__", "constructor", "prototype")], { seed, numRuns: 3 })(`leaves keys an object literal treats specially to edn-data (seed ${seed})`, (key) => {
    expect(readFlatEdnLine(`{:${key} 1}`)).toBeUndefined();
  });
});
