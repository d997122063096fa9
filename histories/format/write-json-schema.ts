// Regenerates histories/history.schema.json from the zod schemas:
//   npx tsx histories/format/write-json-schema.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { historyJsonSchemaText } from "./json-schema.ts";

/** historyJsonSchemaPath is where the committed copy of the JSON Schema lives. */
export const historyJsonSchemaPath = fileURLToPath(new URL("../history.schema.json", import.meta.url));

/** writeHistoryJsonSchema writes the generated schema to historyJsonSchemaPath and returns the path. */
export function writeHistoryJsonSchema(): string {
  writeFileSync(historyJsonSchemaPath, historyJsonSchemaText());
  return historyJsonSchemaPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`wrote ${writeHistoryJsonSchema()}\n`);
}
