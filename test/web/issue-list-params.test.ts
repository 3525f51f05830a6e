// The Recurring problems list's sort and flag in the URL, beside the global filters; and the flags as words.
import { describe, expect, it } from 'vitest';
import { defaultListChoice, listChoiceFromQuery, listChoiceToQuery } from '../../web/src/lib/issues/list-params';
import { flagPresentation, orderedFlags } from '../../web/src/lib/issues/flags';

describe('the list’s choices in the URL', () => {
  it('reads sort and flag, and falls back to tickets, all flags for anything unknown', () => {
    expect(listChoiceFromQuery(new URLSearchParams('sort=cost&flag=rising'))).toEqual({ sort: 'cost', flag: 'rising' });
    expect(listChoiceFromQuery(new URLSearchParams('sort=rise'))).toEqual({ sort: 'rise', flag: null });
    expect(listChoiceFromQuery(new URLSearchParams('sort=price&flag=hot'))).toEqual({ sort: 'volume', flag: null });
    expect(listChoiceFromQuery(new URLSearchParams(''))).toEqual(defaultListChoice);
  });

  it('writes only what differs from the default and keeps the filters in their place', () => {
    const kept = new URLSearchParams('range=30d&team=t1&sort=cost&channel=email');
    expect(listChoiceToQuery({ sort: 'customers', flag: 'new' }, kept).toString()).toBe('range=30d&team=t1&channel=email&sort=customers&flag=new');
    expect(listChoiceToQuery(defaultListChoice, kept).toString()).toBe('range=30d&team=t1&channel=email');
  });

  it('round-trips every choice', () => {
    for (const sort of ['volume', 'customers', 'cost', 'rise'] as const) {
      for (const flag of [null, 'rising', 'new', 'recurring'] as const) {
        expect(listChoiceFromQuery(listChoiceToQuery({ sort, flag }))).toEqual({ sort, flag });
      }
    }
  });
});

describe('flags as badges', () => {
  it('orders them by urgency, each once, unknown ones left out', () => {
    expect(orderedFlags(['recurring', 'hot', 'rising', 'rising'])).toEqual(['rising', 'recurring']);
    expect(orderedFlags(['new', 'recurring'])).toEqual(['new', 'recurring']);
    expect(orderedFlags([])).toEqual([]);
  });

  it('gives each flag its own word and its own icon, so colour is never the only cue', () => {
    const all = Object.values(flagPresentation);
    expect(new Set(all.map((f) => f.word)).size).toBe(3);
    expect(new Set(all.map((f) => f.icon)).size).toBe(3);
  });
});
