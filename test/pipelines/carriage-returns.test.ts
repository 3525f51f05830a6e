// CSVs with carriage returns inside unquoted values (as pandas writes them): DuckDB alone refuses them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/db.ts';
import { BareCarriageReturns, CarriageReturnMask } from '../../pipelines/carriage-returns.ts';
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

describe('the masked copy DuckDB reads', () => {
  const masked = (chunks: string[]) => {
    const mask = new CarriageReturnMask('file.csv');
    return [...chunks.map((chunk) => mask.push(Buffer.from(chunk, 'latin1'))), mask.flush()].map((b) => b.toString('latin1'));
  };
  it('swaps bare CRs for SUB and ends every record in LF alone, also across chunk boundaries', () => {
    expect(masked(['a\r\r\nb\rc\r\nd\n'])).toEqual(['a\nb\x1ac\nd\n', '']);
    // The run a\r|\r|\n is split over three chunks; x\r\r|y is bare (two SUBs); a last CR ends the last line.
    expect(masked(['a\r', '\r', '\nx\r\r', 'y\r'])).toEqual(['a', '', '\nx', '\x1a\x1ay', '']);
  });
  it('keeps line breaks inside quoted values as written, following quotes across chunks', () => {
    expect(masked(['"a\r\r\nb",c\r\n"x""', '\r\ny"\r', '\n'])).toEqual(['"a\r\r\nb",c\n"x""', '\r\ny"', '\n', '']);
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
      expect((await inspectFile(file)).carriageReturnsMasked).toBe(true);
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
    expect((await inspectFile(crlf)).carriageReturnsMasked).toBe(false);
    const crOnly = join(dir, 'cr-only.csv');
    writeFileSync(crOnly, (header + 'm1,cust_a,in,2024-03-01T10:00:00Z,hello,\n').replaceAll('\n', '\r'));
    expect((await inspectFile(crOnly)).carriageReturnsMasked).toBe(false);
    expect((await loadFile(db, { file: crOnly, mapping, source: 'cr_only' })).inserted).toBe(1);
  });

  it('loads a file whose lines end in LF, CR LF and CR CR LF (converted twice), mixed, with each value exact', async () => {
    // A CR CR LF file appended to an LF one: DuckDB alone refused it as an unterminated quote. Line 3's quoted text
    // spans lines 3-4 (its break, CR CR LF, is kept as written); line 6 has a bad time.
    const file = join(dir, 'mixed-ends.csv');
    const lines = [
      header.trimEnd(), 'm1,cust_a,in,2024-03-01T10:00:00Z,first,', 'm2,cust_b,in,2024-03-01T10:30:00Z,"two\r\r\nlines",',
      'm3,cust_c,in,2024-03-01T11:00:00Z,bare\rcr,', 'm4,cust_d,in,soon,late,', 'm5,cust_e,in,2024-03-01T12:00:00Z,last,',
    ];
    writeFileSync(file, `${lines[0]}\n${lines[1]}\r\r\n${lines[2]}\n${lines[3]}\r\n${lines[4]}\r\r\n${lines[5]}\n`);
    expect((await inspectFile(file)).carriageReturnsMasked).toBe(true);
    const summary = await loadFile(db, { file, mapping, source: 'mixed_ends' });
    expect([summary.rowsRead, summary.rejected]).toEqual([5, 1]);
    expect(await db.read(`SELECT line::INTEGER AS line, value FROM load_rejects WHERE load_id = $id`, { id: summary.loadId })).toEqual([
      { line: 6, value: 'soon' },
    ]);
    // Each message opens its own thread here, so each text is its ticket's description.
    expect((await db.read<{ description: string }>(`SELECT description FROM tickets WHERE source = 'mixed_ends' ORDER BY created_at`))
      .map((t) => t.description)).toEqual(['first', 'two\r\r\nlines', 'bare\rcr', 'last']);
  });

  it('reads a small file whose lines end partly in LF and partly in CR LF (DuckDB alone cannot sniff it)', async () => {
    const file = join(dir, 'lf-then-crlf.csv');
    writeFileSync(file, `${header}m1,cust_a,in,2024-03-01T10:00:00Z,"a\r\nb",\r\nm2,cust_b,in,2024-03-01T10:30:00Z,"c\nd",\r\n`);
    expect((await inspectFile(file)).carriageReturnsMasked).toBe(true);
    const summary = await loadFile(db, { file, mapping, source: 'lf_then_crlf' });
    expect([summary.rowsRead, summary.rejected]).toEqual([2, 0]);
    expect((await db.read<{ description: string }>(`SELECT description FROM tickets WHERE source = 'lf_then_crlf' ORDER BY created_at`))
      .map((t) => t.description)).toEqual(['a\r\nb', 'c\nd']);
  });

  it('refuses a file that also holds the SUB character the CRs would be masked with', async () => {
    const file = join(dir, 'sub.csv');
    writeFileSync(file, header + 'm1,cust_a,in,2024-03-01T10:00:00Z,a\rb\x1a,\n');
    await expect(loadFile(db, { file, mapping, source: 'sub' })).rejects.toThrow(/sub\.csv.*SUB \(0x1A\)/);
  });
});
