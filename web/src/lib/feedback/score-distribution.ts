// A survey's answers per score (`GET /api/feedback/:key/distribution`) as bars coloured by band (NPS detractors,
// passives, promoters; CSAT satisfied or not; CES easy or not) with a legend in words, the same numbers as a table
// and CSV, and the drill-down of one bar to the tickets whose answer had that score. Pure: no DOM, no ECharts runtime.
import type { EChartsOption } from 'echarts';
import type { ScoreDistributionResponse } from '$api/contracts';
import { csvText } from '../../../../common/csv';
import { dimensionParams, type ViewFilters } from '../api/view';
import type { DataTableModel } from '../charts/chart-data';
import { toneColour, type ColorScheme, type Tone } from '../charts/palette';
import type { Drilldown } from '../drilldown/drilldown';
import { formatCount, formatCountOf, formatRange } from '../format';

export type ScoreDistribution = ScoreDistributionResponse;

/** One bar: a score on a scale, with its answers and the band it falls in. */
export interface ScoreBar {
  scaleMax: number;
  score: number;
  /** The axis label: "4", "good", or "4 of 5" when the chart holds several scales. */
  label: string;
  answers: number;
  tickets: number;
  band: { key: string; label: string; tone: Tone } | null;
}

const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** Every score of every scale, main scale first, lowest score first: the bars in chart order. */
export function scoreBars(answer: Pick<ScoreDistribution, 'scales' | 'bands'>): ScoreBar[] {
  const several = answer.scales.length > 1;
  const bands = new Map(answer.bands.map((b) => [b.key, b]));
  return answer.scales.flatMap((scale) =>
    scale.scores.map((s) => ({
      scaleMax: scale.scale_max,
      score: s.score,
      // A named score ("good") says its scale itself.
      label: several && s.label === String(s.score) ? `${s.label} of ${scale.scale_max}` : s.label,
      answers: s.answers,
      tickets: s.tickets,
      band: (s.band !== null && bands.get(s.band)) || null,
    })),
  );
}

/** "38 %" of the answers, rounded; "–" without any. */
function share(answers: number, of: number): string {
  return of > 0 ? `${Math.round((answers / of) * 100)} %` : '–';
}

/** The chart's accessible description: every bar with its band, e.g. "NPS: answers per score, 4 answers. 0 = 0 (Detractors (0–6)), …". */
export function scoreDescription(title: string, bars: readonly ScoreBar[], answers: number): string {
  const each = bars.map((b) => `${b.label} = ${formatCount(b.answers)}${b.band ? ` (${b.band.label})` : ''}`).join(', ');
  return `${title}, ${formatCountOf(answers, 'answer')}. ${each}.`;
}

/**
 * One bar series per band (stacked, so each category holds one bar at its place), coloured by the band's tone with
 * the band's name in the legend; a score in no band is drawn as "Other".
 */
export function scoreDistributionOption(answer: ScoreDistribution, title: string, scheme: ColorScheme = 'light', animation = true): EChartsOption {
  const bars = scoreBars(answer);
  const groups = [...answer.bands.map((b) => ({ key: b.key as string | null, label: b.label, tone: b.tone }))];
  if (bars.some((b) => b.band === null)) groups.push({ key: null, label: 'Other', tone: 'neutral' });
  const text = scheme === 'dark' ? '#d6dae2' : '#303640';
  return {
    animation,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true, label: { description: scoreDescription(title, bars, answer.answers) } },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: text }, selectedMode: false },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const bar = bars[(params as { dataIndex: number }).dataIndex];
        if (!bar) return '';
        return `${bar.label}${bar.band ? ` · ${bar.band.label}` : ''}<br/>${formatCountOf(bar.answers, 'answer')} (${share(bar.answers, answer.answers)})`;
      },
    },
    // Room for the legend on two lines (NPS's three bands wrap at phone width).
    grid: { top: 58, left: 8, right: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v) } },
    series: groups.map((group) => ({
      type: 'bar',
      name: group.label,
      stack: 'answers',
      barMaxWidth: 48,
      itemStyle: { color: toneColour(group.tone, scheme) },
      data: bars.map((b) => ((b.band?.key ?? null) === group.key ? b.answers : '-')),
    })),
  } as EChartsOption;
}

export function scoreDistributionTable(answer: ScoreDistribution, caption: string): DataTableModel {
  const bars = scoreBars(answer);
  return {
    caption,
    rowHeader: 'Score',
    columns: [
      { label: 'Answers', numeric: true },
      { label: 'Share', numeric: true },
      { label: 'Group', numeric: false },
    ],
    rows: bars.map((b) => ({ label: b.label, cells: [formatCount(b.answers), share(b.answers, answer.answers), b.band?.label ?? '–'] })),
    footer: { label: 'Answers', cells: [formatCount(answer.answers), answer.answers > 0 ? '100 %' : '–', ''] },
  };
}

/** One line per bar: `scale_max,score,label,band,answers,tickets`. */
export function scoreDistributionCsv(answer: ScoreDistribution): string {
  const rows: (string | number | null)[][] = [['scale_max', 'score', 'label', 'band', 'answers', 'tickets']];
  for (const b of scoreBars(answer)) rows.push([b.scaleMax, b.score, b.label, b.band?.key ?? null, b.answers, b.tickets]);
  return csvText(rows);
}

/** The tickets whose answer (in the view) had the bar's score on its scale; as many as the bar's distinct tickets. */
export function scoreDrilldown(metric: { key: string; label: string }, view: ViewFilters, bar: ScoreBar): Drilldown {
  const filters = dimensionParams(view) as Record<string, string[]>;
  const scale = bar.label.includes(' of ') || bar.label !== String(bar.score) ? '' : ` of ${bar.scaleMax}`;
  return {
    query: { metric: metric.key, hours: view.hours, from: view.range.from, to: view.range.to, filters, score: bar.score, scale_max: bar.scaleMax },
    title: `${metric.label} ${bar.label}${scale}${bar.band ? `, ${bar.band.label.toLowerCase()}` : ''}, ${formatRange(view.range.from, view.range.to)}`,
    expected: bar.tickets,
    basis: 'measured',
  };
}
