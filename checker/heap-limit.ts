// Node's heap limit in this process, read only when asked: node:v8 brings thirty modules,
// three milliseconds that a check of a small imported file does not pay.
import { createRequire } from "node:module";

let v8: typeof import("node:v8") | undefined;

/** nodeV8 is the node:v8 module, loaded on first use. */
export function nodeV8(): typeof import("node:v8") {
  v8 ??= createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  return v8;
}

/** heapStatistics is v8.getHeapStatistics(), node:v8 being loaded on first use. */
export function heapStatistics(): { heap_size_limit: number; used_heap_size: number } {
  return nodeV8().getHeapStatistics();
}

/** heapLimitBytes is Node's heap limit in this process (raised with node --max-old-space-size=MiB). */
export function heapLimitBytes(): number {
  return heapStatistics().heap_size_limit;
}
