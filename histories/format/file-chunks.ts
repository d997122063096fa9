// The bytes of one input, chunk by chunk: standard input for "-", a regular file read with
// synchronous reads, anything else (a FIFO, a device) through a read stream. A regular file
// is read synchronously because each asynchronous read is a round trip through libuv's
// thread pool: on a small history those trips and the pool's start were a tenth of the
// whole command's time, and on a big one they add up to seconds.
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from "node:fs";

/** isStdin says whether `path` names standard input: "-", or /dev/stdin, which cannot be opened again when it is a socket. */
export function isStdin(path: string): boolean {
  return path === "-" || path === "/dev/stdin";
}

/** fileChunkBytes is the size of one synchronous read: big enough that reads cost nothing, small enough to stay bounded. */
const fileChunkBytes = 1 << 20;

/**
 * chunksYieldingEvery is how many chunks a regular file is read between two turns of the
 * event loop, so that a progress line is still drawn while a big file is read.
 */
const chunksYieldingEvery = 8;

/**
 * openChunks returns a function that opens `path` when called and yields its chunks, so
 * that an error (ENOENT, EISDIR, EACCES) comes from the first read, where the reader
 * reports it, never earlier.
 */
export function openChunks(path: string): () => AsyncIterable<Uint8Array | string> {
  if (isStdin(path)) return () => process.stdin;
  return () => (isRegularFile(path) ? regularFileChunks(path) : createReadStream(path, { highWaterMark: 1 << 16 }));
}

/**
 * isRegularFile says whether `path` names a regular file, which can be read synchronously
 * (a FIFO's open blocks until a writer comes) and read again (standard input and FIFOs
 * can be read once).
 */
export function isRegularFile(path: string): boolean {
  if (isStdin(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false; // the read stream reports why
  }
}

async function* regularFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    for (let chunk = 1; ; chunk++) {
      // A fresh buffer per chunk: the line decoder keeps a view of the unfinished last line.
      const buffer = Buffer.allocUnsafe(Math.min(fileChunkBytes, size + 1));
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      if (chunk % chunksYieldingEvery === 0) await new Promise(setImmediate);
    }
  } finally {
    closeSync(fd);
  }
}
