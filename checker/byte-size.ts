// Sizes of memory as people read them, in the units --memory takes.

/** describeBytes writes a size as "2.9 GiB" or "512 MiB". */
export function describeBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}
