// What an upload holds once inflated is bounded, not only its compressed size: a gzip bomb (one endless line, or
// more data than allowed) is refused while it inflates, with a clear problem, and leaves nothing behind.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import type { Database } from '../../sql/db.ts';
import { freshDb, smallFixture } from '../helpers/db.ts';
import { signedIn } from '../helpers/signed-in.ts';

const importDir = mkdtempSync(join(tmpdir(), 'servicepulse-upload-limits-'));
const ticketsCsv = readFileSync(join(smallFixture, 'tickets.csv'));
// Small limits, so a bomb a few MiB deep proves the point without the memory a real one would take.
const lineLimitBytes = 64 * 1024;
const decompressedLimitBytes = 1024 * 1024;

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await freshDb();
  app = await signedIn(createApp({ db, logError: (error) => { throw error; }, imports: { folder: importDir, uploadLimitBytes: 1024 * 1024, lineLimitBytes, decompressedLimitBytes } }), db);
});
afterAll(async () => {
  await db.close();
});

function upload(name: string, bytes: Uint8Array) {
  const body = new FormData();
  body.append('file', new Blob([bytes as BlobPart]), name);
  return app.request('/api/imports', { method: 'POST', body });
}

async function problem(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return JSON.parse(text) as { title: string; detail: string; limit_bytes?: number };
}

const loads = async () => (await db.readOne<{ n: number }>('SELECT count(*)::INTEGER AS n FROM loads'))!.n;

describe('gzip uploads', () => {
  it('one endless line: 422 naming the line limit, stopped long before the end', async () => {
    // 4 MiB of "a" after a header, no line break: 4 KiB compressed.
    const bomb = gzipSync(Buffer.concat([Buffer.from('id,subject\n1,'), Buffer.alloc(4 * 1024 * 1024, 'a')]));
    expect(bomb.length).toBeLessThan(16 * 1024);
    const body = await problem(await upload('tickets.csv.gz', bomb), 422);
    expect(body.detail).toBe('tickets.csv.gz: line 2 is longer than 64 KiB, the longest a record may be (is it a CSV export at all?).');
    expect(body.limit_bytes).toBe(lineLimitBytes);
    expect(readdirSync(join(importDir, 'uploads'))).toEqual([]);
    expect(await loads()).toBe(0);
  });

  it('a line past the limit is found across the chunks it is inflated in', async () => {
    // Short lines, then one of limit + 1 bytes: its start and end arrive in different 16 KiB chunks.
    const lines = `id,subject\n${'1,x\n'.repeat(5000)}2,${'b'.repeat(lineLimitBytes - 1)}\n3,y\n`;
    const body = await problem(await upload('tickets.csv.gz', gzipSync(lines)), 422);
    expect(body.detail).toMatch(/: line 5,002 is longer than 64 KiB/);
  });

  it('a line exactly at the limit is read', async () => {
    // "2," plus limit − 2 bytes is a line of exactly the limit (its line break not counted): it passes inspection
    // and is refused later only because no mapping fits two columns of nonsense.
    const lines = `id,subject\n2,${'b'.repeat(lineLimitBytes - 2)}\n`;
    const body = await problem(await upload('tickets.csv.gz', gzipSync(lines)), 422);
    expect(body.detail).not.toMatch(/longer than/);
  });

  it('more data than the decompressed limit: 413 naming it and its setting', async () => {
    const many = gzipSync(`id,subject\n${'1,short line\n'.repeat(100_000)}`); // 1.2 MB of short lines
    const body = await problem(await upload('tickets.csv.gz', many), 413);
    expect(body.title).toBe('Upload too large once decompressed');
    expect(body.detail).toBe('tickets.csv.gz: holds more than 1 MiB once decompressed, more than this server reads from one file (SERVICEPULSE_DECOMPRESSED_LIMIT).');
    expect(body.limit_bytes).toBe(decompressedLimitBytes);
    expect(readdirSync(join(importDir, 'uploads'))).toEqual([]);
  });

  it('a gzip export within the limits is accepted and loads', async () => {
    const response = await upload('tickets.csv.gz', gzipSync(ticketsCsv));
    expect(response.status).toBe(202);
    const location = response.headers.get('location')!;
    for (let attempt = 0; attempt < 400; attempt++) {
      const job = (await (await app.request(location)).json()) as { state: string };
      if (!['queued', 'loading'].includes(job.state)) return expect(job.state).toBe('committed');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the import did not finish');
  });
});

describe('malformed multipart', () => {
  it('multipart/form-data without a boundary is a 400 naming Content-Type', async () => {
    const response = await app.request('/api/imports', { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/form-data' } });
    const body = await problem(response, 400);
    expect(body.detail).toMatch(/^Content-Type: .*boundary/i);
  });
});
