// `lazarus schema`: prints the JSON Schema of one history line, generated from the zod
// schemas (the same text as histories/history.schema.json).
import { answerEarly, parseCommandLine, type CommandSpec } from "../args/index.ts";
import { historyJsonSchemaText } from "../../histories/index.ts";

/** schemaSpec is `lazarus schema`'s command line. */
export const schemaSpec: CommandSpec = {
  name: "schema",
  summary: "print the JSON Schema of one line of a history",
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
  process.stdout.write(historyJsonSchemaText());
  return 0;
}
