// The thread entry of an explore worker. A worker thread starts without the TypeScript
// loader the main thread has, so it registers tsx itself, as bin.js does, and then serves
// runs. A plain .js file, found beside this one, works whatever the working directory.
import { register } from "tsx/esm/api";

register();
await import("./worker-thread.ts");
