// `lazarus schema`: prints the JSON Schema of one history line: histories/history.schema.json,
// which a test keeps equal to the text generated from the zod schemas.
import { commandSummaries } from "../command-summaries.ts";
import { readFileSync } from "node:fs";
import { answerEarly, parseCommandLine, type CommandSpec } from "../args/index.ts";
import { historyJsonSchemaPath } from "../../histories/format/json-schema-file.ts";

/** schemaSpec is `lazarus schema`'s command line. */
export const schemaSpec: CommandSpec = {
  name: "schema",
  summary: commandSummaries.schema,
  operands: false,
  options: {},
  usage: `usage: lazarus schema

Prints the JSON Schema (draft 2020-12) of one line of a lazarus history:
the header on the first line, an event on every later line.

example: lazarus schema > history.schema.json
`,
};

/** schemaCommand runs `lazarus schema ARGS`: 0 after printing, 2 on any argument but --help. */
export async function schemaCommand(args: string[]): Promise<number> {
  const line = parseCommandLine(schemaSpec, args);
  if (line.kind !== "parsed") return answerEarly(schemaSpec, line);
  process.stdout.write(readFileSync(historyJsonSchemaPath, "utf8"));
  return 0;
}
