// Where the committed copy of the history line's JSON Schema lives (histories/history.schema.json;
// the build copies it beside the compiled code). test/histories/format/json-schema.test.ts keeps
// it equal to the text generated from the zod schemas, so `lazarus schema` prints the file and
// loads neither zod nor its JSON Schema machinery (a tenth of a second at start-up).
import { fileURLToPath } from "node:url";

/** historyJsonSchemaPath is the committed copy of the JSON Schema. */
export const historyJsonSchemaPath = fileURLToPath(new URL("../history.schema.json", import.meta.url));
