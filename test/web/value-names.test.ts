// A dimension value as people read it, wherever one is shown: teams by name, providers and requester kinds by
// their labels, channels as their own words; the same provider in the same colour on every chart; the CSV keeps
// the ids and adds the names. Expected values written by hand.
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption } from 'echarts';
import type { SeriesResponse } from '../../api/contracts';
import { seriesCsv, seriesTable } from '../../web/src/lib/charts/chart-data';
import { buildMetricSeriesOption } from '../../web/src/lib/charts/options/metric-series';
import { groupColour, OKABE_ITO } from '../../web/src/lib/charts/palette';
import { toMatrix } from '../../web/src/lib/charts/series-matrix';
import { ticketColumns, type TicketRow } from '../../web/src/lib/drilldown/ticket-columns';
import { describeFilters } from '../../web/src/lib/filters/describe';
import { emptyDimensions } from '../../web/src/lib/filters/filters';
import { isNamedDimension, teamNamesOf, valueName } from '../../web/src/lib/filters/value-names';

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
    expect(['team', 'provider', 'requester_kind', 'channel', 'priority', null].map(isNamedDimension)).toEqual([true, true, true, false, false, false]);
  });

  it('the filters in words name teams and providers', () => {
    const dimensions = { ...emptyDimensions(), team: ['t_lisbon'], provider: ['in_house', 'outsourced'] };
    expect(describeFilters({ dimensions, hours: 'business' }, teams)).toBe('Team: Lisbon (outsourced) · Provider: In-house, Outsourced · Business hours');
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
