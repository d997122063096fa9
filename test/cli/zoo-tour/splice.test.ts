// The generated parts of a hand-written page: only what lies between the markers is
// written again, and a page with a part too many or too few is refused with the fix.
import { describe, expect, it } from "vitest";
import { partsOf, spliceParts } from "../../../cli/zoo-tour/splice.ts";

const page = ["# Title", "", "Words.", "<!-- zoo-tour a/one -->", "old", "<!-- /zoo-tour -->", "More words.", "<!-- zoo-tour b: any note -->", "<!-- /zoo-tour -->", ""].join("\n");

describe("spliceParts", () => {
  it("writes each part between its markers and keeps the words around them", () => {
    const spliced = spliceParts(page, new Map([["a/one", "new $& text\n"], ["b", ""]]), "the writer");
    expect(spliced).toBe(
      ["# Title", "", "Words.", "<!-- zoo-tour a/one: written by the writer; edit the words around it -->", "new $& text", "<!-- /zoo-tour -->", "More words.", "<!-- zoo-tour b: written by the writer; edit the words around it -->", "<!-- /zoo-tour -->", ""].join("\n"),
    );
    expect(partsOf(spliced)).toEqual(new Map([["a/one", "new $& text\n"], ["b", ""]]));
  });

  it("refuses a page with a part the writer does not write, or without one it does", () => {
    expect(() => spliceParts(page, new Map([["a/one", ""]]), "the writer")).toThrow(/part "b" that the writer does not write; remove its markers/);
    expect(() => spliceParts(page, new Map([["a/one", ""], ["b", ""], ["c", ""]]), "the writer")).toThrow(/lacks the generated part\(s\) c; add a line/);
  });
});
