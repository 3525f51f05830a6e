// The series chart's option builder (stacked weekly volume, lines, partial periods) and its CSV, against hand-computed numbers
// (see fixtures/created-weekly-by-channel.ts for the table).
import { describe, expect, it } from 'vitest';
import type { BarSeriesOption, EChartsOption, TooltipComponentFormatterCallbackParams } from 'echarts';
import type { SeriesResponse } from '../../api/contracts';
import { buildMetricSeriesOption as buildVolumeByGroupOption, periodAxisLabel, seriesTooltipFormatter } from '../../web/src/lib/charts/options/metric-series';
import { seriesCsv as toCsv } from '../../web/src/lib/charts/chart-data';
import { toMatrix } from '../../web/src/lib/charts/series-matrix';
import { createdWeeklyByChannel, createdWeeklyByChannelEmpty } from './fixtures/created-weekly-by-channel';

type Row = SeriesResponse['rows'][number];

function response(rows: Row[], overrides: Partial<SeriesResponse> = {}): SeriesResponse {
  return { ...createdWeeklyByChannel, rows, ...overrides };
}

function bars(option: EChartsOption): BarSeriesOption[] {
  return option.series as BarSeriesOption[];
}

function summary(option: EChartsOption) {
  return {
    weeks: (option.xAxis as { data: string[] }).data,
    series: bars(option).map((s) => ({ name: s.name, data: s.data, stack: s.stack, type: s.type })),
  };
}

/** What ECharts hands an axis tooltip: one item per shown series at `dataIndex`. */
function tooltipParams(items: Array<{ seriesName: string; value: number }>, dataIndex: number) {
  return items.map((item, i) => ({
    componentType: 'series',
    seriesType: 'bar',
    seriesIndex: i,
    seriesName: item.seriesName,
    name: '',
    dataIndex,
    value: item.value,
    marker: `<span class="m${i}"></span>`,
  })) as unknown as TooltipComponentFormatterCallbackParams;
}

describe('buildVolumeByGroupOption: weeks, series order and values', () => {
  const cases: Array<{ title: string; input: SeriesResponse; expected: ReturnType<typeof summary> }> = [
    {
      title: '2 weeks × 3 channels; the missing phone week is 0; channels in canonical order',
      input: createdWeeklyByChannel,
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [
          { name: 'desk', data: [12, 10], stack: 'total', type: 'bar' },
          { name: 'phone', data: [5, 0], stack: 'total', type: 'bar' },
          { name: 'email', data: [3, 7], stack: 'total', type: 'bar' },
        ],
      },
    },
    {
      title: 'row order does not change series order or values',
      input: response([...createdWeeklyByChannel.rows].reverse()),
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [
          { name: 'desk', data: [12, 10], stack: 'total', type: 'bar' },
          { name: 'phone', data: [5, 0], stack: 'total', type: 'bar' },
          { name: 'email', data: [3, 7], stack: 'total', type: 'bar' },
        ],
      },
    },
    {
      title: 'a week of the range without any row is drawn as zeros',
      input: response(
        [
          { period: '2025-01-06', group: 'chat', value: 4, tickets: 4 },
          { period: '2025-01-20', group: 'chat', value: 6, tickets: 6 },
        ],
        { from: '2025-01-06', to: '2025-01-27' },
      ),
      expected: {
        weeks: ['2025-01-06', '2025-01-13', '2025-01-20'],
        series: [{ name: 'chat', data: [4, 0, 6], stack: 'total', type: 'bar' }],
      },
    },
    {
      title: 'a range starting mid-week starts at that week’s Monday',
      input: response([{ period: '2025-01-06', group: 'web', value: 1, tickets: 1 }], {
        from: '2025-01-08',
        to: '2025-01-15',
      }),
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [{ name: 'web', data: [1, 0], stack: 'total', type: 'bar' }],
      },
    },
    {
      title: 'groups that are not channels come after the channels, alphabetically',
      input: response([
        { period: '2025-01-06', group: 'zeta', value: 1, tickets: 1 },
        { period: '2025-01-06', group: 'other', value: 2, tickets: 2 },
        { period: '2025-01-06', group: 'alpha', value: 3, tickets: 3 },
        { period: '2025-01-06', group: 'desk', value: 4, tickets: 4 },
      ]),
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [
          { name: 'desk', data: [4, 0], stack: 'total', type: 'bar' },
          { name: 'other', data: [2, 0], stack: 'total', type: 'bar' },
          { name: 'alpha', data: [3, 0], stack: 'total', type: 'bar' },
          { name: 'zeta', data: [1, 0], stack: 'total', type: 'bar' },
        ],
      },
    },
    {
      title: 'a null value counts as 0',
      input: response([
        { period: '2025-01-06', group: 'email', value: null, tickets: 0 },
        { period: '2025-01-13', group: 'email', value: 2, tickets: 2 },
      ]),
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [{ name: 'email', data: [0, 2], stack: 'total', type: 'bar' }],
      },
    },
    {
      title: 'without a group dimension: one series named after the metric',
      input: response(
        [
          { period: '2025-01-06', group: null, value: 20, tickets: 20 },
          { period: '2025-01-13', group: null, value: 17, tickets: 17 },
        ],
        { by: null },
      ),
      expected: {
        weeks: ['2025-01-06', '2025-01-13'],
        series: [{ name: 'Tickets created', data: [20, 17], stack: 'total', type: 'bar' }],
      },
    },
    {
      title: 'no rows: the range’s weeks and no series',
      input: createdWeeklyByChannelEmpty,
      expected: { weeks: ['2025-01-06', '2025-01-13'], series: [] },
    },
  ];

  for (const { title, input, expected } of cases) {
    it(title, () => {
      expect(summary(buildVolumeByGroupOption(input))).toEqual(expected);
    });
  }
});

describe('buildVolumeByGroupOption: colours, legend, export, accessibility', () => {
  it('gives each channel its fixed Okabe–Ito colour, per scheme', () => {
    const colours = (scheme: 'light' | 'dark') =>
      bars(buildVolumeByGroupOption(createdWeeklyByChannel, { scheme })).map((s) => [s.name, s.itemStyle?.color]);
    expect(colours('light')).toEqual([
      ['desk', '#E69F00'],
      ['phone', '#56B4E9'],
      ['email', '#0072B2'],
    ]);
    expect(colours('dark')).toEqual([
      ['desk', '#E69F00'],
      ['phone', '#56B4E9'],
      ['email', '#2F8FD0'],
    ]);
  });

  it('keeps a channel’s colour when other channels are absent', () => {
    const onlyEmail = response([{ period: '2025-01-06', group: 'email', value: 1, tickets: 1 }]);
    expect(bars(buildVolumeByGroupOption(onlyEmail))[0]?.itemStyle?.color).toBe('#0072B2');
  });

  it('has a legend of the groups and no fixed background (the PNG export paints the surface)', () => {
    const option = buildVolumeByGroupOption(createdWeeklyByChannel, { scheme: 'dark' });
    expect(option.legend).toMatchObject({ data: ['desk', 'phone', 'email'] });
    expect(option.backgroundColor).toBe('transparent');
  });

  it('turns animation off on request (prefers-reduced-motion)', () => {
    expect(buildVolumeByGroupOption(createdWeeklyByChannel).animation).toBe(true);
    expect(buildVolumeByGroupOption(createdWeeklyByChannel, { animation: false }).animation).toBe(false);
  });

  it('enables the aria description for every series and every week', () => {
    const option = buildVolumeByGroupOption(createdWeeklyByChannel, { title: 'Tickets created per week, by channel' });
    expect(option.aria).toMatchObject({
      enabled: true,
      label: {
        enabled: true,
        general: { withoutTitle: 'Tickets created per week, by channel, 2 weeks from 2025-01-06 to 2025-01-13.' },
        series: { maxCount: 3, multiple: { prefix: ' {seriesCount} series.', withName: ' {seriesName}: ' } },
        data: { maxCount: 2, withName: '{name} = {value}', excludeDimensionId: [0, 2, 3], separator: { middle: ', ', end: '.' } },
      },
    });
  });

  it('describes a one-week range in the singular', () => {
    const option = buildVolumeByGroupOption(
      response([{ period: '2025-01-06', group: 'desk', value: 1, tickets: 1 }], { to: '2025-01-13' }),
    );
    expect(option.aria).toMatchObject({
      label: { general: { withoutTitle: 'Tickets created, 1 week from 2025-01-06 to 2025-01-06.' } },
    });
  });
});

describe('seriesTooltipFormatter', () => {
  const matrix = toMatrix(createdWeeklyByChannel);
  const format = seriesTooltipFormatter(matrix);

  const cases = [
    {
      title: 'week of 6 Jan: each channel and the total 20',
      input: tooltipParams(
        [
          { seriesName: 'desk', value: 12 },
          { seriesName: 'phone', value: 5 },
          { seriesName: 'email', value: 3 },
        ],
        0,
      ),
      expected: { heading: 'Week of 6 Jan 2025', cells: ['desk', '12', 'phone', '5', 'email', '3', 'Total', '20'] },
    },
    {
      title: 'week of 13 Jan: phone shows 0, total 17',
      input: tooltipParams(
        [
          { seriesName: 'desk', value: 10 },
          { seriesName: 'phone', value: 0 },
          { seriesName: 'email', value: 7 },
        ],
        1,
      ),
      expected: { heading: 'Week of 13 Jan 2025', cells: ['desk', '10', 'phone', '0', 'email', '7', 'Total', '17'] },
    },
    {
      title: 'a series hidden in the legend is not in the total',
      input: tooltipParams(
        [
          { seriesName: 'desk', value: 12 },
          { seriesName: 'email', value: 3 },
        ],
        0,
      ),
      expected: { heading: 'Week of 6 Jan 2025', cells: ['desk', '12', 'email', '3', 'Total', '15'] },
    },
    {
      title: 'thousands are grouped',
      input: tooltipParams(
        [
          { seriesName: 'desk', value: 1200 },
          { seriesName: 'email', value: 34 },
        ],
        0,
      ),
      expected: { heading: 'Week of 6 Jan 2025', cells: ['desk', '1,200', 'email', '34', 'Total', '1,234'] },
    },
  ];

  const text = (html: string) =>
    html
      .split(/<[^>]+>/)
      .map((s) => s.trim())
      .filter(Boolean);

  for (const { title, input, expected } of cases) {
    it(title, () => {
      const [heading, ...cells] = text(format(input));
      expect({ heading, cells }).toEqual(expected);
    });
  }

  it('escapes group names', () => {
    const html = format(tooltipParams([{ seriesName: '<img src=x onerror=alert(1)>', value: 1 }], 0));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('is the formatter the option uses', () => {
    const option = buildVolumeByGroupOption(createdWeeklyByChannel);
    const formatter = (option.tooltip as { formatter: (p: TooltipComponentFormatterCallbackParams) => string }).formatter;
    const html = formatter(tooltipParams([{ seriesName: 'desk', value: 12 }], 0));
    expect(text(html)).toEqual(['Week of 6 Jan 2025', 'desk', '12', 'Total', '12']);
  });
});

describe('periodAxisLabel', () => {
  const matrix = toMatrix(
    response(
      [
        { period: '2024-12-23', group: 'desk', value: 1, tickets: 1 },
        { period: '2025-01-06', group: 'desk', value: 1, tickets: 1 },
      ],
      { from: '2024-12-23', to: '2025-01-13' },
    ),
  );
  const label = periodAxisLabel(matrix);
  const cases = [
    { title: 'first label carries the year', input: ['2024-12-23', 0] as const, expected: '23 Dec\n2024' },
    { title: 'same year: day and month only', input: ['2024-12-30', 1] as const, expected: '30 Dec' },
    { title: 'new year: the year again', input: ['2025-01-06', 2] as const, expected: '6 Jan\n2025' },
  ];
  for (const { title, input, expected } of cases) {
    it(title, () => expect(label(input[0], input[1])).toBe(expected));
  }
});

describe('toCsv', () => {
  const cases: Array<{ title: string; input: SeriesResponse; expected: string }> = [
    {
      title: 'one line per week and channel, zeros included, in chart order',
      input: createdWeeklyByChannel,
      expected:
        'week_start,channel,created,tickets,partial\r\n' +
        '2025-01-06,desk,12,12,false\r\n' +
        '2025-01-06,phone,5,5,false\r\n' +
        '2025-01-06,email,3,3,false\r\n' +
        '2025-01-13,desk,10,10,false\r\n' +
        '2025-01-13,phone,0,0,false\r\n' +
        '2025-01-13,email,7,7,false\r\n',
    },
    {
      title: 'formula-like, quoted and comma-holding group names are neutralised and quoted',
      input: response(
        [
          { period: '2025-01-06', group: '=SUM(A1)', value: 1, tickets: 1 },
          { period: '2025-01-06', group: 'say "hi", then', value: 2, tickets: 2 },
        ],
        { by: 'organization', to: '2025-01-13' },
      ),
      expected:
        'week_start,organization,created,tickets,partial\r\n' +
        "2025-01-06,'=SUM(A1),1,1,false\r\n" +
        '2025-01-06,"say ""hi"", then",2,2,false\r\n',
    },
    {
      title: 'without a group dimension there is no group column',
      input: response([{ period: '2025-01-06', group: null, value: 20, tickets: 20 }], { by: null, to: '2025-01-13' }),
      expected: 'week_start,created,tickets,partial\r\n2025-01-06,20,20,false\r\n',
    },
    {
      title: 'no rows: the header only',
      input: response([], { from: '2025-01-06', to: '2025-01-06' }),
      expected: 'week_start,channel,created,tickets,partial\r\n',
    },
  ];

  for (const { title, input, expected } of cases) {
    it(title, () => expect(toCsv(input)).toBe(expected));
  }
});
