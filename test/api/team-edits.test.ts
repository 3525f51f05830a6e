// Teams created and edited through the API (admins only), and the calendar of a team the organisation file did not
// create. Over the small fixture: Zagreb Support (zagreb: 10001, 10002, 10004) and Manila Partners (manila, outsourced:
// 10003, 10005), neither an escalation team (test/fixtures/small/README.md).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../pipelines/load.ts';
import { mappingFromJson } from '../../pipelines/mapping/file.ts';
import { useSmallFixtureApp } from '../helpers/small-app.ts';

const fixture = useSmallFixtureApp();

async function send(method: 'POST' | 'PUT', path: string, body: unknown, as = fixture.admin) {
  return as.request(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}
const problem = async (response: Response) => (await response.json()) as { detail: string; issues: Array<{ parameter: string }> };

const night = {
  team_id: 'night', name: 'Night Shift', time_zone: 'America/New_York', provider_kind: 'independent', provider_name: 'Owl Ltd',
  support_level: 2, calendar: { weekly: { mon: [['20:00', '24:00']] }, holidays: [] },
};

describe('POST /api/teams', () => {
  it('creates a team with its calendar', async () => {
    const response = await send('POST', '/api/teams', night);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      team: { team_id: 'night', name: 'Night Shift', time_zone: 'America/New_York', provider_kind: 'independent', provider_name: 'Owl Ltd', support_level: 2, is_escalation_team: false },
      tickets_recomputed: 0,
    });
    const { teams } = (await (await fixture.app.request('/api/teams')).json()) as { teams: Array<{ team_id: string }> };
    expect(teams.map((t) => t.team_id)).toEqual(['manila', 'night', 'zagreb']);
    expect(await (await fixture.admin.request('/api/teams/night/calendar')).json()).toEqual(night.calendar);
  });

  it('refuses a bad field naming it', async () => {
    const zone = await send('POST', '/api/teams', { ...night, team_id: 'x', name: 'X', time_zone: 'Mars/Base' });
    expect(zone.status).toBe(400);
    expect(await problem(zone)).toMatchObject({ detail: 'time_zone: unknown time zone "Mars/Base" (use an IANA name such as Europe/Zagreb)', issues: [{ parameter: 'time_zone' }] });
    const level = await send('POST', '/api/teams', { ...night, team_id: 'x', name: 'X', support_level: 4 });
    expect(level.status).toBe(400);
    expect((await problem(level)).detail).toMatch(/^support_level: /);
    const clock = await send('POST', '/api/teams', { ...night, team_id: 'x', name: 'X', calendar: { weekly: { mon: [['20:00', '25:00']] } } });
    expect((await problem(clock)).detail).toMatch(/^calendar\.weekly\.mon\.0\.1: expected HH:MM/);
    const missing = await send('POST', '/api/teams', { team_id: 'x', name: 'X' });
    expect((await problem(missing)).detail).toMatch(/^time_zone: /);
  });

  it('answers 409 for a taken id or name', async () => {
    const id = await send('POST', '/api/teams', { ...night, name: 'Other' });
    expect(id.status).toBe(409);
    expect(await problem(id)).toMatchObject({ detail: 'team_id: a team "night" exists already', issues: [{ parameter: 'team_id' }] });
    const name = await send('POST', '/api/teams', { ...night, team_id: 'other', name: 'Zagreb Support' });
    expect(name.status).toBe(409);
    expect((await problem(name)).detail).toBe('name: team "zagreb" is named "Zagreb Support" already');
  });

  it('is for admins only', async () => {
    expect((await send('POST', '/api/teams', { ...night, team_id: 'y', name: 'Y' }, fixture.app)).status).toBe(403);
    expect((await send('PUT', '/api/teams/zagreb', {}, fixture.app)).status).toBe(403);
  });
});

describe('PUT /api/teams/:id', () => {
  const manila = { name: 'Manila Partners', time_zone: 'Asia/Manila', provider_kind: 'outsourced', provider_name: 'Manila Contact Partners', support_level: 1, is_escalation_team: false };

  it('changes a team and recomputes its tickets: an escalation team escalates them, a new provider is theirs', async () => {
    const escalated = () => fixture.db.read(`SELECT t.external_id, t.provider_name, f.is_escalated FROM tickets t JOIN ticket_facts f USING (ticket_id) WHERE t.team_id = 'manila' ORDER BY 1`);
    expect(await escalated()).toEqual([
      { external_id: '10003', provider_name: 'Manila Contact Partners', is_escalated: false },
      { external_id: '10005', provider_name: 'Manila Contact Partners', is_escalated: false },
    ]);
    const response = await send('PUT', '/api/teams/manila', { ...manila, provider_name: 'MCP Inc.', is_escalation_team: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ team: { team_id: 'manila', ...manila, provider_name: 'MCP Inc.', is_escalation_team: true }, tickets_recomputed: 2 });
    expect(await escalated()).toEqual([
      { external_id: '10003', provider_name: 'MCP Inc.', is_escalated: true },
      { external_id: '10005', provider_name: 'MCP Inc.', is_escalated: true },
    ]);
    // Its calendar, not given, stays.
    expect((await (await fixture.admin.request('/api/teams/manila/calendar')).json() as { weekly: object }).weekly).toEqual({ mon: [['07:00', '19:00']], sat: [['09:00', '13:00']] });
  });

  it('answers 404 for no such team, 409 for a name another team has, 400 naming a missing field', async () => {
    expect((await send('PUT', '/api/teams/nowhere', manila)).status).toBe(404);
    const taken = await send('PUT', '/api/teams/manila', { ...manila, name: 'Zagreb Support' });
    expect(taken.status).toBe(409);
    expect((await problem(taken)).detail).toBe('name: team "zagreb" is named "Zagreb Support" already');
    const missing = await send('PUT', '/api/teams/manila', { name: 'Manila' });
    expect(missing.status).toBe(400);
    expect((await problem(missing)).detail).toMatch(/^time_zone: /);
  });
});

describe('PUT /api/teams/:id/calendar for a team the organisation file did not create', () => {
  it('saves the calendar of a team a load created, whose id has a space and a slash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-team-edits-'));
    const file = join(dir, 'tickets.csv');
    writeFileSync(file, 'Id,Created,Status,Group\nN1,2026-01-13 09:00:00,open,Field Ops / Nights\n');
    const { mapping } = mappingFromJson({
      source: 'desk', kind: 'tickets', time_zone: 'UTC', fields: { external_id: 'Id', created_at: 'Created', status: 'Status', team: 'Group' }, defaults: { channel: 'email' },
    }, 'mapping');
    expect((await loadFile(fixture.db, { file, mapping })).teamsCreated).toBe(1);
    const id = encodeURIComponent('Field Ops / Nights');
    const response = await fixture.admin.request(`/api/teams/${id}/calendar`, {
      method: 'PUT', body: JSON.stringify({ weekly: { tue: [['08:00', '16:00']] } }), headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ calendar: { weekly: { tue: [['08:00', '16:00']] }, holidays: [] }, tickets_recomputed: 1 });
  });

  it('saves the calendar of a team created through the API', async () => {
    const response = await fixture.admin.request('/api/teams/night/calendar', {
      method: 'PUT', body: JSON.stringify({ weekly: { tue: [['20:00', '24:00']] } }), headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });
});
