// A goal's values per period against its target line: a pure `points → EChartsOption` builder, in two sizes.
// `compact` is the scorecard's sparkline (no axes, no tooltip, a few dozen pixels high); the full size is the goal
// editor's live preview (axes, tooltip, the target labelled). No DOM, no ECharts runtime: unit-tested in node
// (test/web/goal-line.test.ts).
//
// Not colour alone: a period that meets the target is drawn as a circle, one that misses as a diamond, and the
// chart's text description (`aria-label`) says the target and how many periods met it:
//
//   <title>: <n> <grain>s from <first period> to <last period>. Target <comparator> <target>. Met in <m> of <k> with data.
import type { EChartsOption, LineSeriesOption } from 'echarts';
import type { Grain } from '$api/contracts';
import { formatPeriod, formatPeriodShort, formatValue, type Unit } from '../../format';
import { countPeriodsMet, judge, type Comparator } from '../../goals/judge';
import { OKABE_ITO, SURFACE, type ColorScheme } from '../palette';

export interface GoalLinePoint {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  value: number | null;
}

export interface GoalLineOptions {
  target: number;
  comparator: Comparator;
  unit: Unit;
  grain: Grain;
  /** First words of the text description, e.g. the goal's name. */
  title: string;
  scheme?: ColorScheme;
  /** The sparkline (true) or the preview chart (false, default). */
  compact?: boolean;
  animation?: boolean;
}

const LINE: Record<ColorScheme, string> = { light: OKABE_ITO.blue, dark: '#56B4E9' };
const TARGET: Record<ColorScheme, string> = { light: '#596170', dark: '#a3acba' };
const MISSED: Record<ColorScheme, string> = { light: OKABE_ITO.vermillion, dark: '#FF8A50' };

export const metSymbol = 'circle';
export const missedSymbol = 'diamond';

/** The text description the chart carries (its accessible name). */
export function describeGoalLine(points: readonly GoalLinePoint[], options: Pick<GoalLineOptions, 'target' | 'comparator' | 'unit' | 'grain' | 'title'>): string {
  const target = `Target ${options.comparator} ${formatValue(options.target, options.unit)}.`;
  if (points.length === 0) return `${options.title}: no periods yet. ${target}`;
  const count = countPeriodsMet(points.map((p) => p.value), options.comparator, options.target);
  const span = `${points.length} ${options.grain}${points.length === 1 ? '' : 's'} from ${points[0]!.period} to ${points.at(-1)!.period}`;
  return `${options.title}: ${span}. ${target} Met in ${count.met} of ${count.judged} with data.`;
}

/** Steps a minutes axis reads well in: minutes, quarter and half hours, hours, days. */
const MINUTE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7200, 14400, 43200];

/**
 * Round axis bounds holding [low, high] (the values and the target, so the target line is always drawn), in about
 * four steps of 1, 2 or 5 × a power of ten (minutes: of MINUTE_STEPS); never below zero when nothing is negative.
 */
export function niceAxis(low: number, high: number, unit?: Unit): { min: number; max: number; step: number } {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const decimal = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const step = unit === 'minutes' ? (MINUTE_STEPS.find((m) => m >= raw) ?? decimal) : decimal;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  return { min: low >= 0 ? Math.max(0, min) : min, max: max === min ? min + step : max, step };
}

export function buildGoalLineOption(points: readonly GoalLinePoint[], options: GoalLineOptions): EChartsOption {
  const scheme = options.scheme ?? 'light';
  const compact = options.compact ?? false;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  // The target line must be inside the drawn range even when every value is far from it.
  const { min, max, step } = niceAxis(Math.min(options.target, ...values), Math.max(options.target, ...values), options.unit);

  const data = points.map((p) => {
    const status = judge(p.value, options.comparator, options.target);
    return {
      value: p.value,
      symbol: status === 'missed' ? missedSymbol : metSymbol,
      itemStyle: status === 'missed' ? { color: MISSED[scheme] } : undefined,
    };
  });

  const series: LineSeriesOption = {
    type: 'line',
    name: options.title,
    data: data as LineSeriesOption['data'],
    connectNulls: false,
    showSymbol: true,
    symbolSize: compact ? 5 : 8,
    lineStyle: { color: LINE[scheme], width: compact ? 1.5 : 2 },
    itemStyle: { color: LINE[scheme] },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: TARGET[scheme], type: 'dashed', width: 1 },
      label: compact
        ? { show: false }
        : { show: true, position: 'insideEndTop', color: TARGET[scheme], formatter: `Target ${options.comparator} ${formatValue(options.target, options.unit)}` },
      data: [{ yAxis: options.target, name: 'Target' }],
    },
  };

  return {
    backgroundColor: compact ? 'transparent' : SURFACE[scheme],
    animation: options.animation ?? !compact,
    aria: { enabled: true, label: { enabled: true, description: describeGoalLine(points, options) } },
    grid: compact ? { left: 2, right: 2, top: 4, bottom: 4 } : { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: compact
      ? { show: false }
      : {
          trigger: 'axis',
          formatter: (params) => {
            const item = Array.isArray(params) ? params[0] : params;
            const point = item ? points[item.dataIndex] : undefined;
            if (!point) return '';
            const status = judge(point.value, options.comparator, options.target);
            const word = status === 'met' ? 'meets the target' : status === 'missed' ? 'misses the target' : 'no data';
            return `${formatPeriod(point.period, options.grain)}: ${formatValue(point.value, options.unit)} (${word})`;
          },
        },
    xAxis: {
      type: 'category',
      show: !compact,
      data: points.map((p) => (compact ? p.period : formatPeriodShort(p.period, options.grain))),
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      show: !compact,
      min,
      max,
      interval: step,
      axisLabel: { formatter: (value: number) => formatValue(value, options.unit) },
      splitLine: { show: !compact },
    },
    series: [series],
  };
}
