// GET /api/suggestions/:id/impact over real SQL: tickets loaded from a file made here, one recurring problem (issue
// 100) holding the tickets written "Login fails", all in Zagreb. The suggestion went live on Wed 1 Apr 2026, so its
// week (from Mon 30 Mar) is left out; the eight weeks before (from Mon 2 Feb) and after (from Mon 6 Apr) have:
//   before  9 11 10 12 10 11  9 12   (median 10.5)
//   after   5  6  4  7  5  6  5  4   (median 5)
// Mann–Whitney U(before) = 64 of 64 pairs; exact two-sided p over all C(16,8) = 12,870 splits with the ties at their
// midranks = 0.0001554001554001554 (SciPy's permutation_test, test/common/mann-whitney.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestionImpactSchema, type SuggestionDetailResponse, type SuggestionImpactResponse } from '../../../api/contracts.ts';
import { loadFile } from '../../../pipelines/load.ts';
import { zendeskTickets } from '../../../pipelines/sources/zendesk.ts';
import type { Database } from '../../../sql/db.ts';
import { smallFixture } from '../../helpers/db.ts';
import { useSuggestionApp } from '../../helpers/suggestion-app.ts';

const before = [9, 11, 10, 12, 10, 11, 9, 12];
const after = [5, 6, 4, 7, 5, 6, 5, 4];
const DAY = 86_400_000;

/** Tickets on Tuesdays at 10:00 of each week from `firstMonday`, `counts[i]` in week i; ids from `firstId`. */
function weekRows(firstMonday: string, counts: number[], firstId: number): string[] {
  const rows: string[] = [];
  counts.forEach((count, week) => {
    for (let k = 0; k < count; k++) {
      const created = new Date(Date.parse(`${firstMonday}T10:00:00Z`) + (week * 7 + 1) * DAY + k * 60_000).toISOString().replace('T', ' ').slice(0, 19);
      rows.push(`${firstId + rows.length},Marko Horvat,c1,marko@example.com,Horvat d.o.o.,Marko Horvat,Ana Kovač,Zagreb Support,Login fails,I cannot log in.,login,Open,Normal,Mail,incident,${created},${created},,,,1,1,0,0,Access,Login,external`);
    }
  });
  return rows;
}

/** The weeks' tickets loaded, and all tickets written "Login fails" put in issue 100. */
async function loadWeeks(db: Database) {
  const header = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n')[0]!;
  // The weeks compared, the week it went live (3 tickets), and one ticket in the week of 1 Jun so the data reaches past the last week after.
  const rows = [...weekRows('2026-02-02', [...before, 3, ...after], 20_000), ...weekRows('2026-06-01', [1], 30_000)];
  const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-impact-')), 'tickets.csv');
  writeFileSync(file, [header, ...rows].join('\n') + '\n');
  await loadFile(db, { file, mapping: zendeskTickets });
  await db.write(async (tx) => {
    await tx.run(`INSERT INTO issues VALUES (100, ['login'], ['login'], 0, [], [], 1, 1, 1, [])`);
    await tx.run(`DELETE FROM ticket_issues WHERE ticket_id IN (SELECT ticket_id FROM tickets WHERE subject = 'Login fails')`);
    await tx.run(`INSERT INTO ticket_issues SELECT ticket_id, 100, NULL, 'en', 1 FROM tickets WHERE subject = 'Login fails'`);
    await tx.run('UPDATE data_state SET version = version + 1');
  });
}

const fixture = useSuggestionApp({ ana: ['agent', 'zagreb'], mia: ['agent', 'manila'], boss: ['manager', null] }, '2026-03-20T12:00:00Z', loadWeeks);
const call = async <T>(who: string, method: string, url: string, body?: unknown): Promise<T> => (await fixture.call<T>(who, method, url, body)).body;
const setClock = (instant: string) => (fixture.clock.now = new Date(instant));

async function implemented(links: Record<string, unknown>): Promise<number> {
  setClock('2026-03-20T12:00:00Z');
  const { suggestion_id } = await call<SuggestionDetailResponse>('ana', 'POST', '/api/suggestions', { title: 'Show the login hint', body: 'x', ...links });
  for (const to of ['under_review', 'accepted', 'in_progress']) await call('boss', 'POST', `/api/suggestions/${suggestion_id}/move`, { to });
  await call('boss', 'POST', `/api/suggestions/${suggestion_id}/move`, { to: 'implemented', implemented_on: '2026-04-01' });
  return suggestion_id;
}

const impact = (who: string, id: number) => call<SuggestionImpactResponse>(who, 'GET', `/api/suggestions/${id}/impact`);

describe('the impact of an implemented suggestion', () => {
  it('compares the issue’s weekly tickets, eight weeks each side, with the exact Mann–Whitney test', async () => {
    const id = await implemented({ issue_id: 100 });
    setClock('2026-06-10T12:00:00Z');
    const answer = await impact('boss', id);
    expect(answer.status).toBe('measured');
    expect(suggestionImpactSchema.safeParse(answer).error).toBeUndefined(); // the answer is what the OpenAPI document says
    expect(answer.source).toMatchObject({ kind: 'issue', id: 100, unit: 'tickets' });
    expect(answer.before.map((w) => w.week)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(answer.before.map((w) => w.value)).toEqual(before);
    expect(answer.after.map((w) => w.week)).toEqual(['2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25']);
    expect(answer.after.map((w) => w.value)).toEqual(after);
    expect(answer.change).toMatchObject({ before_median: 10.5, after_median: 5, absolute: -5.5 });
    expect(answer.change!.relative).toBeCloseTo(-5.5 / 10.5, 12);
    expect(answer.test).toMatchObject({ name: 'Mann–Whitney U, two-sided', method: 'exact', u: 64, alpha: 0.05, significant: true });
    expect(answer.test!.p_value).toBeCloseTo(0.0001554001554001554, 12);
    expect(answer.message).toMatch(/^8 weeks on each side: median 10.5 → 5; beyond normal variation \(Mann–Whitney U, two-sided, exact p = 0.00016\)\.$/);
  });

  it('says "not enough data yet" and how many weeks are missing while the change is recent', async () => {
    const id = await implemented({ issue_id: 100 });
    setClock('2026-04-22T12:00:00Z'); // whole weeks after: 6 and 13 Apr
    const answer = await impact('boss', id);
    expect(answer).toMatchObject({ status: 'not_enough_data', weeks: 2, missing_weeks: 2, change: null, test: null });
    expect(answer.message).toBe('Not enough data yet: 2 more whole weeks after it went live needed (2 of at least 4 on each side).');
  });

  it('measures a linked goal on its own metric and scope', async () => {
    const goal = await call<{ goal_id: number }>('boss', 'POST', '/api/goals', {
      name: 'Zagreb tickets', metric: 'created', comparator: '<=', target: 50, period: 'week', starts_on: '2026-01-05', scope: { team: ['zagreb'] },
    });
    const id = await implemented({ goal_id: goal.goal_id });
    setClock('2026-06-10T12:00:00Z');
    const answer = await impact('boss', id);
    expect(answer.source).toMatchObject({ kind: 'goal', id: goal.goal_id, label: 'Zagreb tickets: Tickets created a week' });
    expect([answer.before.map((w) => w.value), answer.after.map((w) => w.value)]).toEqual([before, after]);
    expect(answer.test!.p_value).toBeCloseTo(0.0001554001554001554, 12);
  });

  it('is measured within the asker’s scope, in the SQL: a Manila agent counts Manila’s tickets of the issue (none)', async () => {
    const id = await implemented({ issue_id: 100 });
    setClock('2026-06-10T12:00:00Z');
    const answer = await impact('mia', id);
    expect(answer.before.map((w) => w.value)).toEqual(Array(8).fill(0));
    expect(answer.test).toMatchObject({ p_value: 1, significant: false });
  });

  it('has nothing to measure before it is implemented, or without a link', async () => {
    setClock('2026-03-20T12:00:00Z');
    const open = await call<SuggestionDetailResponse>('ana', 'POST', '/api/suggestions', { title: 'Open', body: 'x', issue_id: 100 });
    expect((await impact('ana', open.suggestion_id)).status).toBe('not_measurable');
    const unlinked = await implemented({});
    expect((await impact('ana', unlinked)).message).toBe('It is linked to no recurring problem or goal, so there is nothing to measure.');
  });
});
