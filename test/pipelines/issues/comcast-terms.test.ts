// The Comcast complaint titles (../shared/datasets, real, short, English): every title gives terms or a reason,
// and the words its themes are told by meet across spellings. Expected figures come from plain regular
// expressions over the raw titles, not from the code under test.
import { describe, expect, it } from 'vitest';
import { ticketTerms } from '../../../pipelines/issues/text.ts';
import { datasetsAvailable } from '../../helpers/datasets.ts';
import { comcastTitles as titles } from './comcast-titles.ts';

const available = datasetsAvailable('Comcast complaint titles');

describe.runIf(available)('Comcast complaint titles', () => {
  const all = available ? titles() : [];
  const results = all.map((t) => ticketTerms(t, '', { fallbackLanguage: 'en' }));

  it('reads all 2,224 titles, each giving terms or a reason', () => {
    expect(all).toHaveLength(2_224);
    expect(results.every((r) => r.terms.length > 0 || r.reason !== undefined)).toBe(true);
  });

  it('reads at least 95 % of them as English (given English as the fallback for short titles)', () => {
    expect(results.filter((r) => r.language === 'en').length / all.length).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['cap', /\b(?:data|usage)\s+caps?\b/i],
    ['speed', /\bspeeds?\b/i],
    ['bill', /\bbill(?:s|ing|ed)?\b/i],
  ])('gives "%s" to at least 90 %% of the titles a regular expression finds its theme in', (term, theme) => {
    const withTheme = all.map((t, i) => [t, results[i]!] as const).filter(([t]) => theme.test(t));
    expect(withTheme.length).toBeGreaterThan(50);
    const withTerm = withTheme.filter(([, r]) => r.terms.includes(term));
    expect(withTerm.length / withTheme.length, withTheme.filter(([, r]) => !r.terms.includes(term)).map(([t]) => t).slice(0, 10).join(' | ')).toBeGreaterThanOrEqual(0.9);
  });
});
