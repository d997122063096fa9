// The configurations of the in-process store the suite draws, each simplest first so that
// shrinking walks towards 3 nodes, strict quorums, last-write-wins and `keep` GC: cluster
// size and N, R and W on both sides of R+W>N, sloppy or strict quorums, LWW or vector
// clocks, each read-repair mode, each GC mode with grace periods shorter and longer than
// the downtimes the commands make, durable or volatile hints, a lossy, duplicating, reordering network, and the
// linearizable mode (which needs strict quorums and LWW).
import fc from "fast-check";
import type { BugName, StoreOptionsInput } from "../impl/index.ts";
import type { GcMode, ReadRepairMode, Versioning } from "../model/vocabulary.ts";

/** SimulatorConfig is one drawn configuration: the simulator's options as given. */
export type SimulatorConfig = StoreOptionsInput;

/** ConfigurationBias pins parts of the configuration (a bug zoo entry needs its bug's conditions). */
export interface ConfigurationBias {
  bugs?: BugName[];
  gcModes?: GcMode[];
  versionings?: Versioning[];
  readRepairs?: ReadRepairMode[];
  linearizable?: boolean[];
}

/** graceTicksDrawn: grace periods around the downtimes `advance` makes (5 to 500 ticks). */
export const graceTicksDrawn = [100, 20, 400] as const;

/** simulatorConfigurations draws store options; every drawn configuration is valid. */
export function simulatorConfigurations(bias: ConfigurationBias = {}): fc.Arbitrary<SimulatorConfig> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      nodeCount: fc.integer({ min: 3, max: 5 }),
      replicationFactor: fc.constantFrom(3, 2),
      readQuorum: fc.constantFrom(2, 1, 3),
      writeQuorum: fc.constantFrom(2, 1, 3),
      sloppyQuorum: fc.boolean(),
      versioning: fc.constantFrom<Versioning>(...(bias.versionings ?? ["lww", "vector-clock"])),
      linearizable: fc.constantFrom(...(bias.linearizable ?? [false, true])),
      readRepair: fc.constantFrom<ReadRepairMode>(...(bias.readRepairs ?? ["async", "sync", "off"])),
      gcMode: fc.constantFrom<GcMode>(...(bias.gcModes ?? ["keep", "timeout", "repair", "immediate"])),
      graceTicks: fc.constantFrom(...graceTicksDrawn),
      durableHints: fc.boolean(),
      lossy: fc.boolean(),
      jitterTicks: fc.constantFrom(0, 2),
    })
    .map((drawn): SimulatorConfig => {
      const n = Math.min(drawn.replicationFactor, drawn.nodeCount);
      const r = Math.min(drawn.readQuorum, n);
      const w = Math.min(drawn.writeQuorum, n);
      // The linearizable mode is drawn only where it can run: strict quorums over LWW.
      const linearizable = drawn.linearizable && drawn.versioning === "lww" && r + w > n;
      const config: SimulatorConfig = {
        seed: drawn.seed,
        nodeCount: drawn.nodeCount,
        replicationFactor: n,
        readQuorum: r,
        writeQuorum: w,
        sloppyQuorum: linearizable ? false : drawn.sloppyQuorum,
        versioning: drawn.versioning,
        linearizable,
        readRepair: drawn.readRepair,
        durableHints: drawn.durableHints,
        gc: { mode: drawn.gcMode, graceTicks: drawn.graceTicks },
        network: {
          delayTicks: 1,
          jitterTicks: drawn.jitterTicks,
          lossProbability: drawn.lossy ? 0.05 : 0,
          duplicateProbability: drawn.lossy ? 0.05 : 0,
        },
        bugs: bias.bugs ?? [],
      };
      // The operator's side of timeout GC: a full repair within the grace period.
      if (drawn.gcMode === "timeout") config.fullRepairIntervalTicks = Math.floor(drawn.graceTicks / 2);
      return config;
    });
}

/** describeConfiguration names a configuration in a few words, for tables. */
export function describeConfiguration(config: SimulatorConfig): string {
  const gc = config.gc?.mode === "timeout" ? `timeout(${config.gc.graceTicks})` : config.gc?.mode;
  const parts = [
    `${config.nodeCount} nodes`,
    `N=${config.replicationFactor} R=${config.readQuorum} W=${config.writeQuorum}`,
    config.sloppyQuorum ? "sloppy" : "strict",
    config.linearizable ? "linearizable" : config.versioning,
    `read-repair ${config.readRepair}`,
    `gc ${gc}`,
    (config.network?.lossProbability ?? 0) > 0 ? "lossy" : "reliable",
  ];
  return parts.join(", ");
}

