// Small valid pieces of histories for the format tests, and a way to write them as text.
import type { HistoryHeader } from "../../../model/vocabulary.ts";
import { defaultConfig } from "../../support/history-builder.ts";

/** validHeader is a quorum header over three nodes; `overrides` replace top-level fields. */
export function validHeader(overrides: Partial<HistoryHeader> = {}): HistoryHeader {
  return {
    kind: "header",
    format: "lazarus-history",
    formatVersion: 1,
    consistency: "quorum",
    config: defaultConfig({ gc: { mode: "timeout", graceTicks: 10 }, rejoinGuard: true }),
    seed: 7,
    ...overrides,
  };
}

/** jsonl writes each value as one JSON line, every line ending in a newline. */
export function jsonl(...values: unknown[]): string {
  return values.map((value) => `${typeof value === "string" ? value : JSON.stringify(value)}\n`).join("");
}

/** withHeader is jsonl with validHeader() as the first line. */
export function withHeader(...events: unknown[]): string {
  return jsonl(validHeader(), ...events);
}
