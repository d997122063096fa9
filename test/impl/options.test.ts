// Options: defaults fill every field (fault probabilities zero), problems come back as values.
import { describe, expect, it } from "vitest";
import { bugs, defaultOptions, resolveOptions, validateOptions } from "../../impl/index.ts";

describe("options", () => {
  it("default every fault probability to zero", () => {
    const options = resolveOptions();
    expect(options.network.lossProbability).toBe(0);
    expect(options.network.duplicateProbability).toBe(0);
    const { intervalTicks: _interval, maxSkewTicks: _skew, maxDownNodes: _down, ...probabilities } = options.faults;
    for (const probability of Object.values(probabilities)) expect(probability).toBe(0);
    expect(options.bugs).toEqual([]);
  });

  it("default to the cluster the docs describe: 5 nodes, N=3, R=W=2, sloppy quorum, LWW, async read repair, timeout GC", () => {
    expect(resolveOptions()).toMatchObject({
      nodeCount: 5,
      replicationFactor: 3,
      readQuorum: 2,
      writeQuorum: 2,
      sloppyQuorum: true,
      linearizable: false,
      versioning: "lww",
      readRepair: "async",
      gc: { mode: "timeout" },
      durableHints: false, // hints die with their holder unless asked otherwise
      safeguards: { hintsWithinGrace: true, rejoinGuard: true, compareVersionsOnApply: true },
      bugs: [],
    });
  });

  it("merge nested objects field by field", () => {
    const options = resolveOptions({ network: { lossProbability: 0.5 } });
    expect(options.network).toEqual({ ...defaultOptions.network, lossProbability: 0.5 });
  });

  it("report problems with the field to fix", () => {
    const problems = validateOptions(resolveOptions({ writeQuorum: 0, bugs: ["nope" as never] }));
    expect(problems.map((problem) => problem.field).sort()).toEqual(["bugs", "writeQuorum"]);
    expect(validateOptions(resolveOptions())).toEqual([]);
  });

  it("never prune vector clocks by default, and refuse a negative or fractional limit", () => {
    expect(resolveOptions().vectorClockPruneDots).toBe(0);
    for (const limit of [-1, 1.5]) {
      const problems = validateOptions(resolveOptions({ vectorClockPruneDots: limit }));
      expect(problems.map((problem) => [problem.code, problem.field])).toEqual([["bad-range", "vectorClockPruneDots"]]);
      expect(problems[0]?.message).toBe(`vectorClockPruneDots must be a non-negative integer (0: never prune), got ${limit}`);
    }
    expect(validateOptions(resolveOptions({ vectorClockPruneDots: 3 }))).toEqual([]);
  });

  it("document every bug switch", () => {
    expect(bugs.map((bug) => bug.name)).toEqual([
      "naive-delete",
      "tombstone-blind-read-repair",
      "anti-entropy-resurrects",
      "early-gc",
      "lww-skew",
      "doomstone",
    ]);
    for (const bug of bugs) expect(bug.summary.length).toBeGreaterThan(40);
    for (const bug of bugs) expect(bug.summary).toMatch(/^[A-Z][^]*[a-z)]\.$/); // whole sentences, none cut off
  });
});
