// Every configuration problem comes back as a value with a stable code, the field to fix and
// a message that names it; and the history header says what a configuration promises.
import { describe, expect, it } from "vitest";
import { consistencyOf, Driver, headerOf, resolveOptions, validateOptions } from "../../impl/index.ts";
import type { OptionsProblem, StoreOptionsInput } from "../../impl/index.ts";

function problemsOf(input: StoreOptionsInput): Array<[OptionsProblem["code"], string]> {
  return validateOptions(resolveOptions(input)).map((problem) => [problem.code, problem.field]);
}

describe("validateOptions", () => {
  const positiveFields: Array<[string, (value: number) => StoreOptionsInput]> = [
    ["nodeCount", (value) => ({ nodeCount: value, replicationFactor: 1, readQuorum: 1, writeQuorum: 1 })],
    ["vnodesPerNode", (value) => ({ vnodesPerNode: value })],
    ["merkleLeavesPerRange", (value) => ({ merkleLeavesPerRange: value })],
    ["opTimeoutTicks", (value) => ({ opTimeoutTicks: value })],
    ["gcIntervalTicks", (value) => ({ gcIntervalTicks: value })],
    ["hintDeliveryIntervalTicks", (value) => ({ hintDeliveryIntervalTicks: value })],
    ["faults.intervalTicks", (value) => ({ faults: { intervalTicks: value } })],
    ["workload.processes", (value) => ({ workload: { processes: value } })],
    ["workload.keys", (value) => ({ workload: { keys: value } })],
  ];

  for (const [field, input] of positiveFields) {
    it(`${field} must be a positive integer`, () => {
      for (const bad of [0, -3, 1.5]) {
        const problems = validateOptions(resolveOptions(input(bad)));
        expect(problems.filter((problem) => problem.field === field)).toEqual([
          { code: "bad-range", field, message: `${field} must be a positive integer, got ${bad}` },
        ]);
      }
      expect(problemsOf(input(1)).filter(([, name]) => name === field)).toEqual([]);
    });
  }

  it("the replication factor must be within 1..nodeCount", () => {
    expect(problemsOf({ nodeCount: 3, replicationFactor: 4 })).toContainEqual(["bad-quorum", "replicationFactor"]);
    expect(problemsOf({ replicationFactor: 0, readQuorum: 1, writeQuorum: 1 })).toContainEqual(["bad-quorum", "replicationFactor"]);
    expect(problemsOf({ nodeCount: 3, replicationFactor: 3 })).toEqual([]);
    expect(problemsOf({ replicationFactor: 1, readQuorum: 1, writeQuorum: 1 })).toEqual([]);
  });

  it("each quorum must be a whole number within 1..N, and the message says N", () => {
    for (const field of ["readQuorum", "writeQuorum"] as const) {
      for (const bad of [0, 4, 1.5]) {
        const problems = validateOptions(resolveOptions({ [field]: bad }));
        expect(problems).toEqual([{ code: "bad-quorum", field, message: `${field} must be in 1..replicationFactor (3), got ${bad}` }]);
      }
      expect(problemsOf({ [field]: 3 })).toEqual([]);
      expect(problemsOf({ [field]: 1 })).toEqual([]);
    }
  });

  it("linearizable mode needs strict quorums that overlap, and last-write-wins", () => {
    const strict = { linearizable: true, sloppyQuorum: false, readQuorum: 2, writeQuorum: 2 } as const;
    expect(problemsOf(strict)).toEqual([]);
    const refused: StoreOptionsInput[] = [
      { ...strict, sloppyQuorum: true },
      { ...strict, readQuorum: 1 }, // R+W = N: the quorums need not overlap
      { ...strict, versioning: "vector-clock" },
    ];
    for (const input of refused) expect(problemsOf(input)).toEqual([["linearizable-needs-strict-lww", "linearizable"]]);
    expect(validateOptions(resolveOptions(refused[0]!))[0]?.message).toMatch(/R\+W>N, sloppyQuorum false and versioning 'lww'/);
  });

  it("an unknown bug switch is named, with the known ones", () => {
    const [problem] = validateOptions(resolveOptions({ bugs: ["early-gc", "late-gc" as never] }));
    expect(problem).toMatchObject({ code: "unknown-bug", field: "bugs" });
    expect(problem?.message).toMatch(/unknown bug switch 'late-gc'; known: naive-delete, .*doomstone/);
  });

  it("a Driver refuses options that cannot run", () => {
    expect(() => new Driver({ writeQuorum: 9 })).toThrow(/invalid options: writeQuorum must be in 1\.\.replicationFactor/);
    expect(() => new Driver({ readQuorum: 9, writeQuorum: 9 })).toThrow(
      "invalid options: readQuorum must be in 1..replicationFactor (3), got 9; writeQuorum must be in 1..replicationFactor (3), got 9",
    );
  });
});

describe("the history header", () => {
  it("promises quorum consistency only when strict read and write quorums overlap (R+W>N)", () => {
    const level = (readQuorum: number, writeQuorum: number) => consistencyOf(resolveOptions({ sloppyQuorum: false, readQuorum, writeQuorum }));
    expect(level(2, 2)).toBe("quorum");
    expect(level(1, 2)).toBe("eventual"); // R+W = N: a read may miss the last write
    expect(consistencyOf(resolveOptions({ readQuorum: 2, writeQuorum: 2 }))).toBe("eventual"); // sloppy
  });

  it("records the grace period only for timeout GC", () => {
    const config = (gc: StoreOptionsInput["gc"]) => headerOf(resolveOptions({ gc }), 100).config.gc;
    expect(config({ mode: "timeout", graceTicks: 300 })).toEqual({ mode: "timeout", graceTicks: 300 });
    expect(config({ mode: "repair", graceTicks: 300 })).toEqual({ mode: "repair" });
    expect(config({ mode: "keep" })).toEqual({ mode: "keep" });
  });

  it("records the cluster's shape, its switches and the effective hint TTL", () => {
    const options = resolveOptions({ nodeCount: 4, readRepair: "sync", safeguards: { rejoinGuard: false }, bugs: ["doomstone"] });
    const header = headerOf(options, 123);
    expect(header).toMatchObject({ kind: "header", format: "lazarus-history", formatVersion: 1, seed: options.seed });
    expect(header.config).toMatchObject({
      nodes: ["n1", "n2", "n3", "n4"],
      replicationFactor: 3,
      readQuorum: 2,
      writeQuorum: 2,
      sloppyQuorum: true,
      versioning: "lww",
      readRepair: "sync",
      hintTtlTicks: 123,
      rejoinGuard: false,
      bugs: ["doomstone"],
    });
    expect(header.description).toBeUndefined();
    expect(header.origin).toBeUndefined();
  });

  it("records the description, and the options as given (for replay) when passed", () => {
    const input: StoreOptionsInput = { description: "a run", network: { lossProbability: 0.1 } };
    const header = headerOf(resolveOptions(input), 100, input);
    expect(header.description).toBe("a run");
    expect(header.origin).toEqual({ options: { description: "a run", network: { lossProbability: 0.1 } } });
  });
});
