// Which goals' target lines a chart shows.
import { describe, expect, it } from 'vitest';
import { goalMatches, targetLines, type ChartMeasure, type GoalLike } from '../../web/src/lib/explore/goal-targets';

function goal(change: Partial<GoalLike> = {}): GoalLike {
  return {
    goal_id: 1, name: 'Email first reply', metric: 'first_response_time', stat: 'p50', variant: null, hours: 'business',
    comparator: '<=', target: 240, scope: { channel: ['email'] }, period: 'week', archived_at: null, ...change,
  };
}

const measure: ChartMeasure = {
  metric: 'first_response_time', stat: 'p50', variant: null, hours: 'business', duration: true,
  dimensions: { channel: ['email'], team: [] },
};

describe('goalMatches', () => {
  it('the same measure over the same scope matches (empty filter lists are no filter)', () => {
    expect(goalMatches(goal(), measure)).toBe(true);
  });

  it.each([
    ['another metric', goal({ metric: 'resolution_time' })],
    ['another statistic', goal({ stat: 'p90' })],
    ['other hours', goal({ hours: 'calendar' })],
    ['a preset the chart does not use', goal({ variant: 'strict' })],
    ['a wider scope (all channels)', goal({ scope: {} })],
    ['a narrower scope (one team as well)', goal({ scope: { channel: ['email'], team: ['t1'] } })],
    ['another channel', goal({ scope: { channel: ['phone'] } })],
    ['an archived goal', goal({ archived_at: '2025-01-01T00:00:00Z' })],
  ])('%s does not match', (_, candidate) => {
    expect(goalMatches(candidate, measure)).toBe(false);
  });

  it('scope values match in any order', () => {
    expect(goalMatches(goal({ scope: { channel: ['phone', 'email'] } }), { ...measure, dimensions: { channel: ['email', 'phone'] } })).toBe(true);
  });

  it('for a rate, statistic and hours do not matter (a goal on a rate says "value")', () => {
    const rate: ChartMeasure = { metric: 'escalation_rate', stat: 'p90', variant: null, hours: 'calendar', duration: false, dimensions: {} };
    expect(goalMatches(goal({ metric: 'escalation_rate', stat: 'value', hours: 'business', scope: {} }), rate)).toBe(true);
  });
});

describe('targetLines', () => {
  it('one line per distinct target, goals sharing a target share its line', () => {
    const lines = targetLines(
      [goal({ goal_id: 1, name: 'A', target: 240 }), goal({ goal_id: 2, name: 'B', target: 120, period: 'month' }), goal({ goal_id: 3, name: 'C', target: 240 }), goal({ goal_id: 4, metric: 'csat' })],
      measure,
    );
    expect(lines).toEqual([
      { goalId: 1, label: 'A (weekly, <= 240); C (weekly, <= 240)', value: 240 },
      { goalId: 2, label: 'B (monthly, <= 120)', value: 120 },
    ]);
  });
});
