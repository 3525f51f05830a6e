// Who acts on an issue: a name of 1–100 characters, trimmed, remembered in the browser's storage.
import { describe, expect, it } from 'vitest';
import { leadNameKey, rememberedLeadName, rememberLeadName, validLeadName } from '../../web/src/lib/people/lead-name';

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('lead name', () => {
  it('takes 1 to 100 characters after trimming, counted in UTF-16 units as the API’s zod schema counts them', () => {
    expect(validLeadName('  Ana Kovač ')).toBe('Ana Kovač');
    expect(validLeadName('   ')).toBeNull();
    expect(validLeadName('x'.repeat(100))).toBe('x'.repeat(100));
    expect(validLeadName('x'.repeat(101))).toBeNull();
    // An emoji is 2 UTF-16 units: 50 fit, 51 (102 units) would be refused by the API.
    expect(validLeadName('😀'.repeat(50))).toBe('😀'.repeat(50));
    expect(validLeadName('😀'.repeat(51))).toBeNull();
  });

  it('remembers a valid name and reads it back; an invalid one is neither stored nor read', () => {
    const store = memory();
    expect(rememberedLeadName(store)).toBe('');
    rememberLeadName(' Ivan ', store);
    expect(store.map.get(leadNameKey)).toBe('Ivan');
    expect(rememberedLeadName(store)).toBe('Ivan');
    rememberLeadName('  ', store);
    expect(rememberedLeadName(store)).toBe('Ivan');
    expect(rememberedLeadName(memory({ [leadNameKey]: 'y'.repeat(150) }))).toBe('');
  });

  it('survives storage that throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(rememberedLeadName(broken)).toBe('');
    expect(() => rememberLeadName('Ana', broken)).not.toThrow();
  });
});
