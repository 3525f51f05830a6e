import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../common/byte-size.ts';
import { readConfig } from '../../api/env.ts';

describe('import settings', () => {
  it('put the import folder beside the database and allow 1 GiB uploads by default', () => {
    const config = readConfig({ SERVICEPULSE_DB: '/srv/sp/data.duckdb' }, []);
    expect(config.importDir).toBe('/srv/sp/imports');
    expect(config.uploadLimitBytes).toBe(1024 ** 3);
    expect(readConfig({}, []).importDir).toBe(resolve(join('data', 'imports')));
  });

  it('take a folder and a size as people write them', () => {
    const config = readConfig({ SERVICEPULSE_IMPORT_DIR: '/srv/drop', SERVICEPULSE_UPLOAD_LIMIT: '500MB' }, []);
    expect(config).toMatchObject({ importDir: '/srv/drop', uploadLimitBytes: 500_000_000 });
    expect(readConfig({ SERVICEPULSE_UPLOAD_LIMIT: '2 GiB' }, []).uploadLimitBytes).toBe(2 * 1024 ** 3);
    expect(readConfig({ SERVICEPULSE_UPLOAD_LIMIT: '1048576' }, []).uploadLimitBytes).toBe(1048576);
  });

  it('bound a gzip upload inflated at 16 GiB unless set', () => {
    expect(readConfig({}, []).decompressedLimitBytes).toBe(16 * 1024 ** 3);
    expect(readConfig({ SERVICEPULSE_DECOMPRESSED_LIMIT: '4GiB' }, []).decompressedLimitBytes).toBe(4 * 1024 ** 3);
    expect(() => readConfig({ SERVICEPULSE_DECOMPRESSED_LIMIT: 'huge' }, [])).toThrow('Invalid setting SERVICEPULSE_DECOMPRESSED_LIMIT');
  });

  it('refuse a size that is not one', () => {
    expect(() => readConfig({ SERVICEPULSE_UPLOAD_LIMIT: 'lots' }, [])).toThrow('Invalid setting SERVICEPULSE_UPLOAD_LIMIT: expected a size such as 1GiB, 500MB or 1048576');
    expect(parseByteSize('0')).toBeUndefined();
    expect(parseByteSize('5 parsecs')).toBeUndefined();
    expect(parseByteSize('1.5k')).toBe(1536);
  });
});
