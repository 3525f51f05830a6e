// What a drill-down asks the API for and how many tickets it should list.
import { describe, expect, it } from 'vitest';
import type { ViewFilters } from '../../web/src/lib/api/view';
import { bucketDrilldown, cellDrilldown, figureDrilldown, narrowedDrilldown, pointDrilldown } from '../../web/src/lib/drilldown/drilldown';
import type { MetricPoint } from '../../web/src/lib/metrics/metric-chart';

const view: ViewFilters = {
  range: { from: '2025-01-01', to: '2025-04-01' },
  dimensions: { team: ['t1'], channel: [], priority: [], provider: [], requester_kind: [] },
  hours: 'business',
};

const point: MetricPoint = { from: '2025-01-06', to: '2025-01-13', by: 'channel', group: 'email', value: 42, tickets: 42, partial: false };

describe('pointDrilldown', () => {
  it('a count: the point’s days, the view’s filters and the group; the expected total is the value', () => {
    const drill = pointDrilldown({ metric: { key: 'created', label: 'Tickets created', aggregation: 'count' }, stat: 'p90', view }, point);
    expect(drill.query).toEqual({ metric: 'created', hours: 'business', from: '2025-01-06', to: '2025-01-13', filters: { team: ['t1'], channel: ['email'] } });
    expect(drill.expected).toBe(42);
    expect(drill.basis).toBe('value');
    expect(drill.title).toBe('Tickets created, 6 Jan – 12 Jan 2025, channel email');
  });

  it('a duration: its statistic goes with it, and the expected total is the tickets measured, not the minutes', () => {
    const drill = pointDrilldown(
      { metric: { key: 'first_response_time', label: 'First response', aggregation: 'duration' }, stat: 'p90', view },
      { ...point, by: null, group: null, value: 95.5, tickets: 17 },
    );
    expect(drill.query).toEqual({ metric: 'first_response_time', stat: 'p90', hours: 'business', from: '2025-01-06', to: '2025-01-13', filters: { team: ['t1'] } });
    expect(drill.expected).toBe(17);
    expect(drill.basis).toBe('measured');
  });

  it('a rate with a preset passes the preset', () => {
    const drill = pointDrilldown({ metric: { key: 'first_contact_resolution', label: 'FCR', aggregation: 'rate' }, variant: 'strict', view }, { ...point, value: 61.5, tickets: 40 });
    expect(drill.query.variant).toBe('strict');
    expect(drill.expected).toBe(40);
  });

  it('a grouped point’s group replaces the view’s filter on that dimension', () => {
    const narrowed = { ...view, dimensions: { ...view.dimensions, channel: ['email', 'phone'] } };
    const drill = pointDrilldown({ metric: { key: 'created', label: 'Created', aggregation: 'count' }, view: narrowed }, { ...point, group: 'phone' });
    expect(drill.query.filters.channel).toEqual(['phone']);
  });
});

it('a headline figure drills into the whole range', () => {
  const drill = figureDrilldown({ metric: { key: 'reopen_rate', label: 'Reopen rate', aggregation: 'rate' }, view }, 300, 4.2);
  expect(drill.query.from).toBe('2025-01-01');
  expect(drill.query.to).toBe('2025-04-01');
  expect(drill.expected).toBe(300);
});

it('survey scores drill into the tickets their answers are about', () => {
  const drill = pointDrilldown({ metric: { key: 'csat', label: 'CSAT', aggregation: 'score' }, view }, { ...point, by: null, group: null, value: 80, tickets: 5 });
  expect(drill.query).toEqual({ metric: 'csat', hours: 'business', from: '2025-01-06', to: '2025-01-13', filters: { team: ['t1'] } });
  expect(drill.expected).toBe(5);
  expect(drill.basis).toBe('measured');
});

describe('a click on a distribution bucket or a heatmap cell', () => {
  const firstResponse = { key: 'first_response_time', label: 'First response', aggregation: 'duration' } as const;

  it('a bucket: the view’s range and filters, its minutes [from, to); as many tickets as the bar', () => {
    const drill = bucketDrilldown({ metric: firstResponse, view }, { label: '1–4 h', from_minutes: 60, to_minutes: 240, tickets: 31 });
    expect(drill.query).toEqual({ metric: 'first_response_time', hours: 'business', from: '2025-01-01', to: '2025-04-01', filters: { team: ['t1'] }, from_minutes: 60, to_minutes: 240 });
    expect([drill.expected, drill.basis, drill.title]).toEqual([31, 'value', 'First response: 1–4 h, 1 Jan – 31 Mar 2025']);
  });

  it('the last bucket has no upper bound', () => {
    const drill = bucketDrilldown({ metric: firstResponse, view }, { label: '> 24 h', from_minutes: 1440, to_minutes: null, tickets: 3 });
    expect([drill.query.from_minutes, 'to_minutes' in drill.query]).toEqual([1440, false]);
  });

  it('a cell: its channel (replacing the view’s), weekday and hour; its tickets are the ones measured', () => {
    const narrowed = { ...view, dimensions: { ...view.dimensions, channel: ['email', 'chat'] } };
    const drill = cellDrilldown({ metric: firstResponse, stat: 'p50', view: narrowed }, { channel: 'chat', weekday: 7, hour: 23, tickets: 5 });
    expect(drill.query).toEqual({
      metric: 'first_response_time', stat: 'p50', hours: 'business', from: '2025-01-01', to: '2025-04-01', filters: { team: ['t1'], channel: ['chat'] }, weekday: 7, hour: 23,
    });
    expect([drill.expected, drill.basis]).toEqual([5, 'measured']);
    expect(drill.title).toBe('First response, chat, Sundays 23:00–00:00, 1 Jan – 31 Mar 2025');
  });

  it('any other mark: the days, filters and narrowing it stands for', () => {
    const drill = narrowedDrilldown(
      { metric: { key: 'created', label: 'Created', aggregation: 'count' }, view },
      { from: '2025-02-01', to: '2025-03-01', filters: { team: ['t2'], priority: ['high'] }, hour: 0 },
      'February, team t2',
      12,
      'value',
    );
    expect(drill.query).toEqual({ metric: 'created', hours: 'business', from: '2025-02-01', to: '2025-03-01', filters: { team: ['t2'], priority: ['high'] }, hour: 0 });
  });
});
