// The first-response heatmap's pure pieces against hand-made cells: which channels, the points drawn, the scale,
// the text description, the data table and the CSV; and the Teams page's comparison table.
import { describe, expect, it } from 'vitest';
import type { HeatmapSeriesOption, VisualMapComponentOption } from 'echarts';
import type { HeatmapResponse, OverviewResponse } from '../../api/contracts';
import { buildHeatmapOption, scaleTop, heatmapChannels, heatmapCsv, heatmapDescription, heatmapPoints, heatmapTable } from '../../web/src/lib/charts/options/heatmap';
import { comparedGroups, comparisonTable, viewOfGroup } from '../../web/src/lib/teams/comparison';
import type { ViewFilters } from '../../web/src/lib/api/view';

// Email: Monday 09:00 (4 tickets, 30 min), Monday 14:00 (1 ticket, 95 min), Sunday 23:00 (2 tickets, 12.4 min).
// Chat: Wednesday 10:00 (3 tickets, 2 min). Social, a channel not in the order given: Friday 08:00.
const cells: HeatmapResponse['cells'] = [
  { channel: 'email', weekday: 1, hour: 9, value: 30, tickets: 4 },
  { channel: 'email', weekday: 1, hour: 14, value: 95, tickets: 1 },
  { channel: 'email', weekday: 7, hour: 23, value: 12.4, tickets: 2 },
  { channel: 'chat', weekday: 3, hour: 10, value: 2, tickets: 3 },
  { channel: 'zz_custom', weekday: 5, hour: 8, value: 7, tickets: 1 },
];

describe('first-response heatmap', () => {
  it('lists the channels with cells in the canonical order, others after', () => {
    expect(heatmapChannels({ cells }, ['desk', 'phone', 'email', 'chat'])).toEqual(['email', 'chat', 'zz_custom']);
  });

  it('places each cell at its hour and weekday (Monday first), with its value and tickets', () => {
    expect(heatmapPoints(cells, 'email')).toEqual([
      [9, 0, 30, 4],
      [14, 0, 95, 1],
      [23, 6, 12.4, 2],
    ]);
  });

  it('draws one channel with a scale from 0 to its slowest cell', () => {
    const option = buildHeatmapOption({ cells }, 'email', { title: 'First response, email' });
    const series = (option.series as HeatmapSeriesOption[])[0]!;
    expect(series.type).toBe('heatmap');
    expect(series.data).toEqual([
      [9, 0, 30, 4],
      [14, 0, 95, 1],
      [23, 6, 12.4, 2],
    ]);
    const scale = option.visualMap as VisualMapComponentOption & { min: number; max: number; dimension: number; text: string[] };
    expect([scale.min, scale.max, scale.dimension]).toEqual([0, 95, 2]);
    expect(scale.text).toEqual(['1 h 35 min', '0 min']);
    expect((option.xAxis as { data: string[] }).data).toHaveLength(24);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('tops the scale at the 90th percentile, so one outlier does not flatten the rest', () => {
    // Ten cells 1..9 min and one of 5,760 min (4 days): nearest rank ceil(0.9 × 10) = 9th value = 9.
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 5760];
    expect(scaleTop(values)).toBe(9);
    const outlier = values.map((value, i) => ({ channel: 'desk', weekday: 1, hour: i, value, tickets: 1 }));
    const scale = buildHeatmapOption({ cells: outlier }, 'desk', { title: 'x' }).visualMap as { max: number; text: string[] };
    expect([scale.max, scale.text]).toEqual([9, ['≥ 9 min', '0 min']]);
    expect(scaleTop([])).toBe(0);
  });

  it('describes the slowest and fastest slots in words', () => {
    expect(heatmapDescription('First response, email', heatmapPoints(cells, 'email'))).toBe(
      'First response, email: 3 hour slots with tickets. Slowest: Monday 14:00 = 1 h 35 min (1 ticket). Fastest: Sunday 23:00 = 12 min (2 tickets).',
    );
    expect(heatmapDescription('First response, web', [])).toBe('First response, web: no tickets.');
  });

  it('has a table of weekdays × hours with a dash where nothing was created', () => {
    const table = heatmapTable(cells, 'chat', 'Chat');
    expect(table.columns.map((c) => c.label).slice(0, 2)).toEqual(['00:00', '01:00']);
    expect(table.rows.map((r) => r.label)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(table.rows[2]!.cells[10]).toBe('2 min');
    expect(table.rows.flatMap((r) => r.cells).filter((c) => c !== '–')).toEqual(['2 min']);
  });

  it('exports exactly the drawn cells as CSV', () => {
    expect(heatmapCsv(cells, 'email')).toBe('channel,weekday,hour,minutes,tickets\r\nemail,1,9,30,4\r\nemail,1,14,95,1\r\nemail,7,23,12.4,2\r\n');
  });
});

describe('comparison of groups', () => {
  const view: ViewFilters = {
    range: { from: '2026-01-01', to: '2026-02-01' },
    dimensions: { team: [], channel: ['email', 'chat'], priority: ['high'], provider: [], requester_kind: [] },
    hours: 'business',
  };

  it('compares every value, or only those the filter keeps, and narrows the view to one', () => {
    expect(comparedGroups('provider', view, []).map((g) => g.value)).toEqual(['in_house', 'outsourced', 'independent']);
    expect(comparedGroups('channel', view, []).map((g) => g.value)).toEqual(['email', 'chat']);
    expect(comparedGroups('team', view, [{ value: 'zg', label: 'Zagreb' }])).toEqual([{ value: 'zg', label: 'Zagreb' }]);
    expect(viewOfGroup(view, 'channel', 'chat').dimensions).toEqual({ ...view.dimensions, channel: ['chat'] });
  });

  it('makes a row per group with its created tickets and each key metric in its unit', () => {
    const info = (key: string, label: string, unit: 'tickets' | 'minutes' | 'percent' | 'score') =>
      ({ key, label, unit, better: 'higher', aggregation: 'count', description: '', definition: '' }) as const;
    const figure = (key: string, label: string, unit: 'tickets' | 'minutes' | 'percent' | 'score', value: number | null) => ({
      key, metric: info(key, label, unit), stat: null, value, tickets: 10, previous_value: null, previous_tickets: 0,
    });
    const headline = (created: number, frt: number | null, csat: number): OverviewResponse['headline'] => [
      figure('created', 'Created', 'tickets', created),
      figure('first_response_time', 'First response', 'minutes', frt),
      figure('resolution_time', 'Resolution', 'minutes', 1500),
      figure('first_contact_resolution', 'FCR', 'percent', 61.25),
      figure('escalation_rate', 'Escalation', 'percent', 8),
      figure('sla_first_response_attainment', 'SLA', 'percent', 90),
      figure('csat', 'CSAT', 'score', csat),
    ];
    const table = comparisonTable(
      'provider',
      [
        { group: { value: 'in_house', label: 'In-house' }, headline: headline(1234, 42, 4.5) },
        { group: { value: 'outsourced', label: 'Outsourced' }, headline: headline(7, null, 3.25) },
      ],
      'Providers',
    );
    expect(table.rowHeader).toBe('Provider');
    expect(table.columns.map((c) => c.label)).toEqual(['Tickets created', 'First response', 'Resolution', 'FCR', 'Escalation', 'SLA', 'CSAT']);
    expect(table.rows).toEqual([
      { label: 'In-house', cells: ['1,234', '42 min', '1 d 1 h', '61.3 %', '8.0 %', '90.0 %', '4.5'], partial: false },
      { label: 'Outsourced', cells: ['7', '–', '1 d 1 h', '61.3 %', '8.0 %', '90.0 %', '3.25'], partial: false },
    ]);
  });
});
