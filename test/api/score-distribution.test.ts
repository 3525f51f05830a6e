// GET /api/feedback/:key/distribution and the drill-down into one score (GET /api/tickets?metric=nps&score=9&scale_max=10)
// on the metrics fixture (test/fixtures/metrics/feedback.csv). Counted by hand from that file, March 2026:
//   CSAT 5-point: 5 (20001), 4 (20002), 3 (20003), 1 (20004); good/bad: good (20007), bad (20008), good (20009);
//        20012's survey unanswered (not in the base). February: 3-point 3 (20018) and 2 (20017).
//   NPS 10 (20013), 9 (20014), 7 (20005), 3 (20006).   CES 7 (20001), 5 (20002), 4 (20003), 2 (20004).
// Teams: 20002, 20004, 20008 are Zagreb L1; 20001, 20003, 20007, 20009 New York.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { ScoreDistributionResponse, SeriesResponse, TicketsResponse } from '../../api/contracts.ts';
import { loadFile } from '../../pipelines/load.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import type { Database } from '../../sql/db.ts';
import { metrics } from '../../sql/metrics/registry.ts';
import { freshDb } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const fixture = fileURLToPath(new URL('../fixtures/metrics/', import.meta.url));
const march = 'from=2026-03-01&to=2026-04-01';
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await freshDb();
  await loadOrganisation(db, `${fixture}organisation.json`);
  await loadFile(db, { file: `${fixture}tickets.csv`, mapping: zendeskTickets });
  await loadFile(db, { file: `${fixture}events.csv`, mapping: servicepulseEvents, source: 'zendesk' });
  await loadFile(db, { file: `${fixture}feedback.csv`, mapping: servicepulseFeedback, source: 'zendesk' });
  app = await signedIn(createApp({ db, now: () => new Date('2026-03-31T15:00:00Z') }), db);
});
afterAll(async () => {
  await db.close();
});

async function get<T>(url: string): Promise<T> {
  const response = await app.request(url);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const distribution = (key: string, query = march) => get<ScoreDistributionResponse>(`/api/feedback/${key}/distribution?${query}`);
/** Each scale as `{ "<label>": [answers, band] }`. */
const counts = (body: ScoreDistributionResponse) =>
  body.scales.map((s) => [s.scale_max, s.answers, Object.fromEntries(s.scores.map((x) => [x.label, [x.answers, x.band]]))]);
const ticketIds = async (query: string) => (await get<TicketsResponse>(`/api/tickets?${query}&limit=100`)).tickets.map((t) => t.external_id).sort();

describe('score distribution', () => {
  it('CSAT: each scale with answers, every score of it (0 where nobody chose it), in its band', async () => {
    const body = await distribution('csat');
    expect(body.answers).toBe(7);
    expect(body.bands.map((b) => b.key)).toEqual(['not_satisfied', 'satisfied']);
    expect(counts(body)).toEqual([
      [5, 4, { 1: [1, 'not_satisfied'], 2: [0, 'not_satisfied'], 3: [1, 'not_satisfied'], 4: [1, 'satisfied'], 5: [1, 'satisfied'] }],
      [1, 3, { bad: [1, 'not_satisfied'], good: [2, 'satisfied'] }],
    ]);
  });

  it('CSAT in February: the 3-point scale, its top box satisfied', async () => {
    const body = await distribution('csat', 'from=2026-02-01&to=2026-03-01');
    expect(counts(body)).toEqual([[3, 2, { 1: [0, 'not_satisfied'], 2: [1, 'not_satisfied'], 3: [1, 'satisfied'] }]]);
  });

  it('NPS: 0–10 as detractors, passives and promoters', async () => {
    const body = await distribution('nps');
    const zero = [0, 'detractor'];
    expect(counts(body)).toEqual([[10, 4, {
      0: zero, 1: zero, 2: zero, 3: [1, 'detractor'], 4: zero, 5: zero, 6: zero, 7: [1, 'passive'], 8: [0, 'passive'], 9: [1, 'promoter'], 10: [1, 'promoter'],
    }]]);
  });

  it('CES: 1–7, easy from 5', async () => {
    const body = await distribution('ces');
    expect(counts(body)).toEqual([[7, 4, {
      1: [0, 'not_easy'], 2: [1, 'not_easy'], 3: [0, 'not_easy'], 4: [1, 'not_easy'], 5: [1, 'easy'], 6: [0, 'easy'], 7: [1, 'easy'],
    }]]);
  });

  it('takes the global filters (Zagreb L1 in March: 4 and 1 of 5, one bad)', async () => {
    const body = await distribution('csat', `${march}&team=zagreb-l1`);
    expect(body.filters).toEqual({ team: ['zagreb-l1'] });
    expect(body.scales.map((s) => [s.scale_max, s.scores.filter((x) => x.answers > 0).map((x) => [x.label, x.answers])])).toEqual([
      [5, [['1', 1], ['4', 1]]],
      [1, [['bad', 1]]],
    ]);
  });

  it.each([
    ['csat', march, (b: ScoreDistributionResponse) => (100 * share(b, 'satisfied')) / b.answers],
    ['csat', `${march}&team=newyork`, (b: ScoreDistributionResponse) => (100 * share(b, 'satisfied')) / b.answers],
    ['nps', march, (b: ScoreDistributionResponse) => (100 * (share(b, 'promoter') - share(b, 'detractor'))) / b.answers],
    ['ces', march, (b: ScoreDistributionResponse) => sumOf(b, (x) => x.score * x.answers) / b.answers],
  ])('%s (%s): the counts add up to the series’ answers and give its value', async (key, query, valueOf) => {
    const body = await distribution(key, query);
    const series = await get<SeriesResponse>(`/api/metrics/${key}?grain=month&${query}`);
    expect(sumOf(body, (x) => x.answers)).toBe(body.answers);
    expect(body.answers).toBe(series.total.tickets);
    expect(valueOf(body)).toBeCloseTo(series.total.value!, 9);
  });

  it('every score of a declared scale falls in exactly one band', async () => {
    for (const metric of metrics.values()) {
      if (metric.aggregation !== 'score' || !metric.scores) continue;
      for (const scale of metric.scores.scales) {
        for (let score = scale.min; score <= scale.max; score++) {
          const bands = metric.scores.bands.map((b) => b.when.replaceAll('f.score', String(score)).replaceAll('f.scale_max', String(scale.max)));
          const row = await db.readOne<Record<string, boolean>>(`SELECT ${bands.map((b, i) => `(${b}) AS b${i}`).join(', ')}`);
          expect([metric.key, scale.max, score, Object.values(row!).filter(Boolean).length]).toEqual([metric.key, scale.max, score, 1]);
        }
      }
    }
  });

  it('a metric without a score distribution is a 404 naming those with one; a bad filter a 400', async () => {
    const response = await app.request('/api/feedback/csat_response_rate/distribution');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { allowed: string[] }).allowed).toEqual(['csat', 'nps', 'ces']);
    const bad = await app.request('/api/feedback/nps/distribution?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/^from/);
  });
});

describe('the tickets behind survey answers', () => {
  it('a score bar: the tickets whose answer had that score on that scale', async () => {
    expect(await ticketIds(`metric=nps&${march}&score=9&scale_max=10`)).toEqual(['20014']);
    expect(await ticketIds(`metric=csat&${march}&score=1&scale_max=1`)).toEqual(['20007', '20009']);
    expect(await ticketIds(`metric=csat&${march}&score=1&scale_max=5`)).toEqual(['20004']);
    expect(await ticketIds(`metric=csat&${march}&score=2&scale_max=5`)).toEqual([]);
    expect(await ticketIds(`metric=csat&${march}&score=4&scale_max=5&team=newyork`)).toEqual([]);
  });

  it('a trend point: the tickets of its answered surveys, with the score as value, total counted', async () => {
    const body = await get<TicketsResponse>(`/api/tickets?metric=csat&${march}&sort=-value`);
    expect(body.total).toBe(7);
    expect(body.tickets.map((t) => [t.external_id, t.value])).toEqual([
      ['20001', 5], ['20002', 4], ['20003', 3], ['20004', 1], ['20007', 1], ['20009', 1], ['20008', 0],
    ].sort((a, b) => (b[1] as number) - (a[1] as number) || Number(b[0]) - Number(a[0])));
  });

  it('a score without its scale, or on a metric that is not a survey, is refused naming the parameter', async () => {
    for (const query of [`metric=nps&score=9`, `metric=created&score=9&scale_max=10`, `metric=nps&score=9&scale_max=4`]) {
      const response = await app.request(`/api/tickets?${march}&${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { detail: string }).detail, query).toMatch(/^(score|scale_max)/);
    }
  });
});

function sumOf(body: ScoreDistributionResponse, of: (score: ScoreDistributionResponse['scales'][number]['scores'][number]) => number): number {
  return body.scales.flatMap((s) => s.scores).reduce((sum, x) => sum + of(x), 0);
}

function share(body: ScoreDistributionResponse, band: string): number {
  return sumOf(body, (x) => (x.band === band ? x.answers : 0));
}
