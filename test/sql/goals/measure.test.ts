// Many goals measured at once (sql/goals/measure.ts) on the small fixture (test/fixtures/small/README.md): one
// statement per measure over every scope must give each goal what it alone would get. Values worked by hand, and each
// checked against the series of its scope alone (sql/metrics/series.ts, a query of its own per scope).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../sql/db.ts';
import { measureGoals, type Measure, type MeasureRequest } from '../../../sql/goals/measure.ts';
import { metrics } from '../../../sql/metrics/registry.ts';
import { querySeriesRows } from '../../../sql/metrics/series.ts';
import { freshDb, loadSmallFixture } from '../../helpers/db.ts';

let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadSmallFixture(db);
});
afterAll(() => db.close());

const now = new Date('2026-01-20T12:00:00Z');
const weeks = { from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-01-19T00:00:00Z') };
const firstResponse: Measure = { metric: 'first_response_time', stat: 'p50', variant: null, hours: 'calendar', period: 'week' };
const created: Measure = { metric: 'created', stat: 'value', variant: null, hours: 'calendar', period: 'week' };

/** Each request with the values worked by hand: [week start, value, tickets]. */
const cases: Array<[MeasureRequest, Array<[string, number, number]>]> = [
  // First responses: 10001 90 min, 10002 0 (week of 5 Jan); 10003 5, 10005 40 (week of 12 Jan); 10004 none.
  [{ measure: firstResponse, scope: {}, ...weeks }, [['2026-01-05', 45, 2], ['2026-01-12', 22.5, 2]]],
  [{ measure: firstResponse, scope: { team: ['zagreb'] }, ...weeks }, [['2026-01-05', 45, 2]]],
  [{ measure: firstResponse, scope: { team: ['manila'] }, ...weeks }, [['2026-01-12', 22.5, 2]]],
  [{ measure: firstResponse, scope: { channel: ['email'] }, ...weeks }, [['2026-01-05', 90, 1]]],
  [{ measure: firstResponse, scope: { channel: ['phone', 'email'], team: ['zagreb'] }, ...weeks }, [['2026-01-05', 45, 2]]],
  [{ measure: firstResponse, scope: { priority: ['high'], channel: ['social', 'chat'] }, ...weeks }, [['2026-01-12', 5, 1]]],
  [{ measure: firstResponse, scope: { agent: ['a2'] }, ...weeks }, [['2026-01-12', 22.5, 2]]],
  // The unscoped goal again over its second week only.
  [{ measure: firstResponse, scope: {}, from: new Date('2026-01-12T00:00:00Z'), to: weeks.to }, [['2026-01-12', 22.5, 2]]],
  // p90 of [0, 90]: 0 + 0.9 × 90 = 81; of [5, 40]: 5 + 0.9 × 35 = 36.5.
  [{ measure: { ...firstResponse, stat: 'p90' }, scope: {}, ...weeks }, [['2026-01-05', 81, 2], ['2026-01-12', 36.5, 2]]],
  // Created: 10001 email/zagreb/a1, 10002 phone/zagreb/a1/internal (week of 5 Jan); 10003 chat/manila/a2, 10004 email/zagreb/a1,
  // 10005 social/manila/a2 (week of 12 Jan). Team, channel and requester kind are in the daily rollup; agent is not.
  [{ measure: created, scope: {}, ...weeks }, [['2026-01-05', 2, 2], ['2026-01-12', 3, 3]]],
  [{ measure: created, scope: { channel: ['email'] }, ...weeks }, [['2026-01-05', 1, 1], ['2026-01-12', 1, 1]]],
  [{ measure: created, scope: { team: ['manila'] }, ...weeks }, [['2026-01-12', 2, 2]]],
  [{ measure: created, scope: { agent: ['a1'] }, ...weeks }, [['2026-01-05', 2, 2], ['2026-01-12', 1, 1]]],
  [{ measure: created, scope: { team: ['zagreb'], requester_kind: ['internal'] }, ...weeks }, [['2026-01-05', 1, 1]]],
];

describe('goals measured together', () => {
  it('give each goal the values worked by hand for its scope and range', async () => {
    const values = await measureGoals(db, cases.map(([request]) => request), now);
    cases.forEach(([, expected], i) => {
      expect([...values[i]!].map(([period, v]) => [period, v.value, v.tickets]), JSON.stringify(cases[i]![0].scope)).toEqual(expected);
    });
  });

  it('agree with the series of each scope computed alone', async () => {
    const values = await measureGoals(db, cases.map(([request]) => request), now);
    for (const [i, [request]] of cases.entries()) {
      const { measure } = request;
      const alone = await querySeriesRows(db, {
        metric: metrics.get(measure.metric)!, grain: measure.period, by: null, filters: request.scope, from: request.from, to: request.to,
        stat: measure.stat === 'value' ? 'p50' : measure.stat, hours: measure.hours, asOf: now,
      });
      expect([...values[i]!].map(([period, v]) => ({ period, value: v.value, tickets: v.tickets }))).toEqual(
        alone.map((row) => ({ period: row.period, value: row.value, tickets: row.tickets })),
      );
    }
  });
});
