// JSON that is safe inside an HTML <script> element. The HTML parser ends a script at the
// first `</script` and treats `<!--` specially whatever the JSON means, so every `<` is
// written as the JSON escape \u003c (it can only stand inside a string). `>` and `&` are
// escaped too, and U+2028/U+2029, so the text stays inert if pasted into a JavaScript
// string.
const unsafe = /[<>&\u2028\u2029]/g;

/** scriptJson serializes a value for a `<script type="application/json">` element; JSON.parse of its text gives the value back. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
