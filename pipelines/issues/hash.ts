// 32-bit hashing for MinHash signatures: murmur3's x86_32 over a string's UTF-16 code units (two per block), and its
// finaliser to derive a signature's k hash functions from one term hash. Written once here rather than taken from a
// package: it is 30 lines, and a signature must never change under us with a dependency's update (stored issue
// signatures would stop matching new tickets).

/** murmur3's finaliser: a bijection on 32 bits that spreads every input bit over the output. Unsigned result. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3 x86_32 of a string's UTF-16 code units (two code units per 32-bit block), seeded. Unsigned result. */
export function hashString32(text: string, seed: number): number {
  let h = seed | 0;
  const pairs = text.length >>> 1;
  for (let i = 0; i < pairs; i++) {
    let k = text.charCodeAt(2 * i) | (text.charCodeAt(2 * i + 1) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (text.length & 1) {
    let k = text.charCodeAt(text.length - 1);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= text.length * 2; // murmur3 mixes in the length in bytes
  return fmix32(h);
}

/** `count` distinct seeds for the signature's hash functions, derived from one seed. */
export function hashSeeds(seed: number, count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  for (let i = 0; i < count; i++) seeds[i] = fmix32((seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0);
  return seeds;
}
