/**
 * Seeded randomness. Every random choice in the engine (generated names, uids, tie-breaks,
 * pull-time jitter) comes from here, so the same seed replays the same cluster.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    // mulberry32: small, fast and good enough for simulation choices.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Uniform in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** apimachinery util/rand.String: no vowels and no 0/1/3, so names never spell words. */
  nameSuffix(length = 5): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A version-4 UUID, like the API server assigns to metadata.uid. */
  uuid(): string {
    const hex = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += this.int(16).toString(16);
      return s;
    };
    const variant = (8 + this.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }

  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += this.int(16).toString(16);
    return s;
  }
}
