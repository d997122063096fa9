// A failing run printed for a person: one line per command with the history events it
// produced (what each op returned), then what the checker found and the events it stands on.
import { describeResult } from "../model/describe.ts";
import type { History, HistoryEvent } from "../model/vocabulary.ts";
import { describeStep, type SuiteStep } from "./step.ts";

/** timeline prints steps against the history they recorded; `marks[i]` is the event count after step i. */
export function timeline(steps: readonly SuiteStep[], marks: readonly number[], history: History): string {
  const nodes = history.header.config.nodes;
  const lines: string[] = [];
  let from = 0;
  steps.forEach((step, index) => {
    const to = marks[index] ?? from;
    const span = to > from ? `events ${from}${to - 1 > from ? `–${to - 1}` : ""}` : "no events";
    const outcome = history.events.slice(from, to).filter((event) => event.kind === "complete").map(describeCompletion);
    const said = outcome.length > 0 ? `  → ${outcome.join("; ")}` : "";
    lines.push(`${String(index + 1).padStart(3)}. ${describeStep(step, nodes).padEnd(28)} [${span}]${said}`);
    from = to;
  });
  return lines.join("\n");
}

function describeCompletion(event: HistoryEvent): string {
  if (event.kind !== "complete") return "";
  const result = event.op === "get" && event.outcome === "ok" ? ` ${describeResult(event.result)}` : "";
  return `p${event.process} ${event.op}(${event.key}) ${event.outcome}${result}`;
}
