// The JSON Schema of one line of a history, generated from the zod schemas with
// z.toJSONSchema so the two cannot drift. histories/history.schema.json holds a copy
// (regenerate it with `npx tsx histories/format/write-json-schema.ts`).
import { z } from "zod";
import {
  causalContextSchema,
  clusterConfigSchema,
  clusterEventSchemas,
  completeEventSchema,
  getResultSchema,
  historyEventSchema,
  historyHeaderSchema,
  invokeEventSchema,
  versionSchema,
} from "./schema.ts";

interface Meta {
  id: string;
  description: string;
}

/** historyJsonSchema returns the JSON Schema (draft 2020-12) that every line of a history satisfies. */
export function historyJsonSchema(): Record<string, unknown> {
  // A local registry names the $defs without touching zod's global registry.
  const registry = z.registry<Meta>();
  registry.add(historyHeaderSchema, { id: "header", description: "The first line of a history, exactly once." });
  registry.add(historyEventSchema, { id: "event", description: "Every line after the header, in time order." });
  registry.add(invokeEventSchema, { id: "invoke", description: "A client process starts an operation." });
  registry.add(completeEventSchema, { id: "complete", description: "The process's open operation ends." });
  for (const schema of clusterEventSchemas) {
    registry.add(schema, { id: schema.shape.kind.value, description: `Cluster event "${schema.shape.kind.value}".` });
  }
  registry.add(clusterConfigSchema, { id: "clusterConfig", description: "The store configuration recorded." });
  registry.add(getResultSchema, { id: "getResult", description: "What an ok get returned." });
  registry.add(versionSchema, { id: "version", description: "A replica-level version, for explanation." });
  registry.add(causalContextSchema, { id: "causalContext", description: "What a causal put or delete saw." });
  const line = z.union([historyHeaderSchema, historyEventSchema]);
  const generated = z.toJSONSchema(line, { metadata: registry, target: "draft-2020-12" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "lazarus history line (format version 1)",
    description:
      "One line of a lazarus history (JSON Lines): the first line is a header, every later line an event. " +
      "Rules across lines (time order, invoke/complete pairing, unique put values and tombstones) are checked by the reader, not by this schema.",
    ...rest,
  };
}

/** historyJsonSchemaText is the schema as committed in histories/history.schema.json and printed by `lazarus schema`. */
export function historyJsonSchemaText(): string {
  return `${JSON.stringify(historyJsonSchema(), null, 2)}\n`;
}
