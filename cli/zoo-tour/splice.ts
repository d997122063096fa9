// The generated parts of a hand-written page. Each sits between a line
// `<!-- zoo-tour ID ... -->` and a line `<!-- /zoo-tour -->`; the words around them are a
// person's, and only what lies between is written again.
const partPattern = /<!-- zoo-tour ([\w/-]+)[^\n]*-->\n([\s\S]*?)<!-- \/zoo-tour -->/g;

/** partsOf reads the generated parts of a page, by id. */
export function partsOf(page: string): Map<string, string> {
  return new Map([...page.matchAll(partPattern)].map((match) => [match[1]!, match[2]!]));
}

/**
 * spliceParts writes each part of `parts` between its markers in `page`. It throws when the
 * page has a part the tour does not write, or lacks one it does: either is a page a
 * person must fix, and the message says how.
 */
export function spliceParts(page: string, parts: ReadonlyMap<string, string>, writtenBy: string): string {
  const seen = new Set<string>();
  const spliced = page.replace(partPattern, (_whole, id: string) => {
    const text = parts.get(id);
    if (text === undefined) throw new Error(`the page has a generated part "${id}" that ${writtenBy} does not write; remove its markers`);
    seen.add(id);
    return `<!-- zoo-tour ${id}: written by ${writtenBy}; edit the words around it -->\n${text}<!-- /zoo-tour -->`;
  });
  const missing = [...parts.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) {
    throw new Error(`the page lacks the generated part(s) ${missing.join(", ")}; add a line "<!-- zoo-tour ID -->" and a line "<!-- /zoo-tour -->" where each goes`);
  }
  return spliced;
}
