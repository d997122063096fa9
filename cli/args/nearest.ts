// Suggestions for a mistyped name: the valid names nearest to it by edit distance, so that
// `--seeed` is answered with `--seed` and `lazarus rn` with `run`.

/**
 * editDistance is the optimal string alignment distance between `a` and `b`: insertions,
 * deletions, substitutions, and swaps of two neighbours (`--otu` is one edit from `--out`,
 * as the typo is one slip of the fingers).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * nearestNames returns the valid names nearest to `given`, best first (ties together), or
 * none when even the nearest is too far to be a typo: more than 2 edits, or more than half
 * the given name's length. A name that `given` starts (`--read` for `--read-quorum`) is
 * near too.
 */
export function nearestNames(given: string, valid: readonly string[]): string[] {
  const scored = valid.map((name) => ({ name, distance: name.startsWith(given) && given.length >= 3 ? 1 : editDistance(given, name) }));
  const limit = Math.min(2, Math.floor(given.length / 2));
  const best = Math.min(...scored.map((s) => s.distance));
  if (!(best <= limit)) return [];
  return scored.filter((s) => s.distance === best).map((s) => s.name);
}

/** didYouMean words the suggestion for `given` among `valid`, each shown through `show`: "; did you mean --seed?" or "". */
export function didYouMean(given: string, valid: readonly string[], show: (name: string) => string = (name) => name): string {
  const near = nearestNames(given, valid).map(show);
  if (near.length === 0) return "";
  const last = near.pop()!;
  return `; did you mean ${near.length === 0 ? last : `${near.join(", ")} or ${last}`}?`;
}
