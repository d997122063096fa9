// Validates the linearizability engine on histories no one on this project wrote:
// Porcupine's test data (Jepsen etcd logs and kv histories), read in place from
// ../shared/external/porcupine/, must get exactly the verdicts in expected.json.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkOperations } from "../../checker/linearizability/index.ts";
import type { LinearizabilityVerdict } from "../../checker/linearizability/index.ts";
import { fileLines, importJepsenLog, importPorcupineKv } from "../../histories/import/index.ts";
import { casRegisterModel, porcupineKvModel } from "../../model/sequential/index.ts";
import { porcupineDirectory, skipWithoutExternal } from "../support/external.ts";

const skip = skipWithoutExternal("Porcupine's histories against expected.json");
const externalDirectory = porcupineDirectory ?? "";
const expected = skip ? {} : (JSON.parse(readFileSync(`${externalDirectory}expected.json`, "utf8")) as Record<string, string>);

function expectedName(verdict: LinearizabilityVerdict): string {
  switch (verdict.kind) {
    case "valid":
      return "linearizable";
    case "invalid":
      return "not-linearizable";
    case "unknown":
      return `unknown: ${JSON.stringify(verdict.undecided)}`;
  }
}

async function check(file: string): Promise<LinearizabilityVerdict> {
  const path = `${externalDirectory}${file}`;
  if (file.startsWith("jepsen-etcd/")) {
    const imported = await importJepsenLog(fileLines(path), { file });
    if (!imported.ok || imported.history.kind !== "cas-register") throw new Error(`import failed: ${JSON.stringify(imported)}`);
    return checkOperations(casRegisterModel, imported.history.operations);
  }
  const imported = await importPorcupineKv(fileLines(path), { file });
  if (!imported.ok || imported.history.kind !== "porcupine-kv") throw new Error(`import failed: ${JSON.stringify(imported)}`);
  return checkOperations(porcupineKvModel, imported.history.operations);
}

describe.skipIf(skip)("Porcupine's test data", () => {
  it("expected.json names every history file there is", () => {
    const files = ["jepsen-etcd", "kv"].flatMap((folder) =>
      readdirSync(`${externalDirectory}${folder}`).map((name) => `${folder}/${name}`),
    );
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))("%s is %s", async (file, verdict) => {
    expect(expectedName(await check(file))).toBe(verdict);
  });

  it("explains a bad history with the longest order found and the operation that cannot follow it", async () => {
    const verdict = await check("jepsen-etcd/etcd_000.log");
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") return;
    const [partition] = verdict.partitions;
    expect(partition?.key).toBeNull();
    expect(partition?.longestPartialLinearization.length).toBeGreaterThan(0);
    expect(partition?.events.length).toBe(2);
    expect(partition?.message).toMatch(/^No linearization exists: .*process \d+'s .* cannot take effect/);
  });

  it("names the key of each bad partition in the kv history", async () => {
    const verdict = await check("kv/c10-bad.txt");
    expect(verdict.kind).toBe("invalid");
    if (verdict.kind !== "invalid") return;
    expect(verdict.partitions.every((partition) => typeof partition.key === "string")).toBe(true);
    expect(verdict.partitions[0]?.message).toContain("on key");
  });
});
