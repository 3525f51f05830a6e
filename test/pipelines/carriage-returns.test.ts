// CSVs with carriage returns inside unquoted values (as pandas writes them): DuckDB alone refuses them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { BareCarriageReturns } from '../../pipelines/carriage-returns.ts';
import { loadFile } from '../../pipelines/load.ts';
import { readMappingFile } from '../../pipelines/mapping/file.ts';
import type { Mapping } from '../../pipelines/mapping/types.ts';
import { inspectFile, readColumns } from '../../pipelines/read.ts';
import { freshDb } from '../helpers/db.ts';

function bareIn(chunks: string[]): number[][] {
  const scanner = new BareCarriageReturns();
  return chunks.map((chunk) => {
    const found: number[] = [];
    scanner.push(Buffer.from(chunk, 'latin1'), (position) => found.push(position));
    return found;
  });
}

describe('bare carriage returns', () => {
  it('are CRs not followed by LF, also across chunk boundaries', () => {
    expect(bareIn(['a\r\nb\r\n'])).toEqual([[]]);
    expect(bareIn(['a\rb\r\n'])).toEqual([[1]]);
    expect(bareIn(['ab\r', '\ncd'])).toEqual([[], []]);
    // A CR ending one chunk is reported with the next, at position -1 (the previous chunk's last byte).
    expect(bareIn(['ab\r', 'cd\r\r', '\n'])).toEqual([[], [-1, 2], []]);
  });
});

describe('a CSV with CRs inside unquoted values', () => {
  const header = 'message_id,author,direction,sent,body,in_reply_to\n';
  // Line 2 holds a CR typed inside the text, line 3 a quoted two-line text, line 5 an unparseable time.
  const rows =
    'm1,cust_a,in,2024-03-01T10:00:00Z,hello\r\rthere,\n' +
    'm2,Acme,out,2024-03-01T10:30:00Z,"hi\nagain",m1\n' +
    'm3,cust_a,in,yesterday,so?,m2\n';
  let dir: string;
  let db: Database;
  let mapping: Mapping;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'servicepulse-cr-test-'));
    db = await freshDb();
    mapping = (await readMappingFile(fileURLToPath(new URL('../fixtures/messages/mapping.json', import.meta.url)))).mapping;
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const gzip of [false, true]) {
    it(`loads with its CRs kept and its reject lines exact${gzip ? ' (gzip)' : ''}`, async () => {
      const file = join(dir, gzip ? 'cr.csv.gz' : 'cr.csv');
      writeFileSync(file, gzip ? gzipSync(header + rows) : header + rows);
      expect((await inspectFile(file)).bareCarriageReturns).toBe(true);
      expect(await readColumns(db, file)).toEqual(['message_id', 'author', 'direction', 'sent', 'body', 'in_reply_to']);
      const summary = await loadFile(db, { file, mapping, source: gzip ? 'gz' : 'plain' });
      expect([summary.rowsRead, summary.rejected]).toEqual([3, 1]);
      expect(await db.read(`SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id`, { id: summary.loadId })).toEqual([
        { line: 5, value: 'yesterday' },
      ]);
      expect(await db.read(`SELECT description FROM tickets WHERE source = $source`, { source: summary.source })).toEqual([
        { description: 'hello\r\rthere' },
      ]);
    });
  }

  it('leaves files without bare CRs, or with CR line ends only, to DuckDB as they are', async () => {
    const crlf = join(dir, 'crlf.csv');
    writeFileSync(crlf, (header + 'm1,cust_a,in,2024-03-01T10:00:00Z,"a\r\nb",\n').replaceAll(/(?<!\r)\n/g, '\r\n'));
    expect((await inspectFile(crlf)).bareCarriageReturns).toBe(false);
    const crOnly = join(dir, 'cr-only.csv');
    writeFileSync(crOnly, (header + 'm1,cust_a,in,2024-03-01T10:00:00Z,hello,\n').replaceAll('\n', '\r'));
    expect((await inspectFile(crOnly)).bareCarriageReturns).toBe(false);
    expect((await loadFile(db, { file: crOnly, mapping, source: 'cr_only' })).inserted).toBe(1);
  });

  it('refuses a file that also holds the SUB character the CRs would be masked with', async () => {
    const file = join(dir, 'sub.csv');
    writeFileSync(file, header + 'm1,cust_a,in,2024-03-01T10:00:00Z,a\rb\x1a,\n');
    await expect(loadFile(db, { file, mapping, source: 'sub' })).rejects.toThrow(/sub\.csv.*SUB \(0x1A\)/);
  });
});
