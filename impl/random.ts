// The one seeded pseudo-random generator of a simulation (xoshiro128**, seeded through
// splitmix32). Every random choice in impl/ flows from one instance, so a seed replays a run.

/** Random is a small, fast, deterministic generator; never use Math.random in impl/. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * constructor takes a seed, a whole number up to 2^53 - 1: its low 32 bits seed the state
   * through splitmix32 as they always have (so every recorded seed below 2^32 replays as
   * before), and its high bits, when there are any, are mixed in through a second splitmix32
   * sequence, so that seeds 2^32 apart are different runs.
   */
  constructor(seed: number) {
    const low = splitmix32(seed >>> 0);
    this.a = low();
    this.b = low();
    this.c = low();
    this.d = low();
    const highBits = Math.floor(seed / 4294967296) >>> 0;
    if (highBits !== 0) {
      const high = splitmix32(highBits ^ 0x5bd1e995);
      this.a = (this.a ^ high()) >>> 0;
      this.b = (this.b ^ high()) >>> 0;
      this.c = (this.c ^ high()) >>> 0;
      this.d = (this.d ^ high()) >>> 0;
      // xoshiro never leaves the all-zero state; the odds of landing there are 2^-128, but nil is nil.
      if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    }
  }

  /** nextUint32 returns the next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** float returns a number in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** int returns an integer in [0, bound); bound must be a positive integer. */
  int(bound: number): number {
    return Math.floor(this.float() * bound);
  }

  /** between returns an integer in [low, high], both inclusive. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** chance returns true with the given probability; probability 0 never consumes randomness. */
  chance(probability: number): boolean {
    if (probability <= 0) return false;
    return this.float() < probability;
  }

  /** pick returns one element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Random.pick: empty array");
    return items[this.int(items.length)] as T;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** splitmix32 returns a generator of well-mixed 32-bit numbers from `seed` (even 0). */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
