// What a drill-down asks the API for and how many tickets it should list.
import { describe, expect, it } from 'vitest';
import type { ViewFilters } from '../../web/src/lib/api/view';
import { canDrill, figureDrilldown, pointDrilldown } from '../../web/src/lib/drilldown/drilldown';
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
  expect(canDrill({ aggregation: 'score' })).toBe(true);
  expect(canDrill({ aggregation: 'duration' })).toBe(true);
  const drill = pointDrilldown({ metric: { key: 'csat', label: 'CSAT', aggregation: 'score' }, view }, { ...point, by: null, group: null, value: 80, tickets: 5 });
  expect(drill.query).toEqual({ metric: 'csat', hours: 'business', from: '2025-01-06', to: '2025-01-13', filters: { team: ['t1'] } });
  expect(drill.expected).toBe(5);
  expect(drill.basis).toBe('measured');
});
