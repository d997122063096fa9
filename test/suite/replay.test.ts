// Replay: a simulated history is recorded again from its origin, byte for byte; a changed
// event is named by its line; a history without an origin, or with a bad one, is refused.
import { describe, expect, it } from "vitest";
import { simulate } from "../../impl/index.ts";
import type { History } from "../../model/vocabulary.ts";
import { replayHistory } from "../../suite/replay.ts";

const recorded = (): History => simulate({ seed: 5, workload: { ops: 120, keys: 3 }, faults: { crashProbability: 0.3, restartProbability: 0.5 } }).history;

describe("replayHistory", () => {
  it("records a `lazarus run` history again, byte for byte", async () => {
    const history = recorded();
    expect(await replayHistory(history)).toEqual({ kind: "same", lines: history.events.length + 1 });
  });

  it("names the first line that differs", async () => {
    const history = recorded();
    const changed = { ...history, events: history.events.map((event, index) => (index === 10 ? { ...event, time: event.time + 1 } : event)) };
    expect(await replayHistory(changed)).toMatchObject({ kind: "differs", line: 12 });
  });

  it("refuses a history with no origin, or with options or steps that are not valid", async () => {
    const history = recorded();
    expect(await replayHistory({ ...history, header: { ...history.header, origin: undefined } })).toMatchObject({ kind: "cannot-replay" });
    const badOptions = { ...history.header, origin: { options: { replicationFactor: 9 } } };
    expect(await replayHistory({ ...history, header: badOptions })).toMatchObject({ kind: "cannot-replay", reason: expect.stringMatching(/replicationFactor/) });
    const badStep = { ...history.header, origin: { options: {}, steps: [{ kind: "explode" }] } };
    expect(await replayHistory({ ...history, header: badStep })).toMatchObject({ kind: "cannot-replay", reason: expect.stringMatching(/step 1/) });
  });
});
