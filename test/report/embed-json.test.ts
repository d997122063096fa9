// JSON embedded in a <script> element: whatever the strings in it, the HTML parser never
// sees a tag or a comment in it, and JSON.parse gives the value back.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { scriptJson } from "../../report/index.ts";

describe("scriptJson", () => {
  it("escapes a closing script tag and a comment opener in keys and values", () => {
    const hostile = { "</script><script>alert(1)</script>": "<!-- </SCRIPT > & \u2028" };
    const text = scriptJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  test.prop([fc.jsonValue()])("round-trips any JSON value and never spells '<' (seeded by fast-check)", (value) => {
    const text = scriptJson(value);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
