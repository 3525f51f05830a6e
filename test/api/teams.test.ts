// Team calendars through the API; saving one recomputes the facts of that team's tickets
// (hand-worked values: test/fixtures/small/README.md, "Facts beyond durations").
import { describe, expect, it } from 'vitest';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

const weekdays = { mon: [['08:00', '16:00']], tue: [['08:00', '16:00']], wed: [['08:00', '16:00']], thu: [['08:00', '16:00']], fri: [['08:00', '16:00']] };

async function put(team: string, body: unknown) {
  // Calendars are the admins' (api/auth/access.ts).
  return fixture.admin.request(`/api/teams/${team}/calendar`, { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

async function facts10002() {
  return fixture.db.readOne(
    `SELECT f.full_resolution_business_minutes AS resolution_business, strftime(f.sla_first_response_due_at, '%Y-%m-%dT%H:%MZ') AS due
       FROM ticket_facts f JOIN tickets t USING (ticket_id) WHERE t.external_id = '10002'`,
  );
}

describe('team calendars', () => {
  it('reads a calendar as the organisation file wrote it', async () => {
    const response = await fixture.app.request('/api/teams/zagreb/calendar');
    expect(await response.json()).toEqual({ weekly: weekdays, holidays: [{ day: '2026-01-06', name: 'Epiphany', hours: [] }] });
  });

  it('recomputes the team’s business minutes and SLA clocks when its calendar changes', async () => {
    // With Epiphany off, 10002 (Tue 6 Jan 15:00–15:10 CET) was solved in 0 business minutes and its 240-minute
    // clock ran from Wed 08:00 CET to 12:00 CET (11:00Z).
    expect(await facts10002()).toEqual({ resolution_business: 0, due: '2026-01-07T11:00Z' });
    const response = await put('zagreb', { weekly: weekdays, holidays: [] });
    expect(response.status).toBe(200);
    // Zagreb's tickets: 10001, 10002, 10004.
    expect(await response.json()).toMatchObject({ calendar: { weekly: weekdays, holidays: [] }, tickets_recomputed: 3 });
    // Epiphany now a working day: 10 business minutes; the clock uses 60 min on Tuesday, 180 on Wednesday → 11:00 CET.
    expect(await facts10002()).toEqual({ resolution_business: 10, due: '2026-01-07T10:00Z' });
  });

  it('keeps special hours of a holiday and the end of the day as 24:00', async () => {
    const calendar = { weekly: { ...weekdays, sat: [['20:00', '24:00']] }, holidays: [{ day: '2026-12-24', name: 'Christmas Eve', hours: [['08:00', '12:00']] }] };
    expect((await put('zagreb', calendar)).status).toBe(200);
    expect(await (await fixture.app.request('/api/teams/zagreb/calendar')).json()).toEqual(calendar);
  });

  it('refuses calendars that would count time twice or backwards, and unknown teams', async () => {
    const overlapping = await put('zagreb', { weekly: { mon: [['08:00', '12:00'], ['11:00', '16:00']] } });
    expect(overlapping.status).toBe(400);
    expect(((await overlapping.json()) as { detail: string }).detail).toMatch(/08:00–12:00 overlaps 11:00–16:00/);
    const backwards = await put('zagreb', { weekly: { mon: [['16:00', '08:00']] } });
    expect(((await backwards.json()) as { detail: string }).detail).toMatch(/16:00–08:00 closes before it opens/);
    expect((await put('nowhere', { weekly: {} })).status).toBe(404);
    expect((await fixture.app.request('/api/teams/nowhere/calendar')).status).toBe(404);
  });
});
