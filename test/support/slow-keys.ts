// A Porcupine kv history whose keys "slow1" and "slow2" each take thousands of search
// steps (six concurrent appends read back in reverse, an order the search reaches only
// after trying most others) and, optionally, a key "bad" that reads a value never
// written (convicted in two steps): one invalid key beside keys a small budget leaves undecided.

/** slowKeysLines returns the history's lines. */
export function slowKeysLines(options: { withBadKey: boolean }): string[] {
  const lines: string[] = [];
  const event = (process: number, type: "invoke" | "ok", f: string, key: string, value: string | null) =>
    lines.push(`{:process ${process}, :type :${type}, :f :${f}, :key "${key}", :value ${value === null ? "nil" : JSON.stringify(value)}}`);
  if (options.withBadKey) {
    event(0, "invoke", "put", "bad", "1");
    event(0, "ok", "put", "bad", "1");
    event(0, "invoke", "get", "bad", null);
    event(0, "ok", "get", "bad", "2");
  }
  const letters = ["a", "b", "c", "d", "e", "f"];
  for (const key of ["slow1", "slow2"]) {
    letters.forEach((letter, i) => event(i + 1, "invoke", "append", key, letter));
    letters.forEach((letter, i) => event(i + 1, "ok", "append", key, letter));
    event(0, "invoke", "get", key, null);
    event(0, "ok", "get", key, [...letters].reverse().join(""));
  }
  return lines;
}
