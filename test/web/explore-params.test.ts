// The explorer's choices in the URL, and the period before a range.
import { describe, expect, it } from 'vitest';
import { dimensionNames } from '../../sql/metrics/dimensions.ts';
import { choiceFromQuery, choiceToQuery, defaultChoice, groupDimensions, previousRange } from '../../web/src/lib/explore/explore-params';

const registry = { keys: ['created', 'first_response_time', 'first_contact_resolution'], variants: { first_contact_resolution: ['strict', 'lenient'] } };

describe('choiceFromQuery', () => {
  it('an empty query is the default: tickets created per week by channel', () => {
    expect(choiceFromQuery(new URLSearchParams(''), registry)).toEqual(defaultChoice);
  });

  it('reads every parameter', () => {
    const params = new URLSearchParams('metric=first_contact_resolution&stat=p90&grain=month&by=provider&variant=strict&chart=bar');
    expect(choiceFromQuery(params, registry)).toEqual({
      metric: 'first_contact_resolution', stat: 'p90', grain: 'month', by: 'provider', variant: 'strict', kind: 'bar',
    });
  });

  it('unknown values fall back: a metric not in the registry, a stat, grain, dimension, chart and another metric’s preset', () => {
    const params = new URLSearchParams('metric=nope&stat=p99&grain=year&by=colour&variant=strict&chart=pie');
    // An unknown dimension is the default grouping (by channel), not "no grouping".
    expect(choiceFromQuery(params, registry)).toEqual(defaultChoice);
    expect(choiceFromQuery(new URLSearchParams('metric=first_contact_resolution&variant=loose'), registry).variant).toBeNull();
  });

  it('`by=none` is one series', () => {
    expect(choiceFromQuery(new URLSearchParams('by=none'), registry).by).toBeNull();
  });

  it('before the registry is known, a metric key is taken as written', () => {
    expect(choiceFromQuery(new URLSearchParams('metric=first_response_time')).metric).toBe('first_response_time');
  });
});

describe('choiceToQuery', () => {
  it('leaves defaults out and keeps the filters’ and other pages’ parameters in place', () => {
    const query = choiceToQuery(
      { ...defaultChoice, metric: 'first_response_time', stat: 'p90', by: 'team' },
      new URLSearchParams('range=30d&metric=created&channel=email&grain=day&other=1'),
    );
    expect(query.toString()).toBe('range=30d&channel=email&other=1&metric=first_response_time&stat=p90&by=team');
  });

  it('the default choice writes nothing; one series writes by=none', () => {
    expect(choiceToQuery(defaultChoice).toString()).toBe('');
    expect(choiceToQuery({ ...defaultChoice, by: null }).toString()).toBe('by=none');
  });

  it('reads back what it writes', () => {
    const choice = { metric: 'first_contact_resolution', stat: 'mean' as const, grain: 'quarter' as const, by: 'team', variant: 'lenient', kind: 'line' as const };
    expect(choiceFromQuery(choiceToQuery(choice), registry)).toEqual(choice);
  });
});

it('the group-by list is the API’s dimensions (sql/metrics/dimensions.ts)', () => {
  expect([...groupDimensions].sort()).toEqual([...dimensionNames].sort());
});

describe('previousRange', () => {
  it('is as long as the range and ends where it starts', () => {
    // 2025-03-01 .. 2025-03-31 exclusive: 30 days; the 30 days before start on 2025-01-30 (Feb has 28 days).
    expect(previousRange({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-01-30', to: '2025-03-01' });
  });

  it('a 7-day range across a year end', () => {
    expect(previousRange({ from: '2025-01-03', to: '2025-01-10' })).toEqual({ from: '2024-12-27', to: '2025-01-03' });
  });

  it('a leap day counts', () => {
    // 2024-02-28 .. 2024-03-02: 3 days (28, 29, 1 March).
    expect(previousRange({ from: '2024-02-28', to: '2024-03-02' })).toEqual({ from: '2024-02-25', to: '2024-02-28' });
  });

  it('an empty or reversed range has no period before', () => {
    expect(previousRange({ from: '2025-01-10', to: '2025-01-10' })).toBeNull();
    expect(previousRange({ from: '2025-01-10', to: '2025-01-03' })).toBeNull();
  });
});
