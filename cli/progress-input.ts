// Progress of reading a history: the same input `HistoryInput.open` makes (a file, or
// standard input for "-"), with every chunk's bytes counted on the way to the reader.
// `lazarus check` uses it only when it draws progress, so a pipe or a log sees the plain
// input.
import { stat } from "node:fs/promises";
import { openChunks } from "../histories/format/file-chunks.ts";
import type { InputCopy } from "../histories/format/input-copy.ts";
import { HistoryInput, isStdin, stdinName } from "../histories/import/index.ts";

/** CountedInput is an input and the size it will have when read to the end (undefined for a pipe or standard input). */
export interface CountedInput {
  input: HistoryInput;
  totalBytes: number | undefined;
}

/** openCounted opens `path` as HistoryInput.open does (copied to `copy` if given), calling `onBytes` with the bytes read so far after each chunk. */
export async function openCounted(path: string, onBytes: (bytesRead: number) => void, copy?: InputCopy): Promise<CountedInput> {
  const open = copy === undefined ? openChunks(path) : copy.wrap(openChunks(path));
  const size = isStdin(path) ? undefined : await stat(path).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  async function* counted(): AsyncGenerator<unknown> {
    let bytesRead = 0;
    for await (const chunk of open()) {
      bytesRead += (chunk as Uint8Array | string).length;
      onBytes(bytesRead);
      yield chunk;
    }
  }
  return { input: new HistoryInput(counted, path === "-" ? stdinName : path), totalBytes: size };
}
