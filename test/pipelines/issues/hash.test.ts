import { describe, expect, it } from 'vitest';
import { hashString32 } from '../../../pipelines/issues/hash.ts';

// murmur3 x86_32's published test vectors, given as bytes; a string's UTF-16 code units are those bytes read
// little-endian in pairs (e.g. bytes 21 43 65 87 = "\u4321\u8765"). The last three were computed with an
// independent Python implementation over `text.encode('utf-16-le')`.
describe('hashString32 (murmur3 x86_32 over UTF-16LE)', () => {
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['\u0000\u0000', 0, 0x2362f9de],
    ['\u4321\u8765', 0, 0xf55b516b],
    ['\u4321', 0, 0xa0f7b07a],
    ['\u6161\u6161', 0x9747b28c, 0x5a97808a],
    ['invoice', 42, 0x7cfcc273],
    ['račun', 7, 0x05925c20],
    ['счёт', 7, 0x676ff16f],
  ])('hash of %j with seed %d', (text, seed, expected) => {
    expect(hashString32(text, seed)).toBe(expected);
  });
});
