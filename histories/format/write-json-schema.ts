// Regenerates histories/history.schema.json from the zod schemas:
//   npx tsx histories/format/write-json-schema.ts
import { writeFileSync } from "node:fs";
import { historyJsonSchemaPath } from "./json-schema-file.ts";
import { historyJsonSchemaText } from "./json-schema.ts";

/** writeHistoryJsonSchema writes the generated schema to historyJsonSchemaPath and returns the path. */
export function writeHistoryJsonSchema(): string {
  writeFileSync(historyJsonSchemaPath, historyJsonSchemaText());
  return historyJsonSchemaPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`wrote ${writeHistoryJsonSchema()}\n`);
}
