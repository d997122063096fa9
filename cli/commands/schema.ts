// `lazarus schema`: prints the JSON Schema of one history line, generated from the zod
// schemas (the same text as histories/history.schema.json).
import { historyJsonSchemaText } from "../../histories/index.ts";

const usage = `usage: lazarus schema

Prints the JSON Schema (draft 2020-12) of one line of a lazarus history:
the header on the first line, an event on every later line.
`;

/** schemaCommand runs `lazarus schema ARGS`: 0 after printing, 2 on any argument but --help. */
export async function schemaCommand(args: string[]): Promise<number> {
  const [first] = args;
  if (first === "--help" || first === "-h") {
    process.stdout.write(usage);
    return 0;
  }
  if (first !== undefined) {
    const what = first.startsWith("-") ? `unknown option '${first}'` : `unexpected argument '${first}'`;
    process.stderr.write(`lazarus schema: ${what}\n${usage}`);
    return 2;
  }
  process.stdout.write(historyJsonSchemaText());
  return 0;
}
