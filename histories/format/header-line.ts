// Checks the first line of a history: that it is a header, of a version this reader
// knows, of the right shape, and that its cluster configuration is self-consistent.
import type { HistoryHeader } from "../../model/vocabulary.ts";
import { quote, type HistoryErrorAt } from "./error.ts";
import { historyHeaderSchema } from "./schema.ts";
import { zodIssueError } from "./zod-issue.ts";

/** HeaderLineResult is a checked header, or the first thing wrong with it. */
export type HeaderLineResult = { ok: true; header: HistoryHeader } | { ok: false; error: HistoryErrorAt };

/** supportedFormatVersion is the only formatVersion this reader accepts. */
export const supportedFormatVersion = 1;

/** parseHeaderLine checks `value`, the parsed first line (line `line`) of a history. */
export function parseHeaderLine(value: Record<string, unknown>, line: number): HeaderLineResult {
  if (value.kind !== "header") {
    return fail({
      code: "missing-header",
      line,
      field: "kind",
      message: `found kind ${quote(value.kind)}; expected the first line to be the header, {"kind":"header","format":"lazarus-history",...}`,
      fix: "put the header line first; for Jepsen or Porcupine files use `lazarus check --format` with their format",
    });
  }
  if ("formatVersion" in value && value.formatVersion !== supportedFormatVersion) {
    return fail({
      code: "unsupported-version",
      line,
      field: "formatVersion",
      message: `found formatVersion ${quote(value.formatVersion)}; expected ${supportedFormatVersion}, the only version this reader knows`,
      fix: "use a lazarus version that reads this format, or rewrite the history in format version 1",
    });
  }
  const parsed = historyHeaderSchema.safeParse(value);
  if (!parsed.success) return fail(zodIssueError(parsed.error, value, line));
  const inconsistency = checkConfig(parsed.data, line);
  return inconsistency === undefined ? { ok: true, header: parsed.data } : fail(inconsistency);
}

/** checkConfig finds the first rule of a cluster configuration that `header` breaks. */
function checkConfig(header: HistoryHeader, line: number): HistoryErrorAt | undefined {
  const config = header.config;
  const at = (field: string, message: string, fix: string): HistoryErrorAt => ({
    code: "bad-field",
    line,
    field: `config.${field}`,
    message,
    fix,
  });
  const duplicate = config.nodes.find((node, index) => config.nodes.indexOf(node) !== index);
  if (duplicate !== undefined) {
    return at("nodes", `found node ${quote(duplicate)} twice; expected distinct node ids`, "list each node once");
  }
  if (config.replicationFactor > config.nodes.length) {
    return at(
      "replicationFactor",
      `found ${config.replicationFactor} with ${config.nodes.length} nodes; expected at most the number of nodes`,
      "lower replicationFactor or list more nodes",
    );
  }
  for (const quorum of ["readQuorum", "writeQuorum"] as const) {
    if (config[quorum] > config.replicationFactor) {
      return at(
        quorum,
        `found ${config[quorum]} with replicationFactor ${config.replicationFactor}; expected at most replicationFactor`,
        `lower ${quorum} to at most ${config.replicationFactor}`,
      );
    }
  }
  if (config.gc.mode === "timeout" && config.gc.graceTicks === undefined) {
    return at(
      "gc.graceTicks",
      'the field is missing; expected a number of ticks when gc.mode is "timeout"',
      "add gc.graceTicks, the grace period a tombstone lives before it may be purged",
    );
  }
  return undefined;
}

function fail(error: HistoryErrorAt): HeaderLineResult {
  return { ok: false, error };
}
