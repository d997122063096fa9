// Makes text safe to print on a terminal. File names and values quoted in messages come
// from the user's input; a raw ESC, CSI or newline in them could recolour the terminal,
// move the cursor, forge a line of output, or (bidirectional overrides) reorder what is shown.

/**
 * unprintable matches C0 controls (newline and tab too: an error is one line), DEL, C1
 * controls (0x9b is CSI on some terminals), line and paragraph separators, and the
 * bidirectional marks, embeddings, overrides and isolates.
 */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** beyondJsonEscapes is `unprintable` without the C0 controls, which JSON.stringify escapes itself. */
const beyondJsonEscapes = new RegExp(unprintable.source.replace("\\u0000-\\u001f", ""), "g");

/** printable returns `text` with every unprintable character written as \xNN or \u{NNNN}. */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => {
    const code = character.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}

/** printableLines is printable for text of several lines: each line escaped, the newlines between them kept. */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

/**
 * printableJson takes JSON text and writes every character a terminal could act on as a
 * \uNNNN escape: the same JSON value, safe to print. (JSON.stringify already escapes C0
 * controls and never puts one outside a string.)
 */
export function printableJson(json: string): string {
  return json.replace(beyondJsonEscapes, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
