// A dimension value as people read it, wherever one is shown: teams by name, providers and requester kinds by
// their labels, channels as their own words; the same provider in the same colour on every chart; the CSV keeps
// the ids and adds the names. Expected values written by hand.
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts';
import type { SeriesResponse } from '../../api/contracts';
import { seriesCsv, seriesTable } from '../../web/src/lib/charts/chart-data';
import { buildMetricSeriesOption } from '../../web/src/lib/charts/options/metric-series';
import { groupColour, OKABE_ITO } from '../../web/src/lib/charts/palette';
import { noGroup, toMatrix } from '../../web/src/lib/charts/series-matrix';
import { ticketColumns, type TicketRow } from '../../web/src/lib/drilldown/ticket-columns';
import { describeFilters, describeView } from '../../web/src/lib/filters/describe';
import { emptyDimensions } from '../../web/src/lib/filters/filters';
import { isNamedDimension, seriesGroupLabel, teamNamesOf, valueName } from '../../web/src/lib/filters/value-names';
import { pointDrilldown } from '../../web/src/lib/drilldown/drilldown';
import { pointOf } from '../../web/src/lib/metrics/metric-chart';

const teams = teamNamesOf([
  { team_id: 't_berlin', name: 'Berlin desk' },
  { team_id: 't_lisbon', name: 'Lisbon (outsourced)' },
]);

/** Tickets created per week by provider, two weeks; outsourced has no row in the second. */
const byProvider: SeriesResponse = {
  metric: { key: 'created', label: 'Tickets created', unit: 'tickets', better: 'higher', aggregation: 'count', description: '', definition: '' },
  grain: 'week',
  by: 'provider',
  variant: null,
  filters: {},
  from: '2025-01-06',
  to: '2025-01-20',
  rows: [
    { period: '2025-01-06', group: 'outsourced', value: 4, tickets: 4 },
    { period: '2025-01-06', group: 'in_house', value: 7, tickets: 7 },
    { period: '2025-01-13', group: 'in_house', value: 2, tickets: 2 },
  ],
  total: { value: 13, tickets: 13 },
};
const providerName = (group: string) => valueName('provider', group);

describe('valueName', () => {
  it('names teams from the team list, providers and requester kinds from their labels; channels stay as they are', () => {
    expect(valueName('team', 't_berlin', teams)).toBe('Berlin desk');
    expect(valueName('team', 't_unknown', teams)).toBe('t_unknown');
    expect(valueName('provider', 'in_house')).toBe('In-house');
    expect(valueName('provider', 'outsourced')).toBe('Outsourced');
    expect(valueName('provider', 'independent')).toBe('Independent');
    expect(valueName('requester_kind', 'external')).toBe('External customers');
    expect(valueName('channel', 'email')).toBe('email');
    expect(valueName(null, 'anything')).toBe('anything');
    expect(['team', 'provider', 'requester_kind', 'agent', 'channel', 'priority', null].map(isNamedDimension)).toEqual([true, true, true, true, false, false, false]);
  });

  it('the filters in words name teams and providers', () => {
    const dimensions = { ...emptyDimensions(), team: ['t_lisbon'], provider: ['in_house', 'outsourced'] };
    expect(describeFilters({ dimensions, hours: 'business' }, teams)).toBe('Team: Lisbon (outsourced) · Provider: In-house, Outsourced · Business hours');
    // A card's context lines: the range (its last day is the day before the API's exclusive `to`), then those words.
    expect(describeView({ preset: '30d' }, { dimensions, hours: 'business', range: { from: '2025-01-06', to: '2025-02-05' } }, teams)).toEqual([
      '6 Jan – 4 Feb 2025 (last 30 days)',
      'Team: Lisbon (outsourced) · Provider: In-house, Outsourced · Business hours',
    ]);
  });

  it("the drill-down's Team column shows the team's name", () => {
    const team = ticketColumns(undefined, teams).find((c) => c.key === 'team_id')!;
    expect(team.text({ team_id: 't_berlin' } as TicketRow)).toBe('Berlin desk');
    expect(team.text({ team_id: null } as TicketRow)).toBe('–');
  });
});

describe('a chart by provider', () => {
  it('orders providers as the filter bar does and names them in the legend, series and data table', () => {
    const option = buildMetricSeriesOption(byProvider, { groupLabel: providerName });
    expect((option.legend as { data: string[] }).data).toEqual(['In-house', 'Outsourced']);
    expect((option.series as BarSeriesOption[]).map((s) => s.name)).toEqual(['In-house', 'Outsourced']);
    const table = seriesTable(toMatrix(byProvider), 'tickets', 'By provider', undefined, providerName);
    expect(table.columns.map((c) => c.label)).toEqual(['In-house', 'Outsourced', 'Total']);
  });

  it('gives each provider its own colour whatever else is in the chart, in both themes', () => {
    expect(groupColour('in_house', 'light', 5)).toBe(OKABE_ITO.blue);
    expect(groupColour('outsourced', 'light', 0)).toBe(OKABE_ITO.orange);
    expect(groupColour('independent', 'dark', 3)).toBe(OKABE_ITO.bluishGreen);
    const colours = (scheme: 'light' | 'dark', response: SeriesResponse) => (buildMetricSeriesOption(response, { scheme }).color as string[]);
    const outsourcedOnly = { ...byProvider, rows: byProvider.rows.filter((r) => r.group === 'outsourced') };
    expect(colours('light', byProvider)).toEqual([OKABE_ITO.blue, OKABE_ITO.orange]);
    expect(colours('light', outsourcedOnly)).toEqual([OKABE_ITO.orange]);
  });

  it('CSV keeps the ids (for filtering and joining) and adds the names beside them', () => {
    expect(seriesCsv(byProvider, undefined, providerName)).toBe(
      'week_start,provider,provider_name,created,tickets,partial\r\n' +
        '2025-01-06,in_house,In-house,7,7,false\r\n' +
        '2025-01-06,outsourced,Outsourced,4,4,false\r\n' +
        '2025-01-13,in_house,In-house,2,2,false\r\n' +
        '2025-01-13,outsourced,Outsourced,0,0,false\r\n',
    );
  });
});

/**
 * Tickets created per week by agent, as `GET /api/metrics/created?by=agent` answers: a1 and a2 named by the answer,
 * a9 an assignee id without an agent row (not named), null the unassigned tickets (the API's last group).
 */
const byAgent: SeriesResponse = {
  ...byProvider,
  by: 'agent',
  rows: [
    { period: '2025-01-06', group: 'a1', value: 3, tickets: 3 },
    { period: '2025-01-06', group: 'a2', value: 1, tickets: 1 },
    { period: '2025-01-06', group: null, value: 2, tickets: 2 },
    { period: '2025-01-13', group: 'a9', value: 1, tickets: 1 },
  ],
  total: { value: 7, tickets: 7 },
  group_names: { a1: 'Ana Kovač', a2: 'Jose Santos' },
};

describe('a chart by agent', () => {
  const label = seriesGroupLabel(byAgent)!;

  it("names agents in the legend, series (tooltip and text description) and data table by the answer's names", () => {
    const option = buildMetricSeriesOption(byAgent, { groupLabel: label });
    const names = ['Ana Kovač', 'Jose Santos', 'a9', 'Unassigned'];
    expect((option.legend as { data: string[] }).data).toEqual(names);
    expect((option.series as BarSeriesOption[]).map((s) => s.name)).toEqual(names);
    const table = seriesTable(toMatrix(byAgent), 'tickets', 'By agent', undefined, label);
    expect(table.columns.map((c) => c.label)).toEqual([...names, 'Total']);
    // Week of 6 Jan: a1 3, a2 1, a9 0, unassigned 2 → 6.
    expect(table.rows[0]!.cells).toEqual(['3', '1', '0', '2', '6']);
  });

  it('CSV keeps the assignee id (empty for the unassigned) and adds the name', () => {
    expect(seriesCsv(byAgent, undefined, label).split('\r\n').slice(0, 5)).toEqual([
      'week_start,agent,agent_name,created,tickets,partial',
      '2025-01-06,a1,Ana Kovač,3,3,false',
      '2025-01-06,a2,Jose Santos,1,1,false',
      '2025-01-06,a9,a9,0,0,false',
      '2025-01-06,,Unassigned,2,2,false',
    ]);
  });

  it("the drill-down's title names the agent; the unassigned group has no drill-down (the API cannot filter on no value)", () => {
    const matrix = toMatrix(byAgent);
    const point = pointOf(matrix, 0, 0, undefined, byAgent, label)!;
    expect(point).toMatchObject({ by: 'agent', group: 'a1', groupName: 'Ana Kovač', tickets: 3 });
    const view = { range: { from: '2025-01-06', to: '2025-01-20' }, dimensions: emptyDimensions(), hours: 'calendar' as const };
    const drilldown = pointDrilldown({ metric: byAgent.metric, view }, point);
    expect(drilldown.query.filters).toEqual({ agent: ['a1'] });
    expect(drilldown.title).toMatch(/, agent Ana Kovač$/);
    expect(pointOf(matrix, 0, 3, undefined, byAgent, label)).toBeNull();
  });

  it('a single series has no group names; other dimensions name their missing value too', () => {
    expect(seriesGroupLabel({ by: null })).toBeUndefined();
    expect(seriesGroupLabel({ by: 'team' }, teams)!('t_berlin')).toBe('Berlin desk');
    expect(valueName('team', '')).toBe('No team');
    expect(valueName('category', '')).toBe('None');
  });
});
