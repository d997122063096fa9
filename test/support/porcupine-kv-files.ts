// Porcupine kv files for the CLI tests, one EDN map per line, and the keys they are made of:
// one convicted in a few steps, and one that takes the search seconds.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** KvEvent is one line: `[process, type, f, key, value]`. */
export type KvEvent = [number, string, string, string, string | null];

/** writeKvFile writes `events` as Porcupine kv lines into `directory`/`name` and returns its path. */
export function writeKvFile(directory: string, name: string, events: KvEvent[]): string {
  const file = join(directory, name);
  const lines = events.map(([process, type, f, key, value]) => `{:process ${process}, :type :${type}, :f :${f}, :key "${key}", :value ${value === null ? "nil" : JSON.stringify(value)}}`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** readsNeverWritten is a key whose get returns a value no put wrote: convicted in a few steps. */
export function readsNeverWritten(key: string): KvEvent[] {
  return [
    [0, "invoke", "put", key, "1"],
    [0, "ok", "put", key, "1"],
    [0, "invoke", "get", key, null],
    [0, "ok", "get", key, "2"],
  ];
}

/** hardKey: ten concurrent appends read back in reverse, an order the search reaches after ~10^7 steps (seconds). */
export function hardKey(key: string): KvEvent[] {
  const letters = "abcdefghij".split("");
  return [
    ...letters.map((letter, i): [number, string, string, string, string] => [i + 1, "invoke", "append", key, letter]),
    ...letters.map((letter, i): [number, string, string, string, string] => [i + 1, "ok", "append", key, letter]),
    [0, "invoke", "get", key, null],
    [0, "ok", "get", key, [...letters].reverse().join("")],
  ];
}
