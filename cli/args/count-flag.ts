// A flag that takes a count, such as --jobs: one reading and one wording for every command.

/** countFlag reads a whole number flag in 1..max, `fallback` when absent; a string is why the value is refused. */
export function countFlag(value: string | boolean | string[] | undefined, flag: string, fallback: number, max: number): number | string {
  if (value === undefined) return fallback;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < 1) return `${flag} takes a whole number above 0, not ${JSON.stringify(text)}`;
  return Number(text) <= max ? Number(text) : `${flag} takes at most ${max.toLocaleString("en")}, not ${text}`;
}
