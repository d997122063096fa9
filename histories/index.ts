// The public face of histories/: the history format (schemas, reader, writer, errors,
// JSON Schema). Everything else under histories/format is private to it.
// histories/import adds its importers here when it lands.

export {
  causalContextSchema,
  clusterConfigSchema,
  clusterEventSchemas,
  completeEventSchema,
  getResultSchema,
  historyEventKinds,
  historyEventSchema,
  historyHeaderSchema,
  invokeEventSchema,
  versionSchema,
} from "./format/schema.ts";
export { formatHistoryError, historyErrorCodes } from "./format/error.ts";
export type { HistoryError, HistoryErrorCode } from "./format/error.ts";
export { parseHistoryText, readHistoryFile, readHistoryItems, streamHistoryFile } from "./format/reader.ts";
export type { HistoryResult, HistorySink, HistorySource } from "./format/reader.ts";
export type { HistoryItem } from "./format/parser.ts";
export { HistoryWriter, historyLine, serializeHistory } from "./format/writer.ts";
export { historyKeyOrder } from "./format/key-order.ts";
export { historyJsonSchema, historyJsonSchemaText } from "./format/json-schema.ts";
