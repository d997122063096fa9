// `lazarus run --seed S` on the correct store is valid in every configuration a user can
// ask for on the command line: the default scenario, vector clocks, linearizable mode,
// R+W<=N, repair GC and read repair off. A fixed list of seeds per configuration here;
// LAZARUS_DEEP=1 (npm run test:deep) runs seeds 1..300 of each. And `lazarus run --bug
// NAME` convicts each known bug in at least 8 of seeds 1..10 (deep: 80% of 1..200).
import { describe, expect, it } from "vitest";
import { checkHistory } from "../../checker/check-history.ts";
import { parseRunArgs } from "../../cli/commands/run.ts";
import { bugNames, simulate } from "../../impl/index.ts";

const deep = process.env["LAZARUS_DEEP"] === "1";
const seedCount = deep ? 300 : 30;

const configurations: Record<string, string[]> = {
  default: [],
  "vector clocks": ["--versioning", "vector-clock"],
  linearizable: ["--linearizable"],
  "R+W<=N (R=W=1)": ["--read-quorum", "1", "--write-quorum", "1"],
  "gc repair": ["--gc", "repair"],
  "read repair off": ["--read-repair", "off"],
};

describe("lazarus run on the correct store is valid", () => {
  for (const [name, flags] of Object.entries(configurations)) {
    it(`${name}, seeds 1..${seedCount}`, () => {
      const failures: string[] = [];
      for (let seed = 1; seed <= seedCount; seed++) {
        const parsed = parseRunArgs([...flags, "--seed", String(seed)]);
        if (typeof parsed === "string") throw new Error(parsed);
        const check = checkHistory(simulate(parsed.options).history);
        if (check.verdict !== "valid") failures.push(`seed ${seed}: ${check.verdict} ${check.anomalies[0]?.message ?? JSON.stringify(check.unknown)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("lazarus run --bug early-gc: every run with an early purge is invalid", () => {
  it(`seeds 1..${seedCount}`, () => {
    let withEarlyPurge = 0;
    for (let seed = 1; seed <= seedCount; seed++) {
      const parsed = parseRunArgs(["--bug", "early-gc", "--seed", String(seed)]);
      if (typeof parsed === "string") throw new Error(parsed);
      const { history } = simulate(parsed.options);
      const grace = history.header.config.gc.graceTicks!;
      // Read from the history itself, not from the checker: a purge inside the grace period.
      const early = history.events.some((e) => e.kind === "gc-purge" && e.time - e.deletedAt < grace);
      if (!early) continue;
      withEarlyPurge++;
      const check = checkHistory(history);
      expect(check.verdict, `seed ${seed}`).toBe("invalid");
      expect(check.anomalies.some((a) => a.kind === "early-purge"), `seed ${seed}`).toBe(true);
    }
    expect(withEarlyPurge).toBeGreaterThan(0);
  });
});

describe("lazarus run --bug NAME convicts each known bug on the default scenario", () => {
  const bugSeedCount = deep ? 200 : 10;
  for (const bug of bugNames) {
    it(`${bug}: convicted in at least ${(bugSeedCount * 4) / 5} of seeds 1..${bugSeedCount}`, () => {
      const acquitted: number[] = [];
      for (let seed = 1; seed <= bugSeedCount; seed++) {
        const parsed = parseRunArgs(["--bug", bug, "--seed", String(seed)]);
        if (typeof parsed === "string") throw new Error(parsed);
        if (checkHistory(simulate(parsed.options).history).verdict !== "invalid") acquitted.push(seed);
      }
      expect(acquitted.length, `acquitted in seeds ${acquitted.join(", ")}`).toBeLessThanOrEqual(bugSeedCount / 5);
    });
  }
});
