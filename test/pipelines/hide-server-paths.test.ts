// Messages for API clients and the load history name files, never the server's folders.
import { describe, expect, it } from 'vitest';
import { hideServerPaths } from '../../pipelines/hide-server-paths.ts';

describe('hideServerPaths', () => {
  it('shows the file by its name, or the name it was given', () => {
    const file = '/srv/servicepulse/imports/uploads/2b1f/tickets.csv';
    expect(hideServerPaths(`${file}: is empty (0 bytes)`, file)).toBe('tickets.csv: is empty (0 bytes)');
    expect(hideServerPaths(`${file}: is empty (0 bytes)`, file, 'my tickets.csv')).toBe('my tickets.csv: is empty (0 bytes)');
  });

  it('hides a path with spaces when it is the file in question', () => {
    const file = '/home/ana lopez/exports/q1 tickets.csv';
    expect(hideServerPaths(`Error when sniffing file "${file}": no rows`, file)).toBe('Error when sniffing file "q1 tickets.csv": no rows');
  });

  it('shortens any other absolute path to its last part', () => {
    expect(hideServerPaths('IO Error: Could not write file "/var/lib/servicepulse/data.duckdb.wal": No space left on device')).toBe(
      'IO Error: Could not write file "data.duckdb.wal": No space left on device',
    );
    expect(hideServerPaths('cannot create /tmp/duckdb_temp/ (read-only)')).toBe('cannot create duckdb_temp (read-only)');
  });

  it('leaves dates, URLs, relative paths and plain slashes alone', () => {
    const message = 'row 3: "03/02/2026" is not a date; see https://example.com/docs/dates or exports/a.csv, and/or /api';
    expect(hideServerPaths(message)).toBe(message);
  });

  it('replaces a relative file as given and as the server resolved it', () => {
    const resolved = `${process.cwd()}/exports/a.csv`;
    expect(hideServerPaths(`exports/a.csv: bad; read ${resolved}`, 'exports/a.csv')).toBe('a.csv: bad; read a.csv');
  });
});
