// What the spec says to people: every finding is a whole sentence (no empty clause, a full
// stop at the end); one about a read opens with the get and what it returned; and the
// client operations its events point to are exactly the ones it names, each named apart.
import fc from "fast-check";
import { describe, expect } from "vitest";
import type { Anomaly } from "../../model/anomaly.ts";
import { describeOperation, describeResult } from "../../model/describe.ts";
import { prepareHistory, type HistoryContext } from "../../model/history-context.ts";
import type { Operation } from "../../model/operations.ts";
import { judgeHistory } from "../../model/spec.ts";
import type { ConsistencyLevel, GcConfig } from "../../model/vocabulary.ts";
import { causalHistory } from "../support/causal-histories.ts";
import { clusterHistory } from "../support/cluster-histories.ts";
import { phasedHistory } from "../support/phased-histories.ts";
import { purgedDeleteHistory } from "../support/purged-delete-histories.ts";
import { numRuns, prop, seed } from "../support/property-runs.ts";

const options = { seed, numRuns: numRuns(300) };
const timeout = fc.constant<GcConfig>({ mode: "timeout", graceTicks: 6 });
const lwwLevel = fc.constantFrom<ConsistencyLevel>("quorum", "eventual");
const histories = fc.oneof(
  lwwLevel.chain((level) => phasedHistory({ level, extraEvents: 5, gc: timeout, skews: true })),
  lwwLevel.chain((level) => phasedHistory({ level, keys: ["x"], maxOpsPerPhase: 4 })),
  lwwLevel.chain((level) => purgedDeleteHistory({ level })),
  clusterHistory({ level: "quorum" }),
  causalHistory({ purges: true, gc: timeout }),
  causalHistory(),
);

/** named lists the operations a message names, by their description. */
const named = (context: HistoryContext, message: string) => context.operations.filter((op) => message.includes(describeOperation(op)));

/** pointedAt lists the client operations whose invoke the anomaly's events include. */
const pointedAt = (context: HistoryContext, anomaly: Anomaly) => context.operations.filter((op) => anomaly.events.includes(op.invokeIndex));

describe("the spec's messages", () => {
  prop([histories], options)(`are whole sentences (seed ${seed})`, (h) => {
    for (const anomaly of judgeHistory(prepareHistory(h))) {
      expect(anomaly.message).toMatch(/[^\s.,:;]\.$/);
      // No empty clause where a part was left out.
      expect(anomaly.message).not.toMatch(/: [,.:;]|, [,.:;]|\s\s/);
    }
  });

  prop([histories], options)(`open with the get and what it returned when they are about one read (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const anomaly of judgeHistory(context).filter((a) => a.read !== undefined)) {
      const get = context.operations.find((op) => op.completeIndex === anomaly.read)!;
      expect(get.kind).toBe("get");
      expect(anomaly.key).toBe(get.key);
      expect(anomaly.message.startsWith(`${describeOperation(get)} returned ${describeResult(get.result)}: `)).toBe(true);
    }
  });

  prop([histories], options)(`name exactly the operations they point at, each apart (seed ${seed})`, (h) => {
    const context = prepareHistory(h);
    for (const anomaly of judgeHistory(context)) {
      const subject = (op: Operation) => op.completeIndex === anomaly.read;
      const names = named(context, anomaly.message).filter((op) => !subject(op));
      const pointed = pointedAt(context, anomaly).filter((op) => !subject(op));
      if (anomaly.kind === "divergence") {
        // A divergence names what its gets saw, not the gets: each thing seen once, apart.
        expect(names).toEqual([]);
        for (const get of pointed) {
          const seen = describeResult(get.result);
          expect([" and ", "."].some((next) => anomaly.message.includes(`${seen}${next}`))).toBe(true);
        }
        continue;
      }
      // Every operation named is one the anomaly points at.
      for (const op of names) expect(pointed).toContain(op);
      // And every one it points at is named, but for the one sentence that names the key's
      // writes as a whole ("the key was written before the get began"), which points at the
      // latest of them.
      const wholeKey = anomaly.message.includes("the key was written before the get began");
      if (!wholeKey) for (const op of pointed) expect(names).toContain(op);
      // Named apart: a name is followed by a space, a comma or a full stop, never by another name.
      for (const op of names) {
        const description = describeOperation(op);
        let at = anomaly.message.indexOf(description);
        while (at !== -1) {
          expect(anomaly.message.charAt(at + description.length)).toMatch(/^[ ,.]$/);
          at = anomaly.message.indexOf(description, at + 1);
        }
      }
    }
  });
});
