// The reader's fast path for an event line. Nearly every line of a big history is a short,
// well-formed event; for those, JSON.parse and the hand-written shape checks of
// event-shape.ts prove all that the full checks would find, at a fraction of their cost.
// Any other line takes the full way (json-line.ts, then event-line.ts), which alone words
// errors, so what is accepted and every message stay the same.
import type { HistoryEvent } from "../../model/vocabulary.ts";
import { matchEventShape } from "./event-shape.ts";

/**
 * wellFormedEventMaxChars is the longest line the fast path parses. The full path measures
 * nesting before JSON.parse so that a hostile 16 MiB line of brackets is refused without
 * being built; parsing a line this short first costs nothing whatever it holds.
 */
export const wellFormedEventMaxChars = 4096;

/**
 * readWellFormedEvent returns the event on the line `text` when it is well-formed, and
 * undefined when the line needs the full checks (it may still be valid). An event it
 * returns passes every check of json-line.ts: its shape nests 4 levels at most, and the
 * brackets of valid JSON nest as its value does, so it is not too deep; its strict objects
 * hold only the format's field names, so no forbidden key.
 */
export function readWellFormedEvent(text: string): HistoryEvent | undefined {
  if (text.length > wellFormedEventMaxChars) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return matchEventShape(value);
}
