// A survey's answers per score as bars, table, CSV and drill-down. The answer below is the API's for CSAT in March on
// the metrics fixture (test/api/score-distribution.test.ts): 5-point 1, 0, 1, 1, 1 and good/bad 1 bad, 2 good.
import { describe, expect, it } from 'vitest';
import type { ScoreDistributionResponse } from '../../api/contracts';
import type { ViewFilters } from '../../web/src/lib/api/view';
import { toneColour } from '../../web/src/lib/charts/palette';
import { scoreBars, scoreDistributionCsv, scoreDistributionOption, scoreDistributionTable, scoreDrilldown } from '../../web/src/lib/feedback/score-distribution';

const bands = [
  { key: 'not_satisfied', label: 'Not satisfied', tone: 'negative' as const },
  { key: 'satisfied', label: 'Satisfied', tone: 'positive' as const },
];
const score = (s: number, answers: number, band: string, label = String(s)) => ({ score: s, label, answers, tickets: answers, band });
const csat: ScoreDistributionResponse = {
  metric: { key: 'csat', label: 'CSAT', unit: 'percent', better: 'higher', aggregation: 'score', description: '', definition: '' },
  filters: {},
  from: '2026-03-01',
  to: '2026-04-01',
  answers: 7,
  bands,
  scales: [
    { scale_max: 5, min: 1, answers: 4, scores: [score(1, 1, 'not_satisfied'), score(2, 0, 'not_satisfied'), score(3, 1, 'not_satisfied'), score(4, 1, 'satisfied'), score(5, 1, 'satisfied')] },
    { scale_max: 1, min: 0, answers: 3, scores: [score(0, 1, 'not_satisfied', 'bad'), score(1, 2, 'satisfied', 'good')] },
  ],
};
const nps: ScoreDistributionResponse = {
  ...csat,
  metric: { ...csat.metric, key: 'nps', label: 'NPS' },
  answers: 3,
  bands: [
    { key: 'detractor', label: 'Detractors (0–6)', tone: 'negative' },
    { key: 'passive', label: 'Passives (7–8)', tone: 'neutral' },
    { key: 'promoter', label: 'Promoters (9–10)', tone: 'positive' },
  ],
  scales: [{ scale_max: 10, min: 0, answers: 3, scores: [score(6, 1, 'detractor'), score(7, 0, 'passive'), score(9, 2, 'promoter')] }],
};

describe('score bars', () => {
  it('name the scale when a chart holds several, and keep a scale’s own names', () => {
    expect(scoreBars(csat).map((b) => [b.label, b.answers, b.band?.key])).toEqual([
      ['1 of 5', 1, 'not_satisfied'], ['2 of 5', 0, 'not_satisfied'], ['3 of 5', 1, 'not_satisfied'], ['4 of 5', 1, 'satisfied'], ['5 of 5', 1, 'satisfied'],
      ['bad', 1, 'not_satisfied'], ['good', 2, 'satisfied'],
    ]);
    expect(scoreBars(nps).map((b) => b.label)).toEqual(['6', '7', '9']);
  });

  it('are one series per band, each bar in its band’s series only, coloured by tone and named in the legend', () => {
    const option = scoreDistributionOption(nps, 'NPS: answers per score', 'light', false) as {
      series: Array<{ name: string; data: Array<number | string>; itemStyle: { color: string }; stack: string }>;
      legend: object;
      aria: { label: { description: string } };
    };
    expect(option.series.map((s) => [s.name, s.data, s.itemStyle.color])).toEqual([
      ['Detractors (0–6)', [1, '-', '-'], toneColour('negative', 'light')],
      ['Passives (7–8)', ['-', 0, '-'], toneColour('neutral', 'light')],
      ['Promoters (9–10)', ['-', '-', 2], toneColour('positive', 'light')],
    ]);
    expect(new Set(option.series.map((s) => s.stack)).size).toBe(1);
    expect(option.legend).toBeDefined();
    expect(option.aria.label.description).toBe(
      'NPS: answers per score, 3 answers. 6 = 1 (Detractors (0–6)), 7 = 0 (Passives (7–8)), 9 = 2 (Promoters (9–10)).',
    );
  });

  it('a table with shares and the band in words, and a CSV of the same bars', () => {
    const table = scoreDistributionTable(nps, 'NPS');
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['6', '1', '33 %', 'Detractors (0–6)'],
      ['7', '0', '0 %', 'Passives (7–8)'],
      ['9', '2', '67 %', 'Promoters (9–10)'],
    ]);
    expect(table.footer?.cells[0]).toBe('3');
    expect(scoreDistributionCsv(csat).split('\r\n').slice(0, 2)).toEqual(['scale_max,score,label,band,answers,tickets', '5,1,1 of 5,not_satisfied,1,1']);
    expect(scoreDistributionCsv(csat).trim().split('\r\n')).toHaveLength(8);
  });
});

it('a bar drills into the tickets of its score on its scale over the view', () => {
  const view: ViewFilters = {
    range: { from: '2026-03-01', to: '2026-04-01' },
    dimensions: { team: ['zagreb-l1'], channel: [], priority: [], provider: [], requester_kind: [] },
    hours: 'calendar',
  };
  const good = scoreBars(csat).find((b) => b.label === 'good')!;
  const drill = scoreDrilldown({ key: 'csat', label: 'CSAT' }, view, good);
  expect(drill.query).toEqual({ metric: 'csat', hours: 'calendar', from: '2026-03-01', to: '2026-04-01', filters: { team: ['zagreb-l1'] }, score: 1, scale_max: 1 });
  expect(drill.expected).toBe(2);
  expect(drill.title).toBe('CSAT good, satisfied, 1 Mar – 31 Mar 2026');
  const nine = scoreDrilldown({ key: 'nps', label: 'NPS' }, view, scoreBars(nps)[2]!);
  expect(nine.title).toBe('NPS 9 of 10, promoters (9–10), 1 Mar – 31 Mar 2026');
});
