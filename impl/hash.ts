// A fast, stable 32-bit string hash (FNV-1a with a final avalanche), used for ring
// positions, Merkle leaves and state digests. Not cryptographic; it only has to spread.

/** hashString returns a 32-bit unsigned hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // murmur3 finaliser: FNV alone clusters short, similar strings ("k1", "k2").
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
