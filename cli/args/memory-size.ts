// The --memory flag of check and run: how much heap the spec's fold of a history may fill
// before the check gives up as unknown (checker/memory-guard.ts). It cannot exceed Node's
// own heap limit, past which the process would die instead.
import { describeBytes } from "../../checker/byte-size.ts";
import { heapLimitBytes } from "../../checker/heap-limit.ts";

const units: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/** memoryFlag reads --memory SIZE (such as 512m or 1.5g), in bytes; undefined when absent (the guard's default); a string is why it is refused. */
export function memoryFlag(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([kmg])(?:i?b)?$/i.exec(text);
  const bytes = match === null ? NaN : Math.floor(Number(match[1]) * units[match[2]!.toLowerCase()]!);
  if (!(bytes > 0)) return `--memory takes a size such as 512m or 1.5g, not ${JSON.stringify(text)}`;
  const limit = heapLimitBytes();
  if (bytes > limit) {
    return `--memory ${text} is more than Node's heap limit in this process (${describeBytes(limit)}); raise that limit first, e.g. NODE_OPTIONS=--max-old-space-size=${Math.ceil(bytes / 2 ** 20 / 0.7)}`;
  }
  return bytes;
}
