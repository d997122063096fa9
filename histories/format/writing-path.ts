// Where an output file is written so that it ends whole or not at all: a regular file (or
// one not there yet) is written beside itself and renamed into place once complete, so a
// failure never leaves half of it; a FIFO or a device (/dev/stdout, /dev/full) is written
// in place, since renaming over it would replace it with a file. `run --out` and every
// `--report` write through it.
import type { Stats } from "node:fs";
import { basename, dirname, join } from "node:path";

/** writingPathFor is the path to write `path` through, given what is there now (undefined: nothing); the caller renames it into place when it differs. */
export function writingPathFor(path: string, existing: Stats | undefined): string {
  return existing === undefined || existing.isFile() ? join(dirname(path), `.${basename(path)}.${process.pid}.partial`) : path;
}
