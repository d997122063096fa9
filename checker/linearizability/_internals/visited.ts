// The search's memory (Lowe's cache): the set of (linearized operations, state) pairs
// already explored, so that no configuration is explored twice.

/**
 * VisitedSet holds the current set of linearized operations as a bitset and remembers
 * every (bitset, state id) pair added. Three choices keep it fast on long histories:
 * - the bitset's hash is kept up to date on each set/clear (Zobrist hashing: the XOR
 *   of a random number per operation), so a lookup never scans the bitset;
 * - operations that returned (`ok`) take bits 0..okCount-1 in call order, and a stored
 *   bitset keeps of them only the "window": the words between the first word with a
 *   zero bit (`low`) and the last word with a one bit. Below `low` every bit is 1 and
 *   above the window every bit is 0, so the window identifies them exactly. With
 *   bounded concurrency the window is a few words, however long the history;
 * - operations with unknown outcome may stay unlinearized forever, which would pin
 *   `low`; they get their own region after the ok bits (see `bitOfUnknown`), stored whole.
 * Comparison is exact (words are compared); the hash covers the ok bits and the state
 * only, so configurations that differ in unknown-outcome bits share a bucket.
 */
export class VisitedSet {
  private readonly words: Uint32Array;
  private readonly zobrist: Uint32Array;
  /** unknownStart: the first word of the unknown-outcome region. */
  private readonly unknownStart: number;
  private hash = 0;
  private low = 0;
  private high = 0;
  private buckets: Int32Array;
  private count = 0;
  private entryHash = new Uint32Array(1024);
  private entryState = new Int32Array(1024);
  private entryLow = new Int32Array(1024);
  private entryLength = new Int32Array(1024);
  private entryOffset = new Int32Array(1024);
  private entryNext = new Int32Array(1024);
  private pool = new Uint32Array(4096);
  private poolUsed = 0;

  constructor(okCount: number, unknownCount: number) {
    // One always-zero word after the ok region stops the scan that advances `low`.
    this.unknownStart = Math.ceil(okCount / 32) + 1;
    this.words = new Uint32Array(this.unknownStart + Math.ceil(unknownCount / 32));
    const bitCount = this.words.length * 32;
    this.zobrist = new Uint32Array(bitCount);
    // A fixed xorshift sequence: the hashes (and so the run) are the same every time.
    let x = 0x9e3779b9;
    for (let i = 0; i < bitCount; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.zobrist[i] = x >>> 0;
    }
    this.buckets = new Int32Array(1024).fill(-1);
  }

  /** bitOfUnknown: the bit of the `index`-th operation with unknown outcome. */
  bitOfUnknown(index: number): number {
    return this.unknownStart * 32 + index;
  }

  /** size: how many (set, state) pairs are remembered. */
  get size(): number {
    return this.count;
  }

  /** tryAdd sets bit `operation`; false (and undone) if a stored configuration covers it. */
  tryAdd(operation: number, state: number): boolean {
    this.set(operation);
    const hash = this.combinedHash(state);
    const mask = this.buckets.length - 1;
    for (let e = this.buckets[hash & mask]!; e !== -1; e = this.entryNext[e]!) {
      if (this.entryHash[e] === hash && this.entryState[e] === state && this.covers(e)) {
        this.clear(operation);
        return false;
      }
    }
    this.removeCoveredBy(hash, state);
    this.insert(hash, state);
    return true;
  }

  /**
   * tryAddPair sets bits `first` and `second` (a deferred write and the operation it is
   * paired with); false (and both undone) if a stored configuration covers the result.
   * Backtracking clears both.
   */
  tryAddPair(first: number, second: number, state: number): boolean {
    this.set(first);
    if (this.tryAdd(second, state)) return true;
    this.clear(first);
    return false;
  }

  /**
   * removeCoveredBy unlinks stored configurations that the current one covers (same ok
   * bits and state, more unknown-outcome bits), so that a bucket holds an antichain.
   */
  private removeCoveredBy(hash: number, state: number): void {
    if (this.unknownStart === this.words.length) return;
    const bucket = hash & (this.buckets.length - 1);
    let previous = -1;
    for (let e = this.buckets[bucket]!; e !== -1; e = this.entryNext[e]!) {
      if (this.entryHash[e] === hash && this.entryState[e] === state && this.isCoveredByCurrent(e)) {
        if (previous === -1) this.buckets[bucket] = this.entryNext[e]!;
        else this.entryNext[previous] = this.entryNext[e]!;
        this.entryState[e] = -1; // dead: skipped by rehash
      } else {
        previous = e;
      }
    }
  }

  private isCoveredByCurrent(entry: number): boolean {
    const length = this.high - this.low;
    if (this.entryLow[entry] !== this.low || this.entryLength[entry] !== length) return false;
    const { pool, words } = this;
    let offset = this.entryOffset[entry]!;
    for (let i = this.low; i < this.high; i++) if (pool[offset++] !== words[i]) return false;
    for (let i = this.unknownStart; i < words.length; i++) if ((words[i]! & ~pool[offset++]!) !== 0) return false;
    return true;
  }

  /** clear un-linearizes `operation` (on backtracking). */
  clear(operation: number): void {
    const word = operation >>> 5;
    this.words[word] = this.words[word]! & ~(1 << (operation & 31));
    if (word >= this.unknownStart) return;
    this.hash ^= this.zobrist[operation]!;
    if (word < this.low) this.low = word;
    while (this.high > 0 && this.words[this.high - 1] === 0) this.high--;
  }

  /** has says whether bit `operation` is set in the current configuration: whether the operation is linearized. */
  has(operation: number): boolean {
    return (this.words[operation >>> 5]! & (1 << (operation & 31))) !== 0;
  }

  private set(operation: number): void {
    const word = operation >>> 5;
    this.words[word] = this.words[word]! | (1 << (operation & 31));
    if (word >= this.unknownStart) return;
    this.hash ^= this.zobrist[operation]!;
    if (word + 1 > this.high) this.high = word + 1;
    while (this.words[this.low] === 0xffffffff) this.low++;
  }

  private combinedHash(state: number): number {
    return (this.hash ^ Math.imul(state + 1, 0x9e3779b1) ^ Math.imul(this.low, 0x85ebca6b)) >>> 0;
  }

  /**
   * covers says whether stored `entry` makes the current configuration redundant: the
   * same ok bits, and a subset of its unknown-outcome bits. An unknown-outcome
   * operation may also never take effect, so whatever can follow the current
   * configuration could have followed the stored one too (same state, same pending
   * returns). Equal sets are the special case; the subset case prunes the 2^k ways of
   * applying k pending `info` writes that end in the same state.
   */
  private covers(entry: number): boolean {
    const length = this.high - this.low;
    if (this.entryLow[entry] !== this.low || this.entryLength[entry] !== length) return false;
    const { pool, words } = this;
    let offset = this.entryOffset[entry]!;
    for (let i = this.low; i < this.high; i++) if (pool[offset++] !== words[i]) return false;
    for (let i = this.unknownStart; i < words.length; i++) if ((pool[offset++]! & ~words[i]!) !== 0) return false;
    return true;
  }

  private insert(hash: number, state: number): void {
    if (this.count === this.entryHash.length) this.growEntries();
    const length = this.high - this.low;
    const unknownLength = this.words.length - this.unknownStart;
    if (this.poolUsed + length + unknownLength > this.pool.length) {
      this.pool = grow(this.pool, this.poolUsed + length + unknownLength);
    }
    this.pool.set(this.words.subarray(this.low, this.high), this.poolUsed);
    this.pool.set(this.words.subarray(this.unknownStart), this.poolUsed + length);
    const e = this.count++;
    this.entryHash[e] = hash;
    this.entryState[e] = state;
    this.entryLow[e] = this.low;
    this.entryLength[e] = length;
    this.entryOffset[e] = this.poolUsed;
    this.poolUsed += length + unknownLength;
    const mask = this.buckets.length - 1;
    this.entryNext[e] = this.buckets[hash & mask]!;
    this.buckets[hash & mask] = e;
    if (this.count > this.buckets.length * 0.75) this.rehash();
  }

  private growEntries(): void {
    const size = this.entryHash.length * 2;
    this.entryHash = grow(this.entryHash, size);
    this.entryState = grow(this.entryState, size);
    this.entryLow = grow(this.entryLow, size);
    this.entryLength = grow(this.entryLength, size);
    this.entryOffset = grow(this.entryOffset, size);
    this.entryNext = grow(this.entryNext, size);
  }

  private rehash(): void {
    this.buckets = new Int32Array(this.buckets.length * 2).fill(-1);
    const mask = this.buckets.length - 1;
    for (let e = 0; e < this.count; e++) {
      if (this.entryState[e] === -1) continue;
      const bucket = this.entryHash[e]! & mask;
      this.entryNext[e] = this.buckets[bucket]!;
      this.buckets[bucket] = e;
    }
  }
}

function grow<T extends Uint32Array | Int32Array>(array: T, atLeast: number): T {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}
