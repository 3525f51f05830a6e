import { describe, expect, it } from 'vitest';
import { inCi } from './ci.ts';

describe('inCi', () => {
  it('counts only a CI variable that says yes', () => {
    expect(['true', 'TRUE', '1', 'yes'].map((CI) => inCi({ CI }))).toEqual([true, true, true, true]);
    expect(['false', 'False', '0', 'no', '', ' '].map((CI) => inCi({ CI }))).toEqual([false, false, false, false, false, false]);
    expect(inCi({})).toBe(false);
  });
});
