// How export files are read: DuckDB parses them (never row by row in JavaScript), every column as text
// so that parsing and its failures are the mapping's business and land in load_rejects. What DuckDB
// cannot be told reliably (encoding, delimiter, a truncated gzip, a binary file) is found out here first
// from the file's bytes, and passed to it as explicit options. XES event logs (XML) are the one format
// DuckDB cannot read: they are streamed through an XML parser into the same all-text table (readers/).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatByteSize } from '../common/byte-size.ts';
import type { Database, Query } from '../sql/db.ts';
import { BareCarriageReturns, placeholder, needsCarriageReturnMask, withBareCarriageReturnsMasked } from './carriage-returns.ts';
import { LoadError } from './load-error.ts';
import { readXesColumns, stageXes, xesLineColumn } from './readers/xes.ts';

export type FileFormat = 'csv' | 'json' | 'parquet' | 'xes';

export interface FileShape {
  format: FileFormat;
  gzip: boolean;
  encoding: 'utf-8' | 'utf-16' | 'latin-1';
  delimiter: string;
  /** Line of the first record: 2 below a CSV header, 1 for newline-delimited JSON, 1-based rows otherwise. */
  firstRecordLine: number;
  /** Whether line breaks inside values move later records down (CSV quoted fields). */
  breaksCountAsLines: boolean;
  /** A staged column holding each record's line (XES: the line of its <event>), instead of counting records. */
  lineColumn?: string;
  /** CSV with CRs inside values that DuckDB would take for record ends (see carriage-returns.ts). */
  carriageReturnsMasked?: boolean;
}

const sampleBytes = 64 * 1024;

/**
 * How much a file may hold once inflated. A gzip file's size says little about its content (5 MB can hold a
 * 5 GB line), so its whole stream is counted as it inflates, and inspection stops at the first limit passed.
 * `lineBytes` is also DuckDB's `max_line_size` for CSV, so an uncompressed CSV meets the same limit when read.
 */
export interface ReadLimits {
  decompressedBytes: number;
  lineBytes: number;
}

export const defaultReadLimits: ReadLimits = { decompressedBytes: 16 * 1024 ** 3, lineBytes: 64 * 1024 ** 2 };

/** A file past a read limit: `limit` says which, so the API can answer 413 (size) or 422 (a line). */
export class FileLimitError extends LoadError {
  constructor(
    file: string,
    message: string,
    readonly limit: keyof ReadLimits,
    readonly limitBytes: number,
  ) {
    super(file, message);
  }
}

/** Counts inflated bytes and the current line's length, chunk by chunk; throws at the first limit passed. */
class InflatedLimits {
  private total = 0;
  private lineSoFar = 0;
  /** The number of the line being read, the file's first being 1. */
  private line = 1;

  constructor(
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly checkLines: boolean,
  ) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > this.limits.decompressedBytes) {
      throw new FileLimitError(this.file, `holds more than ${formatByteSize(this.limits.decompressedBytes)} once decompressed, more than this server reads from one file`, 'decompressedBytes', this.limits.decompressedBytes);
    }
    if (!this.checkLines) return;
    // A line may run on from earlier chunks: the bytes since the last line break are carried over.
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      this.checkLine(this.lineSoFar + end - start);
      this.lineSoFar = 0;
      this.line += 1;
      start = end + 1;
    }
    this.lineSoFar += chunk.length - start;
    this.checkLine(this.lineSoFar);
  }

  private checkLine(length: number): void {
    if (length <= this.limits.lineBytes) return;
    throw new FileLimitError(this.file, lineTooLongMessage(this.limits.lineBytes, this.line), 'lineBytes', this.limits.lineBytes);
  }
}

/** Why a file past the line limit is refused; `line` is the file's own count, when known. */
function lineTooLongMessage(lineBytes: number, line?: number): string {
  const where = line === undefined ? 'has a record' : `line ${line.toLocaleString('en')} is`;
  return `${where} longer than ${formatByteSize(lineBytes)}, the longest a record may be (is it a CSV export at all?)`;
}

const formatNames: Record<FileFormat, string> = { csv: 'CSV', json: 'JSON', parquet: 'Parquet', xes: 'XES' };
const delimiters = [',', ';', '\t', '|'];

function formatOf(file: string): { format: FileFormat; gzip: boolean } {
  const name = file.toLowerCase();
  const gzip = name.endsWith('.gz');
  const base = gzip ? name.slice(0, -3) : name;
  if (base.endsWith('.parquet')) return { format: 'parquet', gzip };
  if (base.endsWith('.xes')) return { format: 'xes', gzip };
  if (base.endsWith('.json') || base.endsWith('.ndjson') || base.endsWith('.jsonl')) return { format: 'json', gzip };
  return { format: 'csv', gzip };
}

async function readSample(file: string, gzip: boolean, scanner: BareCarriageReturns, limits: InflatedLimits): Promise<Buffer> {
  if (!gzip) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(sampleBytes);
      const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  // The whole stream is inflated once: a truncated or corrupt gzip fails here, before anything is loaded
  // (DuckDB would otherwise read what it can and stop quietly).
  const chunks: Buffer[] = [];
  let kept = 0;
  try {
    await pipeline(
      createReadStream(file),
      createGunzip(),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          try {
            limits.push(chunk);
          } catch (error) {
            done(error as Error); // ends the pipeline: nothing more is inflated
            return;
          }
          scanner.push(chunk);
          if (kept < sampleBytes) {
            chunks.push(chunk);
            kept += chunk.length;
          }
          done();
        },
      }),
    );
  } catch (error) {
    if (error instanceof FileLimitError) throw error;
    throw new LoadError(file, `is not a complete gzip file (${(error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'it ends too early: truncated download?' : (error as Error).message})`, { cause: error });
  }
  return Buffer.concat(chunks).subarray(0, sampleBytes);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 by its byte order mark; UTF-8 when the sample decodes as such; Latin-1 when it has no UTF-8
 * sequence at all. A file with both is refused at its first non-UTF-8 line rather than half-garbled.
 */
function encodingOf(file: string, sample: Buffer): FileShape['encoding'] {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return 'utf-16';
  // A multi-byte character cut at the sample's end is not an encoding error.
  const whole = sample.length < sampleBytes ? sample : sample.subarray(0, sample.lastIndexOf(0x0a) + 1);
  if (isUtf8(whole)) return 'utf-8';
  if (!/[\xC2-\xF4][\x80-\xBF]+/.test(whole.toString('latin1'))) return 'latin-1';
  let line = 1;
  let start = 0;
  for (let end = whole.indexOf(0x0a); end !== -1; end = whole.indexOf(0x0a, start)) {
    if (!isUtf8(whole.subarray(start, end))) break;
    line++;
    start = end + 1;
  }
  throw new LoadError(file, `mixes text encodings: line ${line} is not UTF-8 although earlier lines are; save the file as UTF-8`);
}

/** The delimiter the header line uses most, counting only outside quotes. */
function delimiterOf(headerLine: string): string {
  const counts = new Map(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

/**
 * Looks at the file's bytes to decide how DuckDB should read it; refuses what is not an export at all, and a
 * gzip file past `limits` once inflated (a line limit applies to CSV: JSON arrays and XML may be one long line).
 */
export async function inspectFile(file: string, limits: ReadLimits = defaultReadLimits): Promise<FileShape> {
  const { format, gzip } = formatOf(file);
  if ((await stat(file)).size === 0) throw new LoadError(file, 'is empty (0 bytes)');
  const inflated = new BareCarriageReturns();
  const sample = await readSample(file, gzip, inflated, new InflatedLimits(file, limits, format === 'csv'));
  if (sample.length === 0) throw new LoadError(file, 'is empty (no data inside the gzip)');
  if (format === 'parquet') return { format, gzip, encoding: 'utf-8', delimiter: ',', firstRecordLine: 1, breaksCountAsLines: false };
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0)) {
    throw new LoadError(file, `is a binary file, not a ${formatNames[format]} export (it contains NUL bytes)`);
  }
  const encoding = encodingOf(file, sample);
  if (format === 'json') return { format, gzip, encoding, delimiter: ',', firstRecordLine: 1, breaksCountAsLines: false };
  if (format === 'xes') return { format, gzip, encoding, delimiter: ',', firstRecordLine: 1, breaksCountAsLines: false, lineColumn: xesLineColumn };
  const text = encoding === 'utf-16' ? new TextDecoder('utf-16le').decode(sample) : sample.toString('latin1');
  const headerLine = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Only in a file whose lines end in LF: in one that ends them in CR alone, every CR is a line end.
  const carriageReturnsMasked = encoding !== 'utf-16' && sample.includes(0x0a) && (gzip ? inflated.found || inflated.mixedLineEnds : await needsCarriageReturnMask(file));
  return { format, gzip, encoding, delimiter: delimiterOf(headerLine), firstRecordLine: 2, breaksCountAsLines: true, carriageReturnsMasked };
}

/** How DuckDB reads a CSV file: its buffers, which must hold the longest record it accepts. */
interface CsvBuffers {
  bufferBytes: number;
  lineBytes: number;
}

/**
 * The buffers for a file of any size: they hold the longest record allowed. Left to DuckDB with lines of up to 64 MiB,
 * the 1 m events file staged in 3.52 s; with 96 MiB buffers in 2.56 s, as fast as DuckDB's defaults for short lines
 * (bench/README.md, "The ninth session").
 */
const fullCsvBuffers: CsvBuffers = { bufferBytes: Math.ceil(defaultReadLimits.lineBytes * 1.5), lineBytes: defaultReadLimits.lineBytes };

/**
 * DuckDB parses one buffer per thread, so a file that fits in one or two 96 MiB buffers (most exports) parsed on one
 * core. Such a file is read in quarters first, which takes 0.6 of the time for the 50–75 MB files of 100 k tickets
 * (bench/README.md, "The thirteenth session"); those buffers accept shorter records, so a file that fails so is read
 * again with the full ones, and it is their verdict that counts. Null: the full buffers already split the file, or
 * its size says nothing (gzip).
 */
function quarterBuffers(fileBytes: number): CsvBuffers | null {
  if (fileBytes >= 2 * fullCsvBuffers.bufferBytes) return null;
  const bufferBytes = Math.max(4 * 1024 ** 2, Math.ceil(fileBytes / 4));
  return { bufferBytes, lineBytes: Math.floor(bufferBytes / 1.5) };
}

/** The table function that reads the file, with its options spelled out; `$file` is bound by the caller. */
function readerSql(shape: FileShape, buffers: CsvBuffers = fullCsvBuffers): { sql: string; params: Record<string, string> } {
  if (shape.format === 'parquet') return { sql: 'read_parquet($file)', params: {} };
  // Formats that never match keep timestamps as written: DuckDB would otherwise turn "…+02:00" into a
  // naive UTC value, and the mapping (with its format and the load's time zone) could no longer read it.
  if (shape.format === 'json') {
    return {
      sql: "read_json($file, format = 'auto', maximum_object_size = 67108864, timestampformat = 'as written %Y', dateformat = 'as written %Y')",
      params: {},
    };
  }
  return {
    sql: `read_csv($file, header = true, all_varchar = true, delim = $delim, quote = '"', escape = '"', encoding = $encoding, max_line_size = ${buffers.lineBytes}, buffer_size = ${buffers.bufferBytes})`,
    params: { delim: shape.delimiter, encoding: shape.encoding },
  };
}

function unreadable(file: string, shape: FileShape, error: unknown): LoadError {
  const message = (error as Error).message.split('\n');
  const what = formatNames[shape.format];
  const hint = /sniff|dialect/i.test(message[0] ?? '') ? ' (an unterminated quote, or rows with different numbers of fields?)' : '';
  const line = message.find((l) => /^Original Line|Line: \d+/.test(l));
  return new LoadError(file, `cannot be read as ${what}${hint}: ${message[0]}${line && line !== message[0] ? ` ${line}` : ''}`, { cause: error });
}

type ColumnTypes = Array<{ column_name: string; column_type: string }>;
type Describe = (select: string) => Promise<ColumnTypes>;
/** A staged column: its (dotted) name and the SQL that gives its text. */
type TextColumn = { name: string; sql: string };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const isStruct = (type: string) => type.startsWith('STRUCT(') && type.endsWith(')');
const isNested = (type: string) => /STRUCT|MAP|\[\]|JSON/.test(type);

/**
 * Every JSON column as text, nested objects flattened to dotted names ("via.channel"): a mapping names
 * the fields it needs whatever their depth. A list of plain values becomes one value per line (a mapping
 * reads it as a list with separator "\n"); a list of objects gives a column per key ("tags.tag") the
 * same way. A record wrapped in a single object key (Zendesk's {"ticket": {…}} lines) is unwrapped.
 */
async function textColumns(describe: Describe, relation: string): Promise<TextColumn[]> {
  const top = await describe(`SELECT * FROM ${relation}`);
  if (top.length === 1 && isStruct(top[0]!.column_type)) return flatten(describe, relation, quoted(top[0]!.column_name), '');
  const columns: TextColumn[] = [];
  for (const c of top) columns.push(...(await textColumn(describe, relation, quoted(c.column_name), c.column_name, c.column_type)));
  return columns;
}

async function flatten(describe: Describe, relation: string, struct: string, prefix: string): Promise<TextColumn[]> {
  const columns: TextColumn[] = [];
  for (const f of await describe(`SELECT unnest(${struct}) FROM ${relation}`)) {
    columns.push(...(await textColumn(describe, relation, `(${struct}).${quoted(f.column_name)}`, `${prefix}${f.column_name}`, f.column_type)));
  }
  return columns;
}

async function textColumn(describe: Describe, relation: string, value: string, name: string, type: string): Promise<TextColumn[]> {
  if (isStruct(type)) return flatten(describe, relation, value, `${name}.`);
  const item = type.endsWith('[]') ? type.slice(0, -2) : undefined;
  if (item !== undefined && !isNested(item)) return [{ name, sql: `array_to_string(${value}, chr(10))` }];
  if (item !== undefined && isStruct(item)) {
    const keys = await describe(`SELECT unnest(list_extract(${value}, 1)) FROM ${relation}`);
    return keys
      .filter((k) => !isNested(k.column_type))
      .map((k) => ({ name: `${name}.${k.column_name}`, sql: `array_to_string(list_transform(${value}, x -> x.${quoted(k.column_name)}), chr(10))` }));
  }
  return [{ name, sql: isNested(type) ? `to_json(${value})::VARCHAR` : `${value}::VARCHAR` }];
}

const selectList = (columns: TextColumn[]) => columns.map((c) => `${c.sql} AS ${quoted(c.name)}`).join(', ');

/**
 * The flattened columns of `table`, an empty table with the file's shape (`… LIMIT 0`): describing each
 * nested level of it is instant, where describing the file would bind, and sample, the file every time.
 */
async function flattenedFrom(query: Query, table: string): Promise<TextColumn[]> {
  return textColumns((sql) => query.all<ColumnTypes[number]>(`DESCRIBE ${sql}`), table);
}

/** Stages the whole file as the temp table `raw` (all text); returns its column names. */
export async function stageFile(tx: Query, file: string, shape: FileShape): Promise<string[]> {
  if (shape.format === 'xes') return stageXes(tx, file, shape);
  if (shape.carriageReturnsMasked) {
    return withBareCarriageReturnsMasked(file, shape.gzip, (copy) => stageReadable(tx, file, copy, { ...shape, gzip: false }, true));
  }
  return stageReadable(tx, file, file, shape, false);
}

async function stageReadable(tx: Query, file: string, readable: string, shape: FileShape, restoreCarriageReturns: boolean): Promise<string[]> {
  const quarters = shape.format === 'csv' && !shape.gzip ? quarterBuffers((await stat(readable)).size) : null;
  try {
    // A file that fails in quarters is read again with the full buffers, whose verdict (or error) counts.
    const staged = quarters !== null && (await stageRaw(tx, readable, shape, restoreCarriageReturns, quarters).then(() => true, () => false));
    if (!staged) await stageRaw(tx, readable, shape, restoreCarriageReturns, fullCsvBuffers);
  } catch (error) {
    throw (await lineTooLong(file, readable, shape, error)) ?? unreadable(file, shape, error);
  }
  return (await tx.all<{ name: string }>(`SELECT name FROM pragma_table_info('raw')`)).map((row) => row.name);
}

async function stageRaw(tx: Query, readable: string, shape: FileShape, restoreCarriageReturns: boolean, buffers: CsvBuffers): Promise<void> {
  const reader = readerSql(shape, buffers);
  const params = { file: readable, ...reader.params };
  if (restoreCarriageReturns) {
    const select = await carriageReturnsRestored(tx, reader.sql, params);
    await tx.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT ${select} FROM ${reader.sql}`, params);
  } else if (shape.format === 'csv') {
    await tx.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM ${reader.sql}`, params);
  } else {
    await tx.run(`CREATE OR REPLACE TEMP TABLE file_shape AS SELECT * FROM ${reader.sql} LIMIT 0`, params);
    const select = selectList(await flattenedFrom(tx, 'file_shape'));
    await tx.run('DROP TABLE file_shape');
    await tx.run(`CREATE OR REPLACE TEMP TABLE raw AS SELECT ${select} FROM ${reader.sql}`, params);
  }
}

/**
 * DuckDB's refusal of a CSV record past `max_line_size` names a line of its own counting and no limit: the file is read
 * again as a gzip file's inspection reads it (`InflatedLimits`), for the error to name the file's line. Null for any
 * other error.
 */
async function lineTooLong(file: string, readable: string, shape: FileShape, error: unknown): Promise<FileLimitError | null> {
  if (shape.format !== 'csv' || shape.gzip || !/Maximum line size of \d+ bytes exceeded/.test((error as Error).message)) return null;
  const { lineBytes } = defaultReadLimits;
  const lines = new InflatedLimits(file, { decompressedBytes: Number.POSITIVE_INFINITY, lineBytes }, true);
  try {
    for await (const chunk of createReadStream(readable, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) lines.push(chunk);
  } catch (found) {
    // Not readable again either: DuckDB's own error is the one to give.
    return found instanceof FileLimitError ? found : null;
  }
  // A record of several lines, each within the limit.
  return new FileLimitError(file, lineTooLongMessage(lineBytes), 'lineBytes', lineBytes);
}

async function carriageReturnsRestored(query: Query, relation: string, params: Record<string, string>): Promise<string> {
  const columns = await query.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${relation}`, params);
  return columns
    .map(({ column_name }) => {
      const name = `"${column_name.replaceAll('"', '""')}"`;
      return `replace(${name}, chr(${placeholder}), chr(13)) AS ${name}`;
    })
    .join(', ');
}

/** The column names only, for choosing a mapping before loading. */
export async function readColumns(db: Database, file: string, shape?: FileShape): Promise<string[]> {
  const known = shape ?? (await inspectFile(file));
  if (known.format === 'xes') return readXesColumns(file, known);
  if (!known.carriageReturnsMasked) return describeColumns(db, file, file, known);
  return withBareCarriageReturnsMasked(file, known.gzip, (copy) => describeColumns(db, file, copy, { ...known, gzip: false }));
}

/** The columns of `readable` (the file itself, or a masked copy of it); errors name `file`. */
async function describeColumns(db: Database, file: string, readable: string, shape: FileShape): Promise<string[]> {
  const reader = readerSql(shape);
  const params = { file: readable, ...reader.params };
  try {
    if (shape.format === 'csv') {
      return (await db.read<{ column_name: string }>(`DESCRIBE SELECT * FROM ${reader.sql}`, params)).map((row) => row.column_name);
    }
    return await db.withConnection(async (query) => {
      await query.run(`CREATE TEMP TABLE file_shape AS SELECT * FROM ${reader.sql} LIMIT 0`, params);
      return (await flattenedFrom(query, 'file_shape')).map((column) => column.name);
    });
  } catch (error) {
    throw unreadable(file, shape, error);
  }
}
