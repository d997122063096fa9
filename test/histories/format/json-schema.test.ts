// The JSON Schema: the committed copy equals the generated one, it names every field the
// writer orders, and `lazarus schema` prints it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { schemaCommand } from "../../../cli/commands/schema.ts";
import { historyJsonSchema, historyJsonSchemaText, historyKeyOrder } from "../../../histories/index.ts";

const committedPath = fileURLToPath(new URL("../../../histories/history.schema.json", import.meta.url));

/** propertyNames collects every name under a "properties" object anywhere in `schema`. */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => propertyNames(item, into));
  else if (schema !== null && typeof schema === "object") {
    for (const [key, item] of Object.entries(schema)) {
      if (key === "properties" && item !== null && typeof item === "object") Object.keys(item).forEach((name) => into.add(name));
      propertyNames(item, into);
    }
  }
  return into;
}

describe("historyJsonSchema", () => {
  it("equals histories/history.schema.json (regenerate: npx tsx histories/format/write-json-schema.ts)", () => {
    expect(readFileSync(committedPath, "utf8")).toBe(historyJsonSchemaText());
  });

  it("is a header-or-event schema with one $def per event kind", () => {
    const schema = historyJsonSchema();
    expect(schema.anyOf).toEqual([{ $ref: "#/$defs/header" }, { $ref: "#/$defs/event" }]);
    const defs = Object.keys(schema.$defs as object);
    expect(defs).toEqual(expect.arrayContaining(["header", "event", "invoke", "complete", "barrier", "gc-purge", "getResult", "version"]));
  });

  it("names no field the writer's key order leaves out (the writer would drop it)", () => {
    const missing = [...propertyNames(historyJsonSchema())].filter((name) => !historyKeyOrder.includes(name));
    expect(missing).toEqual([]);
    expect(new Set(historyKeyOrder).size).toBe(historyKeyOrder.length);
  });
});

describe("schemaCommand", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints the schema and exits 0", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await schemaCommand([])).toBe(0);
    expect(out).toHaveBeenCalledWith(historyJsonSchemaText());
  });

  it("exits 2 with a message on an unknown flag or an argument", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await schemaCommand(["--pretty"])).toBe(2);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/unknown option '--pretty'/);
    expect(await schemaCommand(["file.json"])).toBe(2);
    expect(String(err.mock.calls[1]?.[0])).toMatch(/unexpected argument 'file.json'/);
  });
});
