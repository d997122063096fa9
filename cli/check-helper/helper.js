// The thread entry of a check helper run from the TypeScript sources (tsx, vitest): a worker
// thread starts without the TypeScript loader the main thread has, so it registers tsx
// itself, as bin.js does, and then runs the helper.
import { register } from "tsx/esm/api";

register();
await import("./helper-thread.ts");
