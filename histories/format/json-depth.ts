// Measures how deep a line of JSON nests, before it is parsed. JSON.parse copes with any
// depth, but what comes after it (schema checks, JSON.stringify of a value quoted in an
// error, String()) recurses and would overflow the stack on 10^5 nested arrays.

/** maxJsonDepth is the deepest nesting a line may have; the format itself needs 4. */
export const maxJsonDepth = 64;

/**
 * tooDeepAt returns the 0-based index in `text` of the bracket that opens nesting level
 * maxDepth + 1, or -1 when the line nests no deeper than maxDepth. Brackets inside
 * strings do not count. It is linear in the line's length.
 */
export function tooDeepAt(text: string, maxDepth = maxJsonDepth): number {
  // Valid JSON nested maxDepth + 1 deep needs two brackets a level: a shorter line parses
  // to something shallow or fails to parse at all, so it needs no walk.
  if (text.length < 2 * (maxDepth + 1)) return -1;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return index;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return -1;
}
