// The import API through app.request(): uploads streamed to a temporary import folder, path imports
// confined to it, background loads followed step by step, and the history of loads with their rejects.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { ImportListResponse, ImportResponse, RejectsResponse } from '../../api/contracts.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const ticketsCsv = readFileSync(join(smallFixture, 'tickets.csv'));
const importDir = mkdtempSync(join(tmpdir(), 'servicepulse-imports-'));
const outsideDir = mkdtempSync(join(tmpdir(), 'servicepulse-outside-'));
const changes: Array<{ id: string; state: string; step: string | null }> = [];

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await freshDb();
  app = await signedIn(
    createApp({
      db,
      logError: (error) => {
        throw error;
      },
      imports: { folder: importDir, uploadLimitBytes: 64 * 1024, onChange: (job) => changes.push({ id: job.id, state: job.state, step: job.step }) },
    }),
    db,
  );
});
afterAll(async () => {
  await db.close();
});

function form(file: { name: string; bytes: Uint8Array | string }, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', new Blob([file.bytes as BlobPart]), file.name);
  return body;
}

function post(body: FormData | object, target = app) {
  return body instanceof FormData
    ? target.request('/api/imports', { method: 'POST', body })
    : target.request('/api/imports', { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

async function finished(id: string): Promise<ImportResponse> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const job = (await (await app.request(`/api/imports/${id}`)).json()) as ImportResponse;
    if (!['queued', 'loading'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

async function problem(response: Response, status: number) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as { status: number; title: string; detail: string; [key: string]: unknown };
  expect(body.status).toBe(status);
  expect(response.status).toBe(status);
  return body;
}

/** What a refused import must not change. */
async function storedState() {
  return db.readOne<{ loads: number; tickets: number; rejects: number }>(
    `SELECT (SELECT count(*) FROM loads)::INTEGER AS loads, (SELECT count(*) FROM tickets)::INTEGER AS tickets,
            (SELECT count(*) FROM load_rejects)::INTEGER AS rejects`,
  );
}

const uploadsLeft = () => readdirSync(join(importDir, 'uploads'));

describe('POST /api/imports with a file', () => {
  it('loads the small fixture in the background: 202 with Location, then committed with the README counts', async () => {
    const response = await post(form({ name: 'tickets.csv', bytes: ticketsCsv }));
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as ImportResponse;
    expect(response.headers.get('location')).toBe(`/api/imports/${accepted.id}`);
    expect(accepted).toMatchObject({ state: 'queued', step: null, file: 'tickets.csv', bytes: ticketsCsv.length, format: 'zendesk', kind: 'tickets' });

    const done = await finished(accepted.id);
    // README: five valid tickets; lines 8, 9 and 10 rejected.
    expect(done).toMatchObject({ state: 'committed', step: 'facts', rows: { read: 8, inserted: 5, updated: 0, unchanged: 0, rejected: 3 }, error: null });
    // The fixture's 8 records, read in full: the load reached the end of its last phase.
    expect(done.progress).toMatchObject({ phase: 'computing facts', fraction: 1, rows: 8, bytes_read: ticketsCsv.length });
    // No organisation file here: the valid rows' two groups and two assignees are created (docs/importing.md).
    expect(done.summary).toMatchObject({ file: 'tickets.csv', source: 'zendesk', kind: 'tickets', rowsRead: 8, inserted: 5, rejected: 3, teamsCreated: 2, agentsCreated: 2 });
    expect(done.links).toEqual({ self: `/api/imports/${accepted.id}`, rejects: `/api/imports/${done.load_id}/rejects` });
    expect(await db.readOne('SELECT count(*)::INTEGER AS n FROM tickets')).toEqual({ n: 5 });
    expect(changes.filter((c) => c.id === accepted.id).map((c) => `${c.state}${c.step ? `:${c.step}` : ''}`)).toEqual([
      'queued', 'loading', 'loading:read', 'loading:validated', 'loading:merged', 'loading:facts', 'committed:facts',
    ]);
    expect(uploadsLeft()).toEqual([]); // the upload is removed once loaded
  });

  it('a second upload queues behind the first; loading it again reports every row unchanged', async () => {
    const [first, second] = await Promise.all([post(form({ name: 'tickets.csv', bytes: ticketsCsv })), post(form({ name: 'again.csv', bytes: ticketsCsv }))]);
    const accepted = [((await first.json()) as ImportResponse).id, ((await second.json()) as ImportResponse).id];
    const ids = changes.filter((c) => accepted.includes(c.id) && c.state === 'queued').map((c) => c.id); // in arrival order
    const [a, b] = [await finished(ids[0]!), await finished(ids[1]!)];
    expect([a.rows, b.rows]).toEqual([
      { read: 8, inserted: 0, updated: 0, unchanged: 5, rejected: 3 },
      { read: 8, inserted: 0, updated: 0, unchanged: 5, rejected: 3 },
    ]);
    // One at a time: the second started loading only after the first finished.
    const order = changes.filter((c) => ids.includes(c.id) && (c.state === 'loading' && c.step === null || c.state === 'committed'));
    expect(order.map((c) => [ids.indexOf(c.id), c.state])).toEqual([[0, 'loading'], [0, 'committed'], [1, 'loading'], [1, 'committed']]);
  });

  it('takes a mapping file, time zone and dry run as form fields', async () => {
    const cases = 'Case Number,Opened,State,Medium,Summary\nC-1,03.02.2026 10:00,Open,E-mail,Printer\nC-2,04.02.2026 11:30,Closed,Phone,VPN\n';
    const mapping = JSON.stringify({
      source: 'acme', kind: 'tickets', timestamp_format: '%d.%m.%Y %H:%M',
      fields: {
        external_id: 'Case Number', created_at: 'Opened', subject: 'Summary',
        status: { column: 'State', values: { Open: 'open', Closed: 'closed' } },
        channel: { column: 'Medium', values: { 'E-mail': 'email', Phone: 'phone' } },
      },
    });
    const dry = await finished(((await (await post(form({ name: 'cases.csv', bytes: cases }, { mapping, dry_run: 'true' }))).json()) as ImportResponse).id);
    expect(dry).toMatchObject({ state: 'dry_run', load_id: null, rows: { read: 2, inserted: 2, rejected: 0 }, links: { rejects: null } });
    expect(await db.readOne(`SELECT count(*)::INTEGER AS n FROM tickets WHERE source = 'acme'`)).toEqual({ n: 0 });

    const real = await finished(((await (await post(form({ name: 'cases.csv', bytes: cases }, { mapping, timezone: 'Europe/Zagreb' }))).json()) as ImportResponse).id);
    expect(real).toMatchObject({ state: 'committed', format: 'acme', rows: { read: 2, inserted: 2 } });
    // 03.02.2026 10:00 in Zagreb (UTC+1) is 09:00 UTC.
    expect(await db.read(`SELECT external_id, strftime(created_at, '%Y-%m-%d %H:%M') AS utc FROM tickets WHERE source = 'acme' ORDER BY 1`)).toEqual([
      { external_id: 'C-1', utc: '2026-02-03 09:00' },
      { external_id: 'C-2', utc: '2026-02-04 10:30' },
    ]);
  });

  it('a load that fails in the background says why, naming the file as uploaded', async () => {
    const before = await storedState();
    const accepted = (await (await post(form({ name: 'tickets.csv', bytes: ticketsCsv }, { timezone: 'Mars/Olympus_Mons' }))).json()) as ImportResponse;
    const failed = await finished(accepted.id);
    const why = 'tickets.csv: unknown time zone "Mars/Olympus_Mons" (use an IANA name such as Europe/Zagreb)';
    expect(failed).toMatchObject({ state: 'failed', rows: null, error: why });
    // The load history keeps the same message, without the upload's place on the server.
    const recorded = await db.readOne<{ load_id: number; error: string }>('SELECT load_id::INTEGER AS load_id, error FROM loads ORDER BY load_id DESC LIMIT 1');
    expect(recorded!.error).toBe(why);
    expect(((await (await app.request(`/api/imports/${recorded!.load_id}`)).json()) as ImportResponse).error).toBe(why);
    const after = await storedState();
    expect({ ...after, loads: after!.loads - 1 }).toEqual(before); // only the record of the failed attempt
    expect(uploadsLeft()).toEqual([]);
  });
});

describe('POST /api/imports refuses bad input, storing nothing and leaving no file', () => {
  const cases: Array<{ title: string; body: () => FormData | object; status: number; detail: RegExp }> = [
    {
      title: 'a binary file with an export name',
      body: () => form({ name: 'tickets.csv', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 0x08]) }),
      status: 415,
      detail: /^tickets\.csv: is a binary file, not a CSV export \(it contains NUL bytes\)$/,
    },
    { title: 'an empty file', body: () => form({ name: 'tickets.csv', bytes: '' }), status: 415, detail: /^tickets\.csv: is empty \(0 bytes\)$/ },
    { title: 'a file type that is no export', body: () => form({ name: 'report.pdf', bytes: '%PDF-1.7' }), status: 415, detail: /^"report\.pdf" is not an export ServicePulse reads\. Accepted: \.csv, \.tsv/ },
    {
      title: 'an export of unknown columns without a mapping',
      body: () => form({ name: 'cases.csv', bytes: 'Case Number,Opened\nC-1,03.02.2026\n' }),
      status: 422,
      detail: /^cases\.csv: is not a known export\. Columns found: "Case Number", "Opened"\./,
    },
    { title: 'an unknown form field', body: () => form({ name: 'tickets.csv', bytes: ticketsCsv }, { colour: 'red' }), status: 400, detail: /colour/ },
    { title: 'a flag that is not one', body: () => form({ name: 'tickets.csv', bytes: ticketsCsv }, { strict: 'maybe' }), status: 400, detail: /^strict: / },
    {
      title: 'a mapping with a typo',
      body: () => form({ name: 'tickets.csv', bytes: ticketsCsv }, { mapping: JSON.stringify({ source: 'acme', kind: 'tickets', fields: { external_idd: 'ID' } }) }),
      status: 400,
      detail: /^mapping: unknown tickets field "external_idd" \(did you mean "external_id"\?\)/,
    },
    { title: 'a mapping that is not JSON', body: () => form({ name: 'tickets.csv', bytes: ticketsCsv }, { mapping: '{ source: acme' }), status: 400, detail: /^mapping: not JSON/ },
    { title: 'a form without a file', body: () => Object.assign(new FormData(), {}), status: 400, detail: /no "file" field/ },
    { title: 'a path that climbs out with ..', body: () => ({ path: '../outside.csv' }), status: 400, detail: /^"\.\.\/outside\.csv" contains "\.\.": name a file inside the import folder, relative to it\.$/ },
    { title: 'an absolute path elsewhere', body: () => ({ path: join(smallFixture, 'tickets.csv') }), status: 403, detail: /is not inside the import folder \(SERVICEPULSE_IMPORT_DIR\)/ },
    { title: 'a symlink in the import folder that leads out', body: () => ({ path: 'linked.csv' }), status: 403, detail: /^"linked\.csv" is not inside the import folder \(SERVICEPULSE_IMPORT_DIR\); put the file there/ },
    { title: 'a symlinked folder that leads out', body: () => ({ path: 'elsewhere/tickets.csv' }), status: 403, detail: /is not inside the import folder/ },
    { title: 'a missing file', body: () => ({ path: 'nope.csv' }), status: 404, detail: /^There is no file "nope\.csv" in the import folder\.$/ },
    { title: 'a path with extra keys', body: () => ({ path: 'tickets.csv', delete: true }), status: 400, detail: /delete/ },
  ];

  beforeAll(() => {
    writeFileSync(join(outsideDir, 'tickets.csv'), ticketsCsv);
    symlinkSync(join(outsideDir, 'tickets.csv'), join(importDir, 'linked.csv'));
    symlinkSync(outsideDir, join(importDir, 'elsewhere'));
  });

  for (const { title, body, status, detail } of cases) {
    it(title, async () => {
      const before = await storedState();
      const refused = await problem(await post(body()), status);
      expect(refused.detail).toMatch(detail);
      // Where the import folder lies on the server is not the client's to learn.
      expect(JSON.stringify(refused)).not.toContain(importDir);
      expect(await storedState()).toEqual(before);
      expect(uploadsLeft()).toEqual([]);
    });
  }

  it('a JSON request that is not JSON, or too large to be a path import', async () => {
    const headers = { 'Content-Type': 'application/json' };
    expect((await problem(await app.request('/api/imports', { method: 'POST', body: '{"path": ', headers }), 400)).detail).toBe('The body is not JSON.');
    const huge = JSON.stringify({ path: 'tickets.csv', mapping: 'x'.repeat(3 * 1024 * 1024) });
    expect((await problem(await app.request('/api/imports', { method: 'POST', body: huge, headers }), 413)).detail).toMatch(/at most 2 MiB/);
  });

  it('a request that is neither a form nor JSON', async () => {
    const response = await app.request('/api/imports', { method: 'POST', body: 'ID,Subject\n', headers: { 'Content-Type': 'text/csv' } });
    expect((await problem(response, 415)).detail).toMatch(/multipart\/form-data/);
  });

  it('a file over the size limit is cut off while streaming: 413, no file left, nothing stored', async () => {
    const limited = await signedIn(createApp({ db, imports: { folder: importDir, uploadLimitBytes: 1000 } }), db);
    const before = await storedState();
    const refused = await problem(await post(form({ name: 'tickets.csv', bytes: ticketsCsv }), limited), 413);
    expect(ticketsCsv.length).toBeGreaterThan(1000);
    expect(refused).toMatchObject({ title: 'Upload too large', limit_bytes: 1000 });
    expect(refused.detail).toMatch(/larger than this server's upload limit of 1000 bytes/);
    expect(uploadsLeft()).toEqual([]);
    expect(await storedState()).toEqual(before);
  });

  it('a declared length over the limit is refused before the body is read', async () => {
    const limited = await signedIn(createApp({ db, imports: { folder: importDir, uploadLimitBytes: 1000 } }), db);
    const body = new ReadableStream({ pull: () => Promise.reject(new Error('the body must not be read')) });
    const response = await limited.request('/api/imports', {
      method: 'POST', body, duplex: 'half',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(10 * 1024 ** 3) },
    } as RequestInit);
    expect((await problem(response, 413)).title).toBe('Upload too large');
  });
});

describe('POST /api/imports with a path in the import folder', () => {
  it('loads it, and leaves the file where it was', async () => {
    mkdirSync(join(importDir, 'exports'), { recursive: true });
    writeFileSync(join(importDir, 'exports', 'feedback.csv'), readFileSync(join(smallFixture, 'feedback.csv')));
    const response = await post({ path: 'exports/feedback.csv', for_source: 'zendesk' });
    expect(response.status).toBe(202);
    const done = await finished(((await response.json()) as ImportResponse).id);
    // README: feedback.csv line 5 has NPS 11 on a 0–10 scale; the other three load.
    expect(done).toMatchObject({ state: 'committed', file: 'feedback.csv', format: 'servicepulse', source: 'zendesk', kind: 'feedback', rows: { read: 4, inserted: 3, rejected: 1 } });
    expect(readdirSync(join(importDir, 'exports'))).toEqual(['feedback.csv']);
  });
});

describe('GET /api/imports and its rejects', () => {
  it('lists past loads newest first with their top reject reasons, page by page', async () => {
    const loads = await db.read<{ load_id: number; status: string }>('SELECT load_id::INTEGER AS load_id, status FROM loads ORDER BY load_id DESC');
    const page1 = (await (await app.request('/api/imports?limit=2')).json()) as ImportListResponse;
    expect(page1.imports.map((i) => [i.load_id, i.state])).toEqual(loads.slice(0, 2).map((l) => [l.load_id, l.status]));
    expect(page1.next_cursor).toBe(String(loads[1]!.load_id));
    const rest = (await (await app.request(`/api/imports?limit=500&cursor=${page1.next_cursor}`)).json()) as ImportListResponse;
    expect(rest.imports.map((i) => i.load_id)).toEqual(loads.slice(2).map((l) => l.load_id));
    expect(rest.next_cursor).toBeNull();

    const first = rest.imports.at(-1)!;
    expect(first).toMatchObject({ file: 'tickets.csv', state: 'committed', source: 'zendesk', rows: { read: 8, inserted: 5, rejected: 3 } });
    expect(first.top_rejects).toHaveLength(3);
    expect(first.top_rejects.map((r) => r.count)).toEqual([1, 1, 1]);
    expect(first.links.rejects).toBe(`/api/imports/${first.load_id}/rejects`);
    expect((await (await app.request(`/api/imports/${first.load_id}`)).json()) as ImportResponse).toEqual(first);
  });

  it('gives a load\'s rejects with line, column, value and reason, in line order', async () => {
    const first = ((await (await app.request('/api/imports?limit=500')).json()) as ImportListResponse).imports.at(-1)!;
    const page1 = (await (await app.request(`${first.links.rejects}?limit=2`)).json()) as RejectsResponse;
    expect(page1).toMatchObject({ load_id: first.load_id, total: 3, next_cursor: '2' });
    expect(page1.rejects).toEqual([
      { line: 8, column: 'Created at', value: 'yesterday', reason: 'unparseable created_at (expected %Y-%m-%d %H:%M:%S)' },
      { line: 9, column: 'Solved at', value: expect.stringMatching(/^2026-01-14 12:00:00/), reason: 'solved before created' },
    ]);
    const page2 = (await (await app.request(`${first.links.rejects}?limit=2&cursor=2`)).json()) as RejectsResponse;
    expect(page2.rejects).toEqual([{ line: 10, column: 'Via', value: 'Carrier pigeon', reason: expect.stringMatching(/^unknown channel value/) }]);
    expect(page2.next_cursor).toBeNull();
  });

  it('a failure recorded with a server path (before they were hidden) is shown without it', async () => {
    const { id } = (await db.readOne<{ id: number }>('SELECT (coalesce(max(load_id), 0) + 1)::INTEGER AS id FROM loads'))!;
    await db.write((tx) =>
      tx.run(
        `INSERT INTO loads (load_id, file, source, kind, status, started_at, finished_at, error)
         VALUES ($id, 'old.csv', 'zendesk', 'tickets', 'failed', now(), now(), $error)`,
        { id, error: `${importDir}/uploads/5d0c/old.csv: cannot be opened: ENOENT` },
      ),
    );
    const shown = (await (await app.request(`/api/imports/${id}`)).json()) as ImportResponse;
    expect(shown.error).toBe('old.csv: cannot be opened: ENOENT');
  });

  it('unknown ids and bad paging are problems', async () => {
    expect((await problem(await app.request('/api/imports/999999'), 404)).detail).toBe('There is no import 999999.');
    expect((await problem(await app.request('/api/imports/999999/rejects'), 404)).detail).toBe('There is no load 999999.');
    expect((await problem(await app.request('/api/imports/not-an-id'), 400)).detail).toMatch(/^id: expected an import id/);
    expect((await problem(await app.request('/api/imports?limit=0'), 400)).detail).toMatch(/^limit: /);
  });
});
