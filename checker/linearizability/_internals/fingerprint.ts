// A fingerprint of the searches a check will share: each searched partition's key, and its
// operations' inputs, outputs and times, in search order. Threads that prepared the same
// history compute the same number; a helper that read a file changed since (a log still
// being written, say) computes another, and takes no search.
import type { Partition } from "./partition.ts";

/** searchFingerprint hashes the partitions in the order they will be searched (FNV-1a, 32 bits). */
export function searchFingerprint<Input, Output>(partitions: ReadonlyArray<Partition<Input, Output>>): number {
  let hash = 0x811c9dc5;
  const mix = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const partition of partitions) {
    mix(`${partition.key ?? ""}\u0000${partition.inputs.length}\u0000`);
    mix(JSON.stringify([partition.inputs, partition.outputs], (_, value: unknown) => (typeof value === "bigint" ? `${value}n` : value)));
    for (let op = 0; op < partition.inputs.length; op++) mix(`${partition.callTimes[op]},${partition.returnTimes[op]};`);
  }
  return hash;
}
