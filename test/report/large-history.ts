// A synthetic history of a given size for the report's scale tests: five processes on 50
// keys putting, getting and deleting, with crashes, partitions, hints, repairs,
// anti-entropy rounds and barriers in between. Built directly, in milliseconds, instead
// of simulating: the page's speed is under test here, not the store.
import type { HistoryEvent, History } from "../../model/index.ts";
import { defaultConfig } from "../support/history-builder.ts";

const nodes = ["n1", "n2", "n3", "n4", "n5"];

/** largeHistory builds a history of about `eventCount` events. */
export function largeHistory(eventCount: number): History {
  const events: HistoryEvent[] = [];
  let time = 0;
  for (let op = 0; events.length < eventCount; op++) {
    const process = op % 5;
    const key = `k${op % 50}`;
    const node = nodes[op % nodes.length]!;
    time += 1;
    const kind = op % 7 === 3 ? "delete" : op % 3 === 0 ? "put" : "get";
    events.push(kind === "put" ? { kind: "invoke", time, process, op: kind, key, value: `v${op}` } : { kind: "invoke", time, process, op: kind, key });
    events.push(
      kind === "get"
        ? { kind: "complete", time: time + 1, process, op: kind, key, outcome: "ok", result: { kind: "absent", reason: "never-written" } }
        : { kind: "complete", time: time + 1, process, op: kind, key, outcome: op % 97 === 0 ? "info" : "ok" },
    );
    if (op % 40 === 0) events.push({ kind: "hint-stored", time: time + 1, holder: node, target: nodes[(op + 1) % 5]!, key, tombstone: false, value: `v${op}` });
    if (op % 45 === 0) events.push({ kind: "repair-write", time: time + 1, node, source: "read-repair", key, tombstone: kind === "delete" });
    if (op % 500 === 0) events.push({ kind: "crash", time: time + 1, node }, { kind: "restart", time: time + 60, node });
    if (op % 700 === 0) events.push({ kind: "partition", time: time + 1, groups: [nodes.slice(0, 2), nodes.slice(2)] }, { kind: "heal", time: time + 30 });
    if (op % 300 === 0) events.push({ kind: "anti-entropy-round", time: time + 20, full: true, complete: true, nodes, startedAt: time + 1 });
    if (op % 1000 === 999) events.push({ kind: "barrier", time: time + 1 });
  }
  events.sort((a, b) => a.time - b.time);
  return { header: { kind: "header", format: "lazarus-history", formatVersion: 1, consistency: "eventual", config: defaultConfig({ nodes }) }, events };
}
