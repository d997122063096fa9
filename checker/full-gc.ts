// A full garbage collection on demand. A check that outgrew its memory drops the operations it
// folded and then measures the heap again to plan and guard its groups of keys; until V8's
// next full collection those dropped operations still count as heap in use, and the guard
// would take them for the new group's. Node exposes gc() only to a process started with
// --expose-gc, so the flag is set here, once, and the function taken from a fresh context.
import { createRequire } from "node:module";
import { nodeV8 } from "./heap-limit.ts";

let gc: (() => void) | undefined;

/** collectGarbage runs a full garbage collection, so that the heap in use is what is still reachable. */
export function collectGarbage(): void {
  if (gc === undefined) {
    nodeV8().setFlagsFromString("--expose-gc");
    gc = (createRequire(import.meta.url)("node:vm") as typeof import("node:vm")).runInNewContext("gc") as () => void;
  }
  gc();
}
