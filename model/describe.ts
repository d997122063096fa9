// Sentences for people: how an operation and a read result are named in anomaly messages.
import type { Operation } from "./operations.ts";
import type { GetResult } from "./vocabulary.ts";

/** describeResult names what a get returned. */
export function describeResult(result: GetResult | undefined): string {
  if (result === undefined) return "nothing";
  switch (result.kind) {
    case "value":
      return JSON.stringify(result.value);
    case "absent":
      return `absent (${result.reason})`;
    case "siblings": {
      const parts = [...result.values.map((v) => JSON.stringify(v)), ...result.tombstones.map((t) => `tombstone ${t}`)];
      return `{${parts.join(", ")}}`;
    }
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/** describeOperation names an operation with its interval, e.g. `put(x, "1") ok [0, 1] by process 2`. */
export function describeOperation(op: Operation): string {
  const argument = op.kind === "put" ? `, ${JSON.stringify(op.value)}` : "";
  const end = op.returnTime === Infinity ? "…" : String(op.returnTime);
  return `${op.kind}(${JSON.stringify(op.key)}${argument}) ${op.outcome} [${op.callTime}, ${end}] by process ${op.process}`;
}
