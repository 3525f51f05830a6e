// Counts in words agree with their number: "1 ticket", "2 tickets", never "1 tickets" (format.ts; formatCountOf's
// own cases are in format-count.test.ts).
import { describe, expect, it } from 'vitest';
import { plural } from '../../web/src/lib/format';
import { heatmapDescription } from '../../web/src/lib/charts/options/heatmap';
import { ageWords } from '../../web/src/lib/teams/backlog';

describe('plural', () => {
  it('one is singular; zero, many and fractions are plural; an irregular plural can be given', () => {
    expect(plural(1, 'reply', 'replies')).toBe('reply');
    expect(plural(3, 'reply', 'replies')).toBe('replies');
    expect(plural(1.5, 'day')).toBe('days');
  });

  it('the heatmap description of one slot with one ticket', () => {
    expect(heatmapDescription('First response, chat', [[9, 0, 30, 1]])).toBe(
      'First response, chat: 1 hour slot with tickets. Slowest: Monday 09:00 = 30 min (1 ticket). Fastest: Monday 09:00 = 30 min (1 ticket).',
    );
    expect(ageWords(1.7)).toBe('1 day');
  });
});
