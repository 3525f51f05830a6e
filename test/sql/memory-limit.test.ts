import { totalmem } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { Database, DatabaseOpenError } from '../../sql/db.ts';

const variable = 'SERVICEPULSE_MEMORY_LIMIT';
const saved = process.env[variable];
afterEach(() => {
  if (saved === undefined) delete process.env[variable];
  else process.env[variable] = saved;
});

/** DuckDB's own reading of its memory_limit, in bytes (it prints e.g. "1.5 GiB"). */
async function duckdbLimitBytes(): Promise<number> {
  const db = await Database.open(':memory:');
  try {
    const { limit } = (await db.readOne<{ limit: string }>("SELECT current_setting('memory_limit') AS limit"))!;
    const [, amount, unit] = /^([\d.]+) (KiB|MiB|GiB|TiB)$/.exec(limit)!;
    return Number(amount) * 1024 ** { KiB: 1, MiB: 2, GiB: 3, TiB: 4 }[unit as 'KiB']!;
  } finally {
    await db.close();
  }
}

describe('SERVICEPULSE_MEMORY_LIMIT', () => {
  it('reaches DuckDB as its memory_limit', async () => {
    process.env[variable] = '1.5GiB';
    expect(await duckdbLimitBytes()).toBe(1.5 * 1024 ** 3);
    process.env[variable] = '300MB';
    expect(await duckdbLimitBytes()).toBeCloseTo(300e6, -6);
  });

  it('defaults to 60 % of the RAM when unset', async () => {
    delete process.env[variable];
    // DuckDB prints one decimal: within 0.1 of its unit of 60 % of the RAM.
    expect(Math.abs((await duckdbLimitBytes()) - totalmem() * 0.6)).toBeLessThan(0.06 * 1024 ** 3);
  });

  it.each([
    ['eight gigabytes', 'is not a size'],
    ['8XB', 'is not a size'],
    ['-1GiB', 'is not a size'],
    ['10MiB', 'is too small'],
  ])('refuses %s, naming the variable', async (value, why) => {
    process.env[variable] = value;
    const error = await Database.open(':memory:').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('setting');
    expect((error as Error).message).toContain(`${variable}="${value}" ${why}`);
  });
});
