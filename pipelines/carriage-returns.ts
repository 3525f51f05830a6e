// Carriage returns DuckDB's CSV reader cannot take as they are. DuckDB always takes a CR outside quotes for the
// end of a record, whatever `new_line` says, and its sniffer refuses a small file whose lines end partly in LF and
// partly in CR LF. Two kinds of file meet this:
// - bare CRs (a CR not followed by LF) in an LF file: pandas, through Python's csv module, which quotes only around
//   the line terminator it writes, leaves them unquoted inside values, e.g. a tweet typed with CR line breaks;
// - mixed line ends: a CR LF file appended to an LF one, or one converted to Windows line ends twice (CR CR LF).
// Such a file is read from a copy in which each bare CR is a placeholder byte (the staged text gets its CRs back)
// and every record ends in LF alone; line breaks inside quoted values are kept exactly as written.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { LoadError } from './load-error.ts';

const CR = 0x0d;
const LF = 0x0a;
/** SUB, the DOS end-of-file mark: a single byte in UTF-8 and Latin-1 alike, and not found in text exports. */
export const placeholder = 0x1a;

/** Follows a stream of chunks; a CR at the end of one chunk is judged by the first byte of the next. */
export class BareCarriageReturns {
  found = false;
  /** Line ends seen so far, LF alone and CR LF; an LF-only chunk counts as one (only whether any was seen matters). */
  lf = 0;
  crlf = 0;
  private carriedCr = false;

  /** Whether the lines end partly in LF and partly in CR LF. */
  get mixedLineEnds(): boolean {
    return this.lf > 0 && this.crlf > 0;
  }

  /** Calls `onBare` with the position of each bare CR in the chunk (a carried one is reported as -1). */
  push(chunk: Buffer, onBare?: (position: number) => void): void {
    if (chunk.length === 0) return;
    if (this.carriedCr && chunk[0] !== LF) this.bare(-1, onBare);
    // Most chunks hold no CR at all: their line ends are all LF, found by one native search instead of a step per line
    // (a million-line file was scanned line by line before its load could start).
    if (!this.carriedCr && !chunk.includes(CR)) {
      if (chunk.includes(LF)) this.lf++;
      return;
    }
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) {
      if (i > 0 ? chunk[i - 1] === CR : this.carriedCr) this.crlf++;
      else this.lf++;
    }
    const last = chunk.length - 1;
    for (let i = chunk.indexOf(CR); i !== -1 && i < last; i = chunk.indexOf(CR, i + 1)) {
      if (chunk[i + 1] !== LF) this.bare(i, onBare);
    }
    this.carriedCr = chunk[last] === CR;
  }

  private bare(position: number, onBare?: (position: number) => void) {
    this.found = true;
    onBare?.(position);
  }
}

/** Whether an uncompressed file has a bare CR anywhere, or mixed line ends: then DuckDB reads a masked copy. */
export async function needsCarriageReturnMask(file: string): Promise<boolean> {
  const scanner = new BareCarriageReturns();
  const handle = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return scanner.found || scanner.mixedLineEnds;
      scanner.push(buffer.subarray(0, bytesRead));
      if (scanner.found || scanner.mixedLineEnds) return true;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Rewrites a stream of chunks for DuckDB: each bare CR becomes the placeholder; outside quotes, a run of CRs
 * before an LF is dropped, so every record ends in LF alone; inside quotes, a line break stays as written.
 * Quotes are followed as DuckDB's reader does ('"' opens and closes, '""' inside is two toggles).
 */
export class CarriageReturnMask {
  /** CRs at the end of the last chunk: whether they are bare or a line end depends on the next chunk. */
  private pending = 0;
  private quoted = false;

  constructor(private readonly file: string) {}

  push(chunk: Buffer): Buffer {
    if (chunk.includes(placeholder)) {
      throw new LoadError(this.file, 'has carriage returns inside values and SUB (0x1A) characters: it cannot be read faithfully; save it with \\n line breaks only');
    }
    const out = Buffer.allocUnsafe(chunk.length + this.pending);
    const next = new NextByte(chunk);
    let written = 0;
    let i = 0;
    for (;;) {
      if (this.pending > 0) {
        if (i === chunk.length) break; // the run goes on into the next chunk
        const byte = chunk[i]!;
        if (byte === CR) {
          this.pending++;
          i++;
          continue;
        }
        // A run before LF is a line end: kept inside quotes, dropped outside; any other run is bare.
        if (byte === LF) {
          if (this.quoted) {
            out.fill(CR, written, written + this.pending);
            written += this.pending;
          }
        } else {
          out.fill(placeholder, written, written + this.pending);
          written += this.pending;
        }
        this.pending = 0;
      }
      if (i === chunk.length) break;
      const at = next.from(i);
      written += chunk.copy(out, written, i, at === -1 ? chunk.length : at);
      if (at === -1) break;
      if (chunk[at] === QUOTE) {
        this.quoted = !this.quoted;
        out[written++] = QUOTE;
      } else this.pending = 1;
      i = at + 1;
    }
    return out.subarray(0, written);
  }

  /** CRs that end the file end its last line. */
  flush(): Buffer {
    this.pending = 0;
    return Buffer.alloc(0);
  }
}

const QUOTE = 0x22;
/** The next CR or quote of a chunk: each byte is searched once (a quote-heavy file has few CRs, and the reverse). */
class NextByte {
  private cr = -2;
  private quote = -2;
  constructor(private readonly chunk: Buffer) {}

  from(position: number): number {
    if (this.cr !== -1 && this.cr < position) this.cr = this.chunk.indexOf(CR, position);
    if (this.quote !== -1 && this.quote < position) this.quote = this.chunk.indexOf(QUOTE, position);
    if (this.cr === -1) return this.quote;
    if (this.quote === -1) return this.cr;
    return Math.min(this.cr, this.quote);
  }
}

/**
 * Writes the (inflated) file through `CarriageReturnMask`, calls `read` with the copy's path and removes the copy
 * afterwards. A file that already holds the placeholder byte could not get its CRs back unambiguously and is refused.
 */
export async function withBareCarriageReturnsMasked<T>(file: string, gzip: boolean, read: (copy: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'servicepulse-cr-'));
  const copy = join(dir, basename(file).replace(/\.gz$/i, ''));
  const masker = new CarriageReturnMask(file);
  const mask = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, masker.push(chunk));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      done(null, masker.flush());
    },
  });
  try {
    if (gzip) await pipeline(createReadStream(file), createGunzip(), mask, createWriteStream(copy));
    else await pipeline(createReadStream(file), mask, createWriteStream(copy));
    return await read(copy);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
