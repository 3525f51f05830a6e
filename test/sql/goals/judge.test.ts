import { describe, expect, it } from 'vitest';
import { closedStatus, meets, openStatus, project } from '../../../sql/goals/judge.ts';

describe('judging goals', () => {
  it('compares with each comparator, the boundary included only where it says so', () => {
    expect([meets(60, '<=', 60), meets(60, '<', 60), meets(70, '>=', 70), meets(70, '>', 70)]).toEqual([true, false, true, false]);
    expect([closedStatus(45, '<=', 30), closedStatus(22.5, '<=', 30), closedStatus(null, '<=', 30)]).toEqual(['missed', 'met', 'no_data']);
  });

  it('extrapolates a count linearly from the share of the period elapsed', () => {
    // 12 tickets a quarter of the way through: 48 by the end.
    expect(project('count', 12, 0.25, [40, 50]).value).toBe(48);
    expect(project('count', 12, 0, []).value).toBeNull();
  });

  it('blends a level with the mean of the last closed periods by the share elapsed', () => {
    // 25 % elapsed, 40 so far, last four closed 10, 20, 30, 40 (the oldest, 99, is not among them): 0.25 × 40 + 0.75 × 25.
    const projection = project('level', 40, 0.25, [99, 10, 20, 30, 40]);
    expect(projection.value).toBe(28.75);
    expect(projection.method).toBe('25 % of the period elapsed: 25 % × the value so far + the rest × the mean of the last 4 closed periods');
    expect(project('level', null, 0.5, [45, 22.5]).value).toBe(33.75);
    expect(project('level', 12, 0.5, []).value).toBe(12);
    expect(project('level', null, 0.5, []).value).toBeNull();
  });

  it('puts the open period at risk when its projection misses, or a level so far does', () => {
    expect(openStatus('level', 20, 33.75, '<=', 30)).toBe('at_risk');
    expect(openStatus('level', 35, 29, '<=', 30)).toBe('at_risk');
    expect(openStatus('level', 20, 25, '<=', 30)).toBe('met');
    // A count so far is always low early in the period: only its projection is judged.
    expect(openStatus('count', 2, 48, '>=', 40)).toBe('met');
    expect(openStatus('level', null, null, '<=', 30)).toBe('no_data');
  });
});
