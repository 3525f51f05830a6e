// The organisation file as docs/importing.md documents it: the published JSON Schema is the one the zod schema
// generates, the documented example fits it, and loading the example stores what the example says (counted by hand).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { loadOrganisation, type OrganisationSummary } from '../../pipelines/organisation/load.ts';
import { organisationJsonSchema } from '../../pipelines/organisation/json-schema.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';

const committedSchema = readFileSync(new URL('../../docs/organisation.schema.json', import.meta.url), 'utf8');
const importing = readFileSync(new URL('../../docs/importing.md', import.meta.url), 'utf8');

/** The first ```json block of the section "The organisation file". */
function documentedExample(): unknown {
  const section = importing.slice(importing.indexOf('\n## The organisation file\n'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('docs/importing.md: no ```json block in "The organisation file"');
  return JSON.parse(block[1]!);
}

describe('docs/organisation.schema.json', () => {
  it('is what the zod schema generates (npm run docs:organisation)', () => {
    expect(committedSchema).toBe(organisationJsonSchema());
  });

  it('accepts the documented example and the small fixture, and refuses a bad clock', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committedSchema));
    expect(validate(documentedExample()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(readFileSync(`${smallFixture}organisation.json`, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
    const bad = { teams: [{ team_id: 'x', name: 'X', time_zone: 'UTC', provider_kind: 'in_house', calendar: { weekly: { mon: [['08:00', '25:00']] } } }] };
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/teams/0/calendar/weekly/mon/0/1');
  });
});

describe('the documented example', () => {
  let db: Database;
  let summary: OrganisationSummary;
  beforeAll(async () => {
    db = await freshDb();
    const file = join(mkdtempSync(join(tmpdir(), 'servicepulse-org-docs-')), 'organisation.json');
    writeFileSync(file, JSON.stringify(documentedExample()));
    summary = await loadOrganisation(db, file);
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads', () => {
    expect(summary).toEqual({ teams: 2, agents: 3, customers: 2, users: 3, suggestions: 1 });
  });

  it('stores its teams with their defaults', async () => {
    expect(await db.read(`SELECT team_id, name, time_zone, provider_kind, provider_name, support_level::INTEGER AS level, is_escalation_team
                            FROM teams ORDER BY team_id`)).toEqual([
      { team_id: 'l2', name: 'Network Specialists', time_zone: 'Asia/Manila', provider_kind: 'outsourced', provider_name: 'Acme BPO', level: 2, is_escalation_team: true },
      { team_id: 'sd', name: 'Service Desk', time_zone: 'Europe/Zagreb', provider_kind: 'in_house', provider_name: null, level: 1, is_escalation_team: false },
    ]);
  });

  it('stores its calendars: six weekly intervals and two holidays for the desk, two intervals for the specialists', async () => {
    expect(await db.read(`SELECT team_id, weekday::INTEGER AS weekday, opens::VARCHAR AS opens, closes::VARCHAR AS closes FROM calendars ORDER BY team_id, weekday, opens`)).toEqual([
      { team_id: 'l2', weekday: 1, opens: '00:00:00', closes: '24:00:00' },
      { team_id: 'l2', weekday: 6, opens: '09:00:00', closes: '13:00:00' },
      { team_id: 'sd', weekday: 1, opens: '08:00:00', closes: '16:00:00' },
      { team_id: 'sd', weekday: 2, opens: '08:00:00', closes: '16:00:00' },
      { team_id: 'sd', weekday: 3, opens: '08:00:00', closes: '12:00:00' },
      { team_id: 'sd', weekday: 3, opens: '13:00:00', closes: '17:00:00' },
      { team_id: 'sd', weekday: 4, opens: '08:00:00', closes: '16:00:00' },
      { team_id: 'sd', weekday: 5, opens: '08:00:00', closes: '14:00:00' },
    ]);
    expect(await db.read(`SELECT h.day::VARCHAR AS day, h.name, x.opens::VARCHAR AS opens FROM calendar_holidays h
                            LEFT JOIN calendar_holiday_hours x USING (team_id, day) ORDER BY h.day`)).toEqual([
      { day: '2026-12-24', name: 'Christmas Eve', opens: '09:00:00' },
      { day: '2026-12-25', name: 'Christmas Day', opens: null },
    ]);
  });

  it('stores its agents, customers and their flag, policies, users and the suggestion with its vote and comment', async () => {
    expect(await db.read('SELECT agent_id, team_id, support_level::INTEGER AS level, is_bot FROM agents ORDER BY agent_id')).toEqual([
      { agent_id: 'a1', team_id: 'sd', level: 1, is_bot: false },
      { agent_id: 'a2', team_id: 'l2', level: 2, is_bot: false },
      { agent_id: 'bot', team_id: 'sd', level: 1, is_bot: true },
    ]);
    expect(await db.read('SELECT customer_id, kind, organization FROM customers ORDER BY 1')).toEqual([
      { customer_id: 'c1', kind: 'external', organization: 'Horvat d.o.o.' },
      { customer_id: 'c2', kind: 'internal', organization: null },
    ]);
    expect(await db.read('SELECT customer_id, flag, set_by, note FROM customer_flags')).toEqual([{ customer_id: 'c1', flag: 'vip', set_by: 'Ana Kovač', note: 'key account' }]);
    expect(await db.read('SELECT priority, target, target_minutes, hours FROM sla_policies ORDER BY priority')).toEqual([
      { priority: 'normal', target: 'first_response', target_minutes: 240, hours: 'business' },
      { priority: 'urgent', target: 'resolution', target_minutes: 480, hours: 'calendar' },
    ]);
    expect(await db.read('SELECT user_id, role, team_id, agent_id FROM users ORDER BY user_id')).toEqual([
      { user_id: 'admin', role: 'admin', team_id: null, agent_id: null },
      { user_id: 'ana', role: 'agent', team_id: 'sd', agent_id: 'a1' },
      { user_id: 'lead.sd', role: 'lead', team_id: 'sd', agent_id: null },
    ]);
    expect(await db.read(`SELECT s.title, s.status, s.team_id, (SELECT count(*)::INTEGER FROM suggestion_votes) AS votes,
                                 (SELECT count(*)::INTEGER FROM suggestion_comments) AS comments FROM suggestions s`)).toEqual([
      { title: 'Canned answer for password resets', status: 'accepted', team_id: 'sd', votes: 1, comments: 1 },
    ]);
  });
});
