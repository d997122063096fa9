// The code docs/ shows is code the tests run, verbatim, so the page cannot drift from it.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

it("docs/suite.md shows test/docs/own-store.test.ts and test/suite/readme-example.test.ts verbatim", () => {
  const page = read("docs/suite.md");
  expect(page).toContain("```ts\n" + read("test/docs/own-store.test.ts") + "```");
  expect(page).toContain("```ts\n" + read("test/suite/readme-example.test.ts") + "```");
});
