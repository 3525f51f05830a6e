// The goals pages' pure pieces, against values worked out by hand: status words and icons, periods met, the editor's
// form and problem fields, the report's month and its notable changes.
import { describe, expect, it } from 'vitest';
import { countPeriodsMet, describePeriodsMet, judge } from '../../web/src/lib/goals/judge';
import { presentStatus, statusIconPaths, statusPresentation } from '../../web/src/lib/goals/status';
import { formOfGoal, goalBody, newGoalForm, periodStartOf, previewRange, problemField, targetValue } from '../../web/src/lib/goals/form';
import { addMonths, chooseReportMonth, judgeMonths, lastCompleteMonth, monthRange, notableChanges, trailingMonths } from '../../web/src/lib/goals/report-month';

const firstResponse = { key: 'first_response', unit: 'minutes', aggregation: 'duration', better: 'lower' } as const;
const fcr = { key: 'fcr', unit: 'percent', aggregation: 'rate', better: 'higher' } as const;

describe('status words and icons', () => {
  it('gives every status its own word and its own icon shape', () => {
    expect(presentStatus('met')).toMatchObject({ word: 'Met', icon: 'check' });
    expect(presentStatus('at_risk')).toMatchObject({ word: 'At risk', icon: 'warning' });
    expect(presentStatus('missed')).toMatchObject({ word: 'Missed', icon: 'cross' });
    expect(presentStatus('no_data')).toMatchObject({ word: 'No data', icon: 'dash' });
    const icons = Object.values(statusPresentation).map((p) => p.icon);
    expect(new Set(icons).size).toBe(4);
    for (const icon of icons) expect(statusIconPaths[icon]).toMatch(/^M/);
  });

  it('reads an unknown or missing status as no data', () => {
    expect(presentStatus('exploded').word).toBe('No data');
    expect(presentStatus(null).word).toBe('No data');
  });
});

describe('periods met', () => {
  it('counts periods meeting each comparator, the boundary included only by <= and >=', () => {
    const values = [30, 45, 60, null, 61];
    expect(countPeriodsMet(values, '<=', 60)).toEqual({ met: 3, judged: 4, periods: 5 });
    expect(countPeriodsMet(values, '<', 60)).toEqual({ met: 2, judged: 4, periods: 5 });
    expect(countPeriodsMet(values, '>=', 60)).toEqual({ met: 2, judged: 4, periods: 5 });
    expect(countPeriodsMet(values, '>', 60)).toEqual({ met: 1, judged: 4, periods: 5 });
    expect(countPeriodsMet([], '>', 60)).toEqual({ met: 0, judged: 0, periods: 0 });
  });

  it('judges a missing value as no data, never as met', () => {
    expect(judge(null, '<=', 10)).toBe('no_data');
    expect(judge(Number.NaN, '<=', 10)).toBe('no_data');
    expect(judge(10, '<=', 10)).toBe('met');
    expect(judge(10.01, '<=', 10)).toBe('missed');
  });

  it('says it in words', () => {
    expect(describePeriodsMet({ met: 3, judged: 4, periods: 5 }, 'week')).toBe('3 of 4 past weeks with data would have met it (1 without data).');
    expect(describePeriodsMet({ met: 1, judged: 1, periods: 1 }, 'month')).toBe('1 of 1 past month with data would have met it.');
  });
});

describe('goal editor form', () => {
  it('starts a duration at its median and "at most", a rate at "at least"', () => {
    expect(newGoalForm(firstResponse, '2026-01-01')).toMatchObject({ stat: 'p50', comparator: '<=' });
    expect(newGoalForm(fcr, '2026-01-01')).toMatchObject({ stat: 'value', comparator: '>=' });
  });

  it('takes a duration target in hours and sends minutes (1.5 h = 90 min), a rate as typed', () => {
    expect(targetValue({ target: '1.5' }, firstResponse)).toBe(90);
    expect(targetValue({ target: '0,25' }, firstResponse)).toBe(15);
    expect(targetValue({ target: '72.5' }, fcr)).toBe(72.5);
    expect(targetValue({ target: 'soon' }, fcr)).toBeNull();
    expect(targetValue({ target: ' ' }, fcr)).toBeNull();
  });

  it('builds the API body with only the limited dimensions in the scope', () => {
    const form = { ...newGoalForm(firstResponse, '2026-01-05'), name: ' Email FRT ', target: '4' };
    form.scope.channel = ['email'];
    expect(goalBody(form, firstResponse)).toEqual({
      name: 'Email FRT', metric: 'first_response', stat: 'p50', variant: null, hours: 'calendar', comparator: '<=',
      target: 240, scope: { channel: ['email'] }, period: 'week', starts_on: '2026-01-05',
    });
  });

  it('sends several values of a dimension (email or chat), and none for a dimension cleared again', () => {
    const form = { ...newGoalForm(fcr, '2026-01-05'), name: 'FCR', target: '70' };
    form.scope.channel = ['email', 'chat'];
    form.scope.team = ['t1'];
    form.scope.team = [];
    expect(goalBody(form, fcr)).toMatchObject({ scope: { channel: ['email', 'chat'] } });
    expect(Object.keys((goalBody(form, fcr) as { scope: object }).scope)).toEqual(['channel']);
  });

  it('names the field the form itself rejects', () => {
    const form = newGoalForm(fcr, '2026-01-05');
    expect(goalBody(form, fcr)).toEqual({ field: 'name', message: 'Give the goal a name.' });
    expect(goalBody({ ...form, name: 'FCR' }, fcr)).toMatchObject({ field: 'target' });
  });

  it('reads a stored duration goal back in hours', () => {
    const stored = { name: 'g', metric: 'first_response', stat: 'p90', variant: null, hours: 'business' as const, comparator: '<' as const, target: 150, scope: { team: ['t2'] }, period: 'month' as const, starts_on: '2026-02-01' };
    expect(formOfGoal(stored, firstResponse)).toMatchObject({ target: '2.5', stat: 'p90', hours: 'business', period: 'month', scope: { team: ['t2'], channel: [] } });
  });

  it('shows a stored goal\'s several values of a dimension as picked, and keeps a dimension the editor does not offer', () => {
    const stored = { name: 'g', metric: 'csat', stat: 'value', variant: null, hours: 'calendar' as const, comparator: '>=' as const, target: 80, scope: { channel: ['email', 'phone'], category: ['billing'], team: ['t1'] }, period: 'month' as const, starts_on: '2026-02-01' };
    const form = formOfGoal(stored, fcr);
    expect(form.scope).toMatchObject({ team: ['t1'], channel: ['email', 'phone'] });
    expect(form.keptScope).toEqual({ category: ['billing'] });
    expect(goalBody(form, fcr)).toMatchObject({ scope: { channel: ['email', 'phone'], category: ['billing'], team: ['t1'] } });
    form.scope.channel = ['chat'];
    expect(goalBody(form, fcr)).toMatchObject({ scope: { channel: ['chat'], category: ['billing'], team: ['t1'] } });
  });

  it('finds the field an API problem is about', () => {
    const base = { type: 'about:blank', title: 'Invalid request', status: 400 };
    expect(problemField({ ...base, detail: 'target: first_response is minutes; a target is from 0 to 525600.', issues: [{ parameter: 'target', message: 'x' }] })).toBe('target');
    expect(problemField({ ...base, detail: 'stat: first_response is a duration; say p50, p90 or mean.' })).toBe('stat');
    expect(problemField({ ...base, detail: 'scope.team.0: too long', issues: [{ parameter: 'scope.team.0', message: 'x' }] })).toBe('scope');
    expect(problemField({ ...base, detail: 'ends_on (2026-01-01) is before starts_on (2026-02-01).' })).toBe('starts_on');
    expect(problemField({ ...base, title: 'Unknown metric', detail: 'metric: there is no metric "x".' })).toBe('metric');
    expect(problemField({ ...base, title: 'Cannot reach the ServicePulse server', status: 0, detail: 'The request did not get an answer.' })).toBe('form');
  });
});

describe('report month', () => {
  it('chooses the last complete month of data', () => {
    expect(lastCompleteMonth('2026-11-15')).toBe('2026-10');
    expect(lastCompleteMonth('2026-11-30')).toBe('2026-11');
    expect(lastCompleteMonth('2026-01-10')).toBe('2025-12');
    expect(lastCompleteMonth('2024-02-29')).toBe('2024-02');
    expect(lastCompleteMonth('2023-02-28')).toBe('2023-02');
  });

  it('prefers the month asked for when it is a month', () => {
    expect(chooseReportMonth('2026-03', '2026-11-15')).toBe('2026-03');
    expect(chooseReportMonth('2026-13', '2026-11-15')).toBe('2026-10');
    expect(chooseReportMonth(null, null)).toBeNull();
  });

  it('counts months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(trailingMonths('2026-02', 6)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('lists status changes first, then the biggest moves against each target', () => {
    const values = (a: number | null, b: number | null) => new Map([['2026-09', a], ['2026-10', b]]);
    const months = ['2026-09', '2026-10'];
    const trends = [
      // 240-minute target, 200 → 230: still met, moved 30/240 = 0.125 of the target.
      { goal_id: 1, name: 'FRT', target: 240, months: judgeMonths(months, values(200, 230), '<=', 240) },
      // 80 % target, 82 → 78: met → missed.
      { goal_id: 2, name: 'FCR', target: 80, months: judgeMonths(months, values(82, 78), '>=', 80) },
      // 10 % target, 5 → 9: still met, moved 0.4 of the target.
      { goal_id: 3, name: 'Escalations', target: 10, months: judgeMonths(months, values(5, 9), '<=', 10) },
      // unchanged: not notable.
      { goal_id: 4, name: 'CSAT', target: 90, months: judgeMonths(months, values(91, 91), '>=', 90) },
      // no data then data: a status change without a move.
      { goal_id: 5, name: 'SLA', target: 95, months: judgeMonths(months, values(null, 96), '>=', 95) },
    ];
    const changes = notableChanges(trends);
    expect(changes.map((c) => [c.goal_id, c.statusChanged, c.moveOfTarget])).toEqual([
      [2, true, -0.05],
      [5, true, null],
      [3, false, 0.4],
      [1, false, 0.125],
    ]);
    expect(changes[0]!.from.status).toBe('met');
    expect(changes[0]!.to.status).toBe('missed');
    expect(notableChanges(trends, 2)).toHaveLength(2);
  });
});

describe('drill-down link', () => {
  it('opens Explore on the goal period as an inclusive custom range with the goal scope and measure', async () => {
    const { drillDownQuery } = await import('../../web/src/lib/goals/drill-down');
    const goal = { metric: 'first_response', stat: 'p90', variant: null, hours: 'business' as const, period: 'week' as const, scope: { channel: ['email', 'phone'], team: ['t1'] } };
    // The API's week 2026-10-05 .. 2026-10-12 (exclusive) is 5 to 11 October.
    expect(drillDownQuery(goal, '2026-10-05', '2026-10-12')).toBe(
      'from=2026-10-05&to=2026-10-11&team=t1&channel=email&channel=phone&hours=business&metric=first_response&stat=p90&grain=week',
    );
  });
});

describe('a scorecard’s tickets in place', () => {
  it('lists the open period’s tickets of the goal’s measure and scope; as many as it measured', async () => {
    const { goalDrilldown } = await import('../../web/src/lib/goals/drill-down');
    const goal = { name: 'Email first response', metric: 'first_response_time', stat: 'p90', variant: null, hours: 'business' as const, period: 'quarter' as const, scope: { channel: ['email'], team: [] } };
    const drill = goalDrilldown(goal, { aggregation: 'duration' }, { period_start: '2026-10-01', period_end: '2027-01-01', tickets: 118 });
    expect(drill.query).toEqual({ metric: 'first_response_time', stat: 'p90', hours: 'business', from: '2026-10-01', to: '2027-01-01', filters: { channel: ['email'] } });
    expect([drill.expected, drill.basis, drill.title]).toEqual([118, 'measured', 'Email first response, Q4 2026']);
  });

  it('a count’s tickets are its value; a rate passes its preset and has no statistic', async () => {
    const { goalDrilldown } = await import('../../web/src/lib/goals/drill-down');
    const base = { name: 'G', stat: 'value', hours: 'calendar' as const, period: 'week' as const, scope: {} };
    const count = goalDrilldown({ ...base, metric: 'created', variant: null }, { aggregation: 'count' }, { period_start: '2026-11-30', period_end: '2026-12-07', tickets: 12 });
    expect([count.query.stat, count.expected, count.basis]).toEqual([undefined, 12, 'value']);
    const rate = goalDrilldown({ ...base, metric: 'first_contact_resolution', variant: 'one_touch' }, { aggregation: 'rate' }, { period_start: '2026-11-30', period_end: '2026-12-07', tickets: 9 });
    expect([rate.query.variant, 'stat' in rate.query, rate.basis]).toEqual(['one_touch', false, 'measured']);
  });
});

describe('editor preview range', () => {
  it('starts periods on Monday, the 1st, or a quarter\'s 1st', () => {
    // 2026-11-15 is a Sunday; its week started on Monday 9 November.
    expect(periodStartOf('week', '2026-11-15')).toBe('2026-11-09');
    expect(periodStartOf('week', '2026-11-16')).toBe('2026-11-16');
    expect(periodStartOf('month', '2026-11-15')).toBe('2026-11-01');
    expect(periodStartOf('quarter', '2026-11-15')).toBe('2026-10-01');
  });

  it('takes the twelve whole periods before the open one', () => {
    // Data up to Saturday 5 Dec 2026: the week of 30 Nov is still open; twelve weeks before it start on 7 Sep.
    expect(previewRange('week', '2026-12-05')).toEqual({ from: '2026-09-07', to: '2026-11-30' });
    // Data up to Sunday 6 Dec: that week is whole, so it is the last one.
    expect(previewRange('week', '2026-12-06')).toEqual({ from: '2026-09-14', to: '2026-12-07' });
    expect(previewRange('month', '2026-12-05')).toEqual({ from: '2025-12-01', to: '2026-12-01' });
    expect(previewRange('month', '2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-12-01' });
    expect(previewRange('quarter', '2026-12-05', 4)).toEqual({ from: '2025-10-01', to: '2026-10-01' });
  });
});
