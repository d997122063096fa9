// The linearizable level for one key: its operations must have a linearization against a
// register whose initial state is absent and which a delete sets to absent (SPEC-NOTES,
// level 1), unless a breach of the GC contract accounts for the key: then they must have
// one once the breach's fallbacks may take effect (rules/breach-fallbacks.ts). Whether a
// set of operations linearizes is asked of an oracle, the checker's search; the rule is
// the definition, the search and its budget are the checker's (as a TLA+ spec leaves its
// model checker's settings to a separate config).
import { explainedAs, type Anomaly } from "../anomaly.ts";
import type { HistoryContext } from "../history-context.ts";
import type { KeyHistory } from "../key-history.ts";
import type { Operation } from "../operations.ts";
import { breachFallbacks } from "./breach-fallbacks.ts";

/**
 * OracleAnswer: `yes` (a linearization exists), `no` (none does; `evidence` is the
 * not-linearizable finding, for people) or `unknown` (the oracle could not decide).
 */
export type OracleAnswer = { kind: "yes" } | { kind: "no"; evidence: Anomaly } | { kind: "unknown" };

/** LinearizabilityOracle answers whether a key's operations (info ones optional) linearize. */
export type LinearizabilityOracle = (operations: readonly Operation[]) => OracleAnswer;

/**
 * KeyJudgement: the key is `valid`, `invalid` (with the finding), `explained` (it
 * linearizes only once a breach's fallbacks take effect; the finding re-labelled
 * `gc-grace-violation`), or `unknown` because the oracle could not decide.
 */
export type KeyJudgement =
  | { kind: "valid" }
  | { kind: "invalid"; anomaly: Anomaly }
  | { kind: "explained"; anomaly: Anomaly }
  | { kind: "unknown" };

/** judgeLinearizableKey applies the linearizable level to one key, asking `linearizes`. */
export function judgeLinearizableKey(context: HistoryContext, history: KeyHistory, linearizes: LinearizabilityOracle): KeyJudgement {
  const plain = linearizes(history.operations);
  if (plain.kind === "yes") return { kind: "valid" };
  if (plain.kind === "unknown") return { kind: "unknown" };
  const fallbacks = breachFallbacks(context, history);
  if (fallbacks.length === 0) return { kind: "invalid", anomaly: plain.evidence };
  const withFallbacks = linearizes([...history.operations, ...fallbacks.flatMap((f) => f.operations)]);
  switch (withFallbacks.kind) {
    case "no":
      return { kind: "invalid", anomaly: plain.evidence };
    case "unknown":
      return { kind: "unknown" };
    case "yes": {
      const breaches = fallbacks.map((f) => f.breach);
      const because = `Explained by a breach of the GC contract: it linearizes if the key fell back after ${breaches.map((b) => b.message).join(" and ")}`;
      return { kind: "explained", anomaly: explainedAs(plain.evidence, "gc-grace-violation", breaches.flatMap((b) => b.events), because) };
    }
    default: {
      const unreachable: never = withFallbacks;
      return unreachable;
    }
  }
}
