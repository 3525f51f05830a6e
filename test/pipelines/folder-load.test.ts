// A run's exports (a folder, or several files named) are one load (pipelines/load.ts `loadFiles`): stored whole or
// not at all, the facts computed once over every file, each file with its own `loads` row and summary. Checked
// against the same files loaded one by one: every stored table equal, row for row.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { Database } from '../../sql/db.ts';
import { migrate } from '../../sql/migrate.ts';
import { bigEventsOnBigTickets, bigTicketsExport } from '../helpers/big-exports.ts';
import { runLoad, withoutTimes } from '../support/run-cli.ts';
import { projectRoot } from '../support/server-process.ts';
import { formatSummary } from '../../pipelines/summary-line.ts';
import { loadFile, loadFiles, type LoadRequest } from '../../pipelines/load.ts';
import { mappingFromFile } from '../../pipelines/mapping/file.ts';
import { loadOrganisation } from '../../pipelines/organisation/load.ts';
import { servicepulseEvents, servicepulseFeedback } from '../../pipelines/sources/servicepulse.ts';
import { zendeskTickets } from '../../pipelines/sources/zendesk.ts';
import { freshDb, loadSmallFixture, smallFixture } from '../helpers/db.ts';

const facts = vi.hoisted(() => ({ computed: 0 }));
vi.mock('../../sql/facts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../sql/facts.ts')>();
  return {
    ...real,
    computeFacts: (...args: Parameters<typeof real.computeFacts>) => {
      facts.computed += 1;
      return real.computeFacts(...args);
    },
  };
});

afterEach(() => {
  facts.computed = 0;
});

const italianXes = () => JSON.parse(readFileSync(join(projectRoot, 'pipelines/mappings/helpdesk-italian-xes.json'), 'utf8'));

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'servicepulse-folder-'));
}

/** The small fixture's exports, in load order; `dir` holds copies the test may spoil. */
function fixtureRequests(dir = smallFixture, options: Partial<LoadRequest> = {}): LoadRequest[] {
  return [
    { file: join(dir, 'tickets.csv'), mapping: zendeskTickets, ...options },
    { file: join(dir, 'events.csv'), mapping: servicepulseEvents, source: 'zendesk', ...options },
    { file: join(dir, 'feedback.csv'), mapping: servicepulseFeedback, source: 'zendesk', ...options },
  ];
}

/** The fixture's tickets again, one reworded and one new (10009), and events on stored, changed and new tickets. */
function secondExports(dir: string): LoadRequest[] {
  const [header, first, second] = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n');
  writeFileSync(
    join(dir, 'tickets.csv'),
    [
      header,
      first!.replace('Invoice twice', 'Invoice charged twice'),
      second!.replace(/^10002,/, '10009,').replace('Ana Kovač,Ana Kovač,Zagreb Support', 'Ana Kovač,New Agent,New Team'),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'events.csv'),
    `ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value
10001,2026-01-06T09:00:00Z,reopened,c1,customer,,
10001,2026-01-06T10:00:00Z,solved,a1,agent,,
10009,2026-01-20T09:00:00Z,created,c9,customer,,
10009,2026-01-20T09:30:00Z,agent_reply,Other Agent,agent,,
10002,2026-01-21T09:00:00Z,internal_note,a1,agent,,
`,
  );
  return [
    { file: join(dir, 'tickets.csv'), mapping: zendeskTickets },
    { file: join(dir, 'events.csv'), mapping: servicepulseEvents, source: 'zendesk' },
  ];
}

/** Columns that differ between one load and several by design: when, and which of the run's loads wrote a fact. */
const notCompared: Record<string, string[]> = {
  loads: ['started_at', 'finished_at', 'sha256'],
  ticket_facts: ['load_id'],
  ticket_solved_gaps: ['load_id'],
  data_state: ['version', 'changed_at'],
  // The data version a run bumps once per load: once for the files together, once per file apart.
  goal_snapshot_state: ['data_version', 'judged_at'],
};

/** Every table of the database but the applied migrations and the users (random tokens), each row by row in a fixed order. */
async function everyTable(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await db.read<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND table_name NOT IN ('schema_migrations', 'users') ORDER BY table_name",
  );
  const contents: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const skipped = notCompared[name] ?? [];
    const columns = (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM duckdb_columns() WHERE table_name = $name', { name }))!.n;
    // A table of nothing but such columns: how many rows it has.
    contents[name] = await db.read(
      columns === skipped.length
        ? `SELECT count(*)::INTEGER AS rows FROM "${name}"`
        : `SELECT * ${skipped.length > 0 ? `EXCLUDE (${skipped.join(', ')})` : ''} FROM "${name}" ORDER BY ALL`,
    );
  }
  return contents;
}

/** Table by table, so that a difference names its table. */
function expectSameTables(actual: Record<string, unknown[]>, expected: Record<string, unknown[]>) {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const name of Object.keys(expected)) expect({ [name]: actual[name] }).toEqual({ [name]: expected[name] });
}

async function oneByOne(db: Database, requests: LoadRequest[]) {
  const summaries = [];
  for (const request of requests) summaries.push(await loadFile(db, request));
  return summaries;
}

const comparable = (summary: { seconds: number }) => ({ ...summary, seconds: 0 });

describe('a folder is one load', () => {
  it.each([
    ['with its organisation file', true],
    ['without it: both files create the teams and agents they name, once', false],
  ])('stores what its files loaded one by one store, table for table (%s)', async (_, organisation) => {
    const dir = scratch();
    const second = secondExports(dir);
    const apart = await freshDb();
    const together = await freshDb();
    try {
      for (const db of [apart, together]) if (organisation) await loadOrganisation(db, join(smallFixture, 'organisation.json'));
      const apartSummaries = [...(await oneByOne(apart, fixtureRequests())), ...(await oneByOne(apart, second))];
      const togetherSummaries = [...(await loadFiles(together, fixtureRequests())), ...(await loadFiles(together, second))];
      expect(togetherSummaries.map(comparable)).toEqual(apartSummaries.map(comparable));
      expect(togetherSummaries.map((summary) => summary.loadId)).toEqual([1, 2, 3, 4, 5]);
      expectSameTables(await everyTable(together), await everyTable(apart));
      // The second run updates a ticket, inserts one, and adds events to both and to a ticket it does not name.
      expect(togetherSummaries.slice(3).map(({ inserted, updated }) => ({ inserted, updated }))).toEqual([
        { inserted: 1, updated: 1 },
        { inserted: 5, updated: 0 },
      ]);
    } finally {
      await apart.close();
      await together.close();
    }
  });

  it('computes the facts once, over every file', async () => {
    const db = await freshDb();
    try {
      await loadOrganisation(db, join(smallFixture, 'organisation.json'));
      await loadFiles(db, fixtureRequests());
      expect(facts.computed).toBe(1);
      // Every fact carries the load of the last file that touched tickets: the events file.
      expect(await db.read('SELECT DISTINCT load_id FROM ticket_facts')).toEqual([{ load_id: '2' }]);
    } finally {
      await db.close();
    }
  });

  it('stores nothing of any file when the last one fails, and records that one as failed', async () => {
    const dir = scratch();
    for (const name of ['tickets.csv', 'events.csv']) copyFileSync(join(smallFixture, name), join(dir, name));
    writeFileSync(join(dir, 'feedback.csv'), 'feedback_id,ticket_id,submitted_at,kind,score,scale_max,comment,channel\nf1,10001,2026-01-06T08:00:00Z,csat,5,5,"never closed\n');
    const db = await freshDb();
    try {
      await expect(loadFiles(db, fixtureRequests(dir))).rejects.toThrow(/feedback\.csv/);
      expect(await db.read(
        `SELECT (SELECT count(*) FROM tickets)::INTEGER AS tickets, (SELECT count(*) FROM ticket_events)::INTEGER AS events,
                (SELECT count(*) FROM ticket_facts)::INTEGER AS facts, (SELECT count(*) FROM load_rejects)::INTEGER AS rejects`,
      )).toEqual([{ tickets: 0, events: 0, facts: 0, rejects: 0 }]);
      expect(await db.read('SELECT load_id, file, status FROM loads')).toEqual([{ load_id: '1', file: 'feedback.csv', status: 'failed' }]);
    } finally {
      await db.close();
    }
  });

  it('with --strict, a reject in the second file stores nothing and names its line and column', async () => {
    const db = await freshDb();
    try {
      await loadOrganisation(db, join(smallFixture, 'organisation.json'));
      const strict = fixtureRequests(smallFixture, { strict: true });
      // The tickets file's rejects are left out, so that the events file is the first to refuse.
      const tickets = scratch();
      writeFileSync(join(tickets, 'tickets.csv'), `${readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n').slice(0, 6).join('\n')}\n`);
      strict[0] = { ...strict[0]!, file: join(tickets, 'tickets.csv') };
      // The events of tickets left out, counted over the files' lines.
      const kept = new Set(readFileSync(join(tickets, 'tickets.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]));
      const orphans = readFileSync(join(smallFixture, 'events.csv'), 'utf8').trim().split('\n')
        .map((line, index) => ({ line: index + 1, ticket: line.split(',')[0]! }))
        .slice(1).filter(({ ticket }) => !kept.has(ticket));
      await expect(loadFiles(db, strict)).rejects.toThrow(
        `events.csv: ${orphans.length} rows rejected with --strict, so nothing was loaded. First: line ${orphans[0]!.line}, ` +
          `column "ticket_id", value "${orphans[0]!.ticket}": no ticket with this id from zendesk is loaded`,
      );
      expect(await db.read('SELECT (SELECT count(*) FROM tickets)::INTEGER AS tickets, (SELECT count(*) FROM feedback)::INTEGER AS feedback')).toEqual([
        { tickets: 0, feedback: 0 },
      ]);
      expect(await db.read('SELECT file, status FROM loads')).toEqual([{ file: 'events.csv', status: 'failed' }]);
    } finally {
      await db.close();
    }
  });

  it('a dry run reports every file and stores nothing', async () => {
    const db = await freshDb();
    const apart = await freshDb();
    try {
      await loadOrganisation(db, join(smallFixture, 'organisation.json'));
      await loadOrganisation(apart, join(smallFixture, 'organisation.json'));
      const before = await everyTable(db);
      const dry = await loadFiles(db, fixtureRequests(smallFixture, { dryRun: true }));
      const loaded = await loadFiles(apart, fixtureRequests());
      expect(dry.map((summary) => ({ ...comparable(summary), dryRun: false }))).toEqual(loaded.map(comparable));
      expectSameTables(await everyTable(db), before);
    } finally {
      await db.close();
      await apart.close();
    }
  });
});

describe('a folder killed part-way', () => {
  it('leaves every table as it was, though its first file\'s rows were written inside the transaction', async () => {
    const dir = scratch();
    const path = join(dir, 'sp.duckdb');
    const db = await Database.open(path);
    await migrate(db);
    await loadSmallFixture(db);
    const before = await everyTable(db);
    await db.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/load-in-child.ts', path, bigTicketsExport(dir), 'folder', bigEventsOnBigTickets(dir)],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('step writing')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`child ended before it was killed: ${output}`)));
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(child.signalCode).toBe('SIGKILL');
    expect(output).not.toContain('loaded');

    const reopened = await Database.open(path);
    try {
      expectSameTables(await everyTable(reopened), before);
    } finally {
      await reopened.close();
    }
  });
});

describe('npm run load -- folder/', () => {
  it('prints each file\'s summary line; a file that fails stores nothing of the folder and says which', async () => {
    const dir = scratch();
    for (const name of ['organisation.json', 'tickets.csv', 'events.csv', 'feedback.csv']) copyFileSync(join(smallFixture, name), join(dir, name));
    const path = join(dir, 'sp.duckdb');
    const loaded = await runLoad([dir, '--db', path]);
    expect(loaded.code).toBe(0);
    // The files loaded one by one, for the lines the folder must print.
    const apart = await freshDb();
    let lines: string[];
    try {
      await loadOrganisation(apart, join(smallFixture, 'organisation.json'));
      lines = (await oneByOne(apart, fixtureRequests(dir))).map((summary, index) => formatSummary(summary, fixtureRequests()[index]!.mapping));
    } finally {
      await apart.close();
    }
    expect(withoutTimes(loaded.stdout)).toBe(withoutTimes(`organisation.json: 2 teams, 3 agents, 2 customers, 2 users, 1 new suggestions\n${lines.join('\n')}\n`));

    // Again with --strict, a new ticket, and the fixture's feedback, one row of which is rejected: its file fails at the
    // end of the load, and the folder's new ticket is not stored either.
    const second = scratch();
    const [header, first, row] = readFileSync(join(smallFixture, 'tickets.csv'), 'utf8').split('\n');
    writeFileSync(join(second, 'tickets.csv'), `${header}\n${first!.replace('Invoice twice', 'Invoice charged twice')}\n${row!.replace(/^10002,/, '10009,')}\n`);
    writeFileSync(join(second, 'events.csv'), 'ticket_id,occurred_at,kind,actor_id,actor_kind,from_value,to_value\n10009,2026-01-20T09:00:00Z,created,c2,customer,,\n');
    copyFileSync(join(smallFixture, 'feedback.csv'), join(second, 'feedback.csv'));
    const failed = await runLoad([second, '--strict', '--db', path]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`^servicepulse load: ${join(second, 'feedback.csv')}: 1 row rejected with --strict`));
    const db = await Database.open(path);
    try {
      expect(await db.read("SELECT count(*)::INTEGER AS n FROM tickets WHERE external_id = '10009'")).toEqual([{ n: 0 }]);
      expect(await db.read('SELECT file, status FROM loads ORDER BY load_id')).toEqual([
        { file: 'tickets.csv', status: 'committed' },
        { file: 'events.csv', status: 'committed' },
        { file: 'feedback.csv', status: 'committed' },
        { file: 'feedback.csv', status: 'failed' },
      ]);
    } finally {
      await db.close();
    }
  });
});

describe('an event log that creates its tickets, with feedback on them', () => {
  const xes = join(smallFixture, '../xes/tickets.xes');
  const requests = (feedback: string): LoadRequest[] => [
    { file: xes, mapping: mappingFromFile(italianXes(), 'shipped mapping').mapping },
    { file: feedback, mapping: servicepulseFeedback, source: 'helpdesk_it' },
  ];
  const feedbackOn = (dir: string, rows: string) => {
    const file = join(dir, 'feedback.csv');
    writeFileSync(file, `feedback_id,ticket_id,submitted_at,kind,score,scale_max,comment,channel\n${rows}`);
    return file;
  };

  it('is one load: what the files store one by one, or nothing when the feedback fails', async () => {
    const dir = scratch();
    const feedback = feedbackOn(dir, 'f1,T-1,2026-01-20T08:00:00Z,csat,4,5,Fine,email\nf2,T-2,2026-01-21T08:00:00Z,csat,9,5,Off the scale,email\n');
    const apart = await freshDb();
    const together = await freshDb();
    const strict = await freshDb();
    try {
      const apartSummaries = await oneByOne(apart, requests(feedback));
      expect((await loadFiles(together, requests(feedback))).map(comparable)).toEqual(apartSummaries.map(comparable));
      expectSameTables(await everyTable(together), await everyTable(apart));
      // The feedback file's row off its scale, strict for that file: the event log's tickets are not stored either.
      const [log, answers] = requests(feedback);
      await expect(loadFiles(strict, [log!, { ...answers!, strict: true }])).rejects.toThrow(/feedback\.csv: 1 row rejected with --strict/);
      expect(await strict.read('SELECT (SELECT count(*) FROM tickets)::INTEGER AS tickets, (SELECT count(*) FROM ticket_events)::INTEGER AS events')).toEqual([
        { tickets: 0, events: 0 },
      ]);
    } finally {
      await apart.close();
      await together.close();
      await strict.close();
    }
  });
});
