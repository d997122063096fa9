// The one command-line parser: values, operands and --help; and each mistake refused with
// one line that says what to type instead.
import { describe, expect, it } from "vitest";
import { parseCommandLine, type CommandSpec } from "../../../cli/args/index.ts";

const spec: CommandSpec = {
  name: "demo",
  summary: "a command to parse",
  usage: "usage: lazarus demo\n",
  operands: true,
  options: { seed: { type: "string" }, json: { type: "boolean" }, out: { type: "string", short: "o" }, bug: { type: "string", multiple: true }, initial: { type: "string" } },
};

const parse = (...argv: string[]) => parseCommandLine(spec, argv);
const refusal = (...argv: string[]) => {
  const line = parse(...argv);
  return line.kind === "refused" ? line.message : `not refused: ${line.kind}`;
};

describe("parseCommandLine", () => {
  it("reads strings, switches, short options, repeated options and operands in any order", () => {
    expect(parse("a.jsonl", "--seed", "3", "--json", "-o", "x.html", "--bug", "p", "--bug=q", "b.jsonl")).toEqual({
      kind: "parsed",
      values: { seed: "3", json: true, out: "x.html", bug: ["p", "q"] },
      operands: ["a.jsonl", "b.jsonl"],
    });
    expect(parse("--", "--seed")).toEqual({ kind: "parsed", values: {}, operands: ["--seed"] });
    expect(parse("--initial", "-5")).toMatchObject({ values: { initial: "-5" } });
    expect(parse("-")).toMatchObject({ operands: ["-"] });
  });

  it("answers --help and -h wherever they stand, even beside a mistake", () => {
    expect(parse("--help")).toEqual({ kind: "help" });
    expect(parse("--seeed", "1", "-h")).toEqual({ kind: "help" });
  });

  it("refuses an unknown option naming the nearest valid one", () => {
    expect(refusal("--seeed", "4")).toBe("unknown option '--seeed'; did you mean --seed?");
    expect(refusal("--jsno")).toBe("unknown option '--jsno'; did you mean --json?");
    expect(refusal("--frobnicate")).toBe("unknown option '--frobnicate'; lazarus demo --help lists the options");
    expect(refusal("-x")).toBe("unknown option '-x'; lazarus demo --help lists the options");
  });

  it("refuses a missing value, a value on a switch, an option as a value, and one option given twice", () => {
    expect(refusal("--seed")).toBe("--seed needs a value, e.g. --seed VALUE");
    expect(refusal("-o")).toBe("-o needs a value, e.g. -o FILE");
    expect(refusal("--json=yes")).toBe("--json is a switch and takes no value; write --json alone");
    expect(refusal("--out", "--json")).toBe("--out needs a value, but the next argument is the option '--json'; to give a value that starts with '-', write --out=--json");
    expect(refusal("--seed", "1", "--seed", "2")).toBe("--seed is given twice; give it once");
  });

  it("refuses operands for a command that takes none", () => {
    const line = parseCommandLine({ ...spec, operands: false }, ["file.json"]);
    expect(line).toEqual({ kind: "refused", message: "unexpected argument 'file.json'; lazarus demo takes options only" });
  });
});
