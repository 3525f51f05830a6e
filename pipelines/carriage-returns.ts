// Bare carriage returns: a CR not followed by LF, in a file whose lines end in LF. pandas (through Python's csv
// module, which quotes only around the line terminator it writes) leaves them unquoted inside values, e.g. a tweet
// typed with CR line breaks. DuckDB's CSV reader always takes a CR for the end of a record, whatever `new_line`
// says: in strict mode it refuses the file ("state machine reached an invalid state"), without strict mode it
// splits the record and reports too few columns. Such a file is read from a copy in which each bare CR is a
// placeholder byte of the same width, so no record moves; the staged text gets its CRs back.
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
  private carriedCr = false;

  /** Calls `onBare` with the position of each bare CR in the chunk (a carried one is reported as -1). */
  push(chunk: Buffer, onBare?: (position: number) => void): void {
    if (chunk.length === 0) return;
    if (this.carriedCr && chunk[0] !== LF) this.bare(-1, onBare);
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

/** Whether an uncompressed file has a bare CR anywhere (a memchr-speed pass: CRs are rare in LF files). */
export async function scanForBareCarriageReturns(file: string): Promise<boolean> {
  const scanner = new BareCarriageReturns();
  const handle = await open(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return scanner.found;
      scanner.push(buffer.subarray(0, bytesRead));
      if (scanner.found) return true;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Writes the (inflated) file with each bare CR swapped for the placeholder, calls `read` with the copy's
 * path and removes the copy afterwards. A file that already holds the placeholder byte could not get its
 * CRs back unambiguously and is refused.
 */
export async function withBareCarriageReturnsMasked<T>(file: string, gzip: boolean, read: (copy: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'servicepulse-cr-'));
  const copy = join(dir, basename(file).replace(/\.gz$/i, ''));
  const scanner = new BareCarriageReturns();
  let held: Buffer | undefined;
  const mask = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.includes(placeholder)) {
        done(new LoadError(file, 'has carriage returns inside values and SUB (0x1A) characters: it cannot be read faithfully; save it with \\n line breaks only'));
        return;
      }
      if (chunk.length === 0) {
        done();
        return;
      }
      // The chunk's last byte may be a CR whose fate the next chunk decides: it is held back until then.
      const out = Buffer.from(chunk);
      scanner.push(out, (position) => {
        if (position === -1) held![0] = placeholder;
        else out[position] = placeholder;
      });
      if (held) this.push(held);
      const last = out.length - 1;
      held = out[last] === CR ? out.subarray(last) : undefined;
      this.push(held ? out.subarray(0, last) : out);
      done();
    },
    flush(done) {
      if (held) this.push(held);
      done();
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
