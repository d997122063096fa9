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

  it("stops at the recorded history's end whatever its origin asks for: a header edited to 10^12 operations costs what the file does", async () => {
    const history = recorded();
    const origin = history.header.origin!;
    const options = origin.options as { workload: { ops: number } };
    const huge = { ...history, header: { ...history.header, origin: { ...origin, options: { ...options, workload: { ...options.workload, ops: 1e12 } } } } };
    // The longer run differs where the short one wound down, and in any case stops one line past the end.
    const outcome = await replayHistory(huge);
    expect(outcome.kind).toBe("differs");
    if (outcome.kind === "differs") expect(outcome.line).toBeLessThanOrEqual(history.events.length + 2);
  });

  it("names the recorded line past the replay's end when the recording goes on", async () => {
    const history = recorded();
    const longer = { ...history, events: [...history.events, { kind: "barrier" as const, time: history.events.at(-1)!.time }] };
    expect(await replayHistory(longer)).toMatchObject({ kind: "differs", line: history.events.length + 2, replayed: undefined });
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
