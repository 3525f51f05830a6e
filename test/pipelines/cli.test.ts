// `npm run load` as a person runs it: a child process, its output lines and exit code.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../sql/db.ts';
import { smallFixture } from '../helpers/db.ts';
import { spawnSync } from 'node:child_process';
import { runLoad, withoutTimes } from '../support/run-cli.ts';
import { projectRoot } from '../support/server-process.ts';

function scratch() {
  return mkdtempSync(join(tmpdir(), 'servicepulse-cli-'));
}


async function count(path: string, sql: string) {
  const db = await Database.open(path);
  try {
    return (await db.readOne<{ n: number }>(sql))!.n;
  } finally {
    await db.close();
  }
}


describe('npm run load', () => {
  it('fails clearly on a missing file, a bad option and no arguments', async () => {
    const cases = [
      { args: ['/nonexistent/export.csv'], message: 'servicepulse load: /nonexistent/export.csv: no such file or folder\n' },
      { args: [smallFixture, '--kind', 'invoices'], message: 'servicepulse load: unknown --kind "invoices" (one of tickets, events, messages, feedback)\n' },
      { args: [], message: 'servicepulse load: name at least one file or folder to load. See --help.\n' },
    ];
    for (const { args, message } of cases) {
      const result = await runLoad([...args, '--db', join(scratch(), 'db.duckdb')]);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: message });
    }
  });

  it('loads a messages export with its mapping file, and asks for one with --kind messages alone', async () => {
    const db = join(scratch(), 'db.duckdb');
    const threads = join(projectRoot, 'test/fixtures/messages/threads.csv');
    const result = await runLoad([threads, '--mapping', join(projectRoot, 'test/fixtures/messages/mapping.json'), '--db', db]);
    expect(result.code).toBe(0);
    const lines = withoutTimes(result.stdout).split('\n');
    // The threads answered by AcmeSupport and BetaHelp (the bot's answer names no team) make those two teams.
    expect(lines[0]).toBe('threads.csv: chatdesk messages — 17 read, 10 inserted, 0 updated, 0 unchanged, 7 rejected, 3 tickets created, 2 teams created in T s');
    expect(lines).toContain('  rejected 2× its reply-to links loop back to it: the thread has no first message');
    const unmapped = await runLoad([threads, '--kind', 'messages', '--db', db]);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toMatch(/is not a known messages export.*--print-mapping --kind messages/);
  });

  it('loads a folder in order (organisation, tickets, events, feedback) with one summary per file, then again unchanged', async () => {
    const db = join(scratch(), 'db.duckdb');
    const first = await runLoad([smallFixture, '--db', db]);
    expect(first.code).toBe(0);
    const lines = withoutTimes(first.stdout).split('\n');
    expect(lines[0]).toBe('organisation.json: 2 teams, 3 agents, 2 customers, 2 users, 1 new suggestions');
    expect(lines[1]).toBe('tickets.csv: zendesk tickets — 8 read, 5 inserted, 0 updated, 0 unchanged, 3 rejected in T s');
    expect(lines).toContain('events.csv: servicepulse events — 22 read, 21 inserted, 0 updated, 0 unchanged, 1 rejected in T s');
    expect(lines).toContain('  rejected 1× no ticket with this id from zendesk is loaded');
    expect(lines).toContain('feedback.csv: servicepulse feedback — 4 read, 3 inserted, 0 updated, 0 unchanged, 1 rejected in T s');

    const again = await runLoad([smallFixture, '--db', db]);
    expect(withoutTimes(again.stdout)).toContain('tickets.csv: zendesk tickets — 8 read, 0 inserted, 0 updated, 5 unchanged, 3 rejected in T s');
    expect(await count(db, 'SELECT count(*)::INTEGER AS n FROM tickets')).toBe(5);
  });

  it('--strict refuses the whole file at its first reject; --dry-run stores nothing', async () => {
    const db = join(scratch(), 'db.duckdb');
    const strict = await runLoad([join(smallFixture, 'tickets.csv'), '--strict', '--db', db]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      `servicepulse load: ${join(smallFixture, 'tickets.csv')}: 3 rows rejected with --strict, so nothing was loaded. First: line 8, column "Created at", value "yesterday": unparseable created_at (expected %Y-%m-%d %H:%M:%S)\n`,
    );
    const dry = await runLoad([join(smallFixture, 'tickets.csv'), '--dry-run', '--db', db]);
    // No organisation file: its valid rows' groups (Zagreb Support, Manila Partners) and assignees (Ana Kovač, Jose
    // Santos) would be created.
    expect(withoutTimes(dry.stdout).split('\n')[0]).toBe('tickets.csv: zendesk tickets (dry run, nothing stored) — 8 read, 5 inserted, 0 updated, 0 unchanged, 3 rejected, 2 teams created, 2 agents created in T s');
    expect(await count(db, 'SELECT count(*)::INTEGER AS n FROM tickets')).toBe(0);
    expect(await count(db, `SELECT count(*)::INTEGER AS n FROM loads WHERE status = 'committed'`)).toBe(0);
  });

  it('an unknown export names its columns and the way to a mapping, which then loads it', async () => {
    const dir = scratch();
    const file = join(dir, 'cases.csv');
    writeFileSync(file, 'Case Number;Opened;State;Medium;Summary\n'.replaceAll(';', ',') + 'C-1,03.02.2026 10:00,Open,E-mail,Printer\nC-2,04.02.2026 11:30,Closed,Phone,VPN\n');
    const db = join(dir, 'db.duckdb');
    const unknown = await runLoad([file, '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `servicepulse load: ${file}: is not a known export. Columns found: "Case Number", "Opened", "State", "Medium", "Summary". Write a mapping file (start from \`npm run -s load -- ${file} --print-mapping > mapping.json\`) and pass it with --mapping.\n`,
    );
    const skeleton = JSON.parse((await runLoad([file, '--print-mapping', '--db', db])).stdout);
    expect(skeleton.fields).toEqual({ external_id: 'Case Number', created_at: 'Opened', status: 'State', channel: 'Medium', subject: 'Summary' });
    // The command the error names, through npm as a person types it: its output is the JSON alone, no npm banner.
    const throughNpm = spawnSync('npm', ['run', '-s', 'load', '--', file, '--print-mapping', '--db', db], { cwd: projectRoot, encoding: 'utf8' });
    expect(JSON.parse(throughNpm.stdout)).toEqual(skeleton);

    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({
      source: 'acme', kind: 'tickets', timestamp_format: '%d.%m.%Y %H:%M', time_zone: 'Europe/Zagreb',
      fields: {
        external_id: 'Case Number', created_at: 'Opened', subject: 'Summary',
        status: { column: 'State', values: { Open: 'open', Closed: 'closed' } },
        channel: { column: 'Medium', values: { 'E-mail': 'email', Phone: 'phone' } },
      },
    }));
    const loaded = await runLoad([file, '--mapping', mapping, '--db', db]);
    // C-2 is Closed with no time of closing in the export: the load says what that means for it.
    expect(withoutTimes(loaded.stdout)).toBe(
      'cases.csv: acme tickets — 2 read, 2 inserted, 0 updated, 0 unchanged, 0 rejected in T s\n' +
        '  warning: 1 ticket is solved or closed without a solve or closing time in this file: until an event log dates ' +
        'its solve, it counts in no backlog and no resolution time\n',
    );
    const zagreb = await Database.open(db);
    try {
      // 03.02.2026 10:00 in Zagreb (UTC+1) is 09:00 UTC.
      expect(await zagreb.read(`SELECT external_id, status, channel, strftime(created_at, '%Y-%m-%d %H:%M') AS utc FROM tickets ORDER BY 1`)).toEqual([
        { external_id: 'C-1', status: 'open', channel: 'email', utc: '2026-02-03 09:00' },
        { external_id: 'C-2', status: 'closed', channel: 'phone', utc: '2026-02-04 10:30' },
      ]);
    } finally {
      await zagreb.close();
    }
  });

  it('an XES log: its skeleton lists the activities to map; --source xes knows canonical kinds; a folder includes .xes', async () => {
    const dir = scratch();
    const db = join(dir, 'db.duckdb');
    const xes = join(projectRoot, 'test/fixtures/xes/');
    const skeleton = JSON.parse((await runLoad([join(xes, 'tickets.xes'), '--print-mapping', '--db', db])).stdout);
    expect(skeleton.fields).toEqual({
      ticket_external_id: 'case:concept:name', occurred_at: 'time:timestamp', actor: 'org:resource',
      kind: { column: 'concept:name', values: { 'Insert ticket': '?', 'Resolve ticket': '?', 'Take in charge ticket': '?' } },
    });
    const unmapped = join(dir, 'unmapped.json');
    writeFileSync(unmapped, JSON.stringify(skeleton));
    const refused = await runLoad([join(xes, 'tickets.xes'), '--mapping', unmapped, '--db', db]);
    expect(refused.stderr).toMatch(/field "kind" maps "Insert ticket" to "\?", which is not one of created, agent_reply, /);

    const builtIn = await runLoad([join(xes, 'canonical-kinds.xes'), '--source', 'xes', '--db', db]);
    expect(withoutTimes(builtIn.stdout).split('\n')[0]).toBe('canonical-kinds.xes: xes events — 4 read, 3 inserted, 0 updated, 0 unchanged, 1 rejected, 1 ticket created, 1 agent created in T s');
    const folder = await runLoad([xes, '--mapping', join(projectRoot, 'pipelines/mappings/helpdesk-italian-xes.json'), '--db', join(dir, 'folder.duckdb')]);
    expect(folder.stderr).toMatch(/malformed\.xes: is not well-formed XML: line 7/);
  });
});
