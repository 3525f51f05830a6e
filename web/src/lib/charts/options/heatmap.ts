// A duration by hour of day × weekday, for one channel, as an ECharts heatmap: a pure
// `HeatmapResponse → EChartsOption` builder (unit-tested in test/web/heatmap.test.ts). Hours and weekdays are the
// ticket's creation in its team's time zone, as the API computes them. Colours run along viridis, which stays
// ordered for colour-blind readers and in greyscale; a cell without tickets is left empty (not "0 min").
//
// ## The chart's text description (aria-label)
//   <title>: <n> hour slots with tickets. Slowest: <Weekday> <HH>:00 = <value> (<t> tickets). Fastest: … .
//   ("1 hour slot", "1 ticket" for one.)
import type { EChartsOption } from 'echarts';
import type { HeatmapResponse } from '$api/contracts';
import { csvText } from '../../../../../common/csv';
import type { DataTableModel } from '../chart-data';
import { countOf, formatMinutes } from '../../format';
import type { ColorScheme } from '../palette';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * Viridis: on the light theme fast is light and slow dark; on the dark theme the other way round, starting at its
 * blue rather than its near-black purple, which a dark surface would swallow.
 */
const VIRIDIS_LIGHT = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
const VIRIDIS_DARK = ['#3b528b', '#21918c', '#5ec962', '#fde725'];

/**
 * The top of the colour scale: the 90th percentile of the cells (nearest rank), so that one slow outlier (a ticket
 * answered four days later at 3 a.m. on a Sunday) does not wash every other cell into one colour. Cells above it take
 * the top colour, and the scale says "≥".
 */
export function scaleTop(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export type HeatmapCell = HeatmapResponse['cells'][number];

/** The channels that have cells, in the order given (the canonical channel order), then any others. */
export function heatmapChannels(response: Pick<HeatmapResponse, 'cells'>, order: readonly string[]): string[] {
  const present = new Set(response.cells.map((cell) => cell.channel));
  return [...order.filter((c) => present.has(c)), ...[...present].filter((c) => !order.includes(c)).sort()];
}

/** One channel's cells as [hour, weekday index 0 = Monday, value, tickets]. */
export function heatmapPoints(cells: readonly HeatmapCell[], channel: string): [number, number, number, number][] {
  return cells.filter((cell) => cell.channel === channel).map((cell) => [cell.hour, cell.weekday - 1, cell.value, cell.tickets]);
}

const slot = (hour: number, weekday: number) => `${WEEKDAYS[weekday]} ${HOURS[hour]}:00`;

/** The text description (see the module comment). */
export function heatmapDescription(title: string, points: readonly [number, number, number, number][]): string {
  if (points.length === 0) return `${title}: no tickets.`;
  const slowest = points.reduce((a, b) => (b[2] > a[2] ? b : a));
  const fastest = points.reduce((a, b) => (b[2] < a[2] ? b : a));
  const say = (p: readonly [number, number, number, number]) => `${slot(p[0], p[1])} = ${formatMinutes(p[2])} (${countOf(p[3], 'ticket')})`;
  return `${title}: ${countOf(points.length, 'hour slot')} with tickets. Slowest: ${say(slowest)}. Fastest: ${say(fastest)}.`;
}

export interface HeatmapOptions {
  title: string;
  scheme?: ColorScheme;
  animation?: boolean;
}

export function buildHeatmapOption(response: Pick<HeatmapResponse, 'cells'>, channel: string, options: HeatmapOptions): EChartsOption {
  const points = heatmapPoints(response.cells, channel);
  const max = scaleTop(points.map((p) => p[2]));
  const clipped = points.some((p) => p[2] > max);
  const dark = options.scheme === 'dark';
  return {
    animation: options.animation ?? true,
    backgroundColor: 'transparent',
    aria: { enabled: true, label: { description: heatmapDescription(options.title, points) } },
    grid: { left: 44, right: 12, top: 8, bottom: 78, containLabel: false },
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const [hour, weekday, value, tickets] = (params as unknown as { value: [number, number, number, number] }).value;
        return `${slot(hour, weekday)}<br/>${formatMinutes(value)} · ${countOf(tickets, 'ticket')}`;
      },
    },
    xAxis: { type: 'category', data: HOURS, name: 'Hour of creation', nameLocation: 'middle', nameGap: 24, splitArea: { show: true }, axisLabel: { interval: 2 } },
    yAxis: { type: 'category', data: [...WEEKDAYS_SHORT], inverse: true, splitArea: { show: true } },
    visualMap: {
      dimension: 2,
      min: 0,
      max: Math.max(1, Math.ceil(max)),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: [`${clipped ? '≥ ' : ''}${formatMinutes(max)}`, '0 min'],
      inRange: { color: dark ? VIRIDIS_DARK : VIRIDIS_LIGHT },
      textStyle: { color: dark ? '#e6e9ee' : '#1c1f24' },
    },
    series: [
      {
        type: 'heatmap',
        name: channel,
        data: points,
        encode: { x: 0, y: 1, value: 2 },
        emphasis: { itemStyle: { borderColor: dark ? '#ffffff' : '#000000', borderWidth: 1 } },
      },
    ],
  };
}

/** The heatmap's text alternative: a row per weekday, a column per hour, "–" where no ticket was created. */
export function heatmapTable(cells: readonly HeatmapCell[], channel: string, caption: string): DataTableModel {
  const grid = WEEKDAYS.map(() => HOURS.map(() => '–'));
  for (const [hour, weekday, value] of heatmapPoints(cells, channel)) grid[weekday]![hour] = formatMinutes(value);
  return {
    caption,
    rowHeader: 'Weekday',
    columns: HOURS.map((h) => ({ label: `${h}:00`, numeric: true })),
    rows: WEEKDAYS.map((day, d) => ({ label: day, cells: grid[d]! })),
  };
}

/** Exactly the cells drawn: channel, weekday (1 = Monday), hour, minutes, tickets. */
export function heatmapCsv(cells: readonly HeatmapCell[], channel: string): string {
  const rows = cells.filter((cell) => cell.channel === channel).map((cell) => [cell.channel, cell.weekday, cell.hour, cell.value, cell.tickets]);
  return csvText([['channel', 'weekday', 'hour', 'minutes', 'tickets'], ...rows]);
}
