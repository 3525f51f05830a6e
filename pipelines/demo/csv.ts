// CSV writing for the demo files: RFC 4180 quoting, LF line ends, buffered stream writes with back-pressure.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const needsQuotes = /[",\r\n]/;

/** One CSV field: quoted when it contains a comma, a quote, CR or LF; quotes doubled inside. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const s = value;
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]);
  return line + '\n';
}

const CHUNK = 1 << 20;

/**
 * Encodes lines straight into 1 MB buffers (no long string concatenation to flatten later) and hands each full
 * buffer to the file stream, waiting for it to drain when it asks to.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private error: Error | null = null;
  rows = 0;

  constructor(file: string, header: readonly string[]) {
    this.stream = createWriteStream(file);
    this.stream.on('error', (error) => (this.error ??= error));
    this.pos = this.buffer.write(csvLine(header), 0, 'utf8');
  }

  row(fields: readonly (string | number | null | undefined)[]): Promise<void> | undefined {
    return this.raw(csvLine(fields));
  }

  /** A complete line (with its line end) that the caller has already made safe. */
  raw(line: string): Promise<void> | undefined {
    this.rows++;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: flush first unless the line surely fits.
    if (CHUNK - this.pos < line.length * 3) {
      const pending = this.flush();
      if (line.length * 3 > CHUNK) {
        const big = Buffer.from(line, 'utf8');
        return pending ? pending.then(() => this.send(big)) : this.send(big);
      }
      this.pos = this.buffer.write(line, 0, 'utf8');
      return pending;
    }
    this.pos += this.buffer.write(line, this.pos, 'utf8');
    return undefined;
  }

  private flush(): Promise<void> | undefined {
    if (this.pos === 0) return undefined;
    const full = this.buffer.subarray(0, this.pos);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
    return this.send(full);
  }

  private send(chunk: Buffer): Promise<void> | undefined {
    if (this.error) throw this.error;
    if (this.stream.write(chunk)) return undefined;
    return once(this.stream, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    const pending = this.flush();
    if (pending) await pending;
    if (this.error) throw this.error;
    this.stream.end();
    await finished(this.stream);
  }
}
