import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerOf } from '../../bench/load-postgres.ts';
import { pairedRoundsReport, targetReport, type TargetFigures } from '../../bench/load-targets.ts';

const figures: TargetFigures = {
  bareSeconds: 10,
  completeSeconds: 40,
  folderSeconds: 36,
  folderIssueAssignment: true,
  withoutIssuesSeconds: 32,
  factsSeconds: 18,
  postgres: { version: '15.18 (Debian 15.18-0+deb12u1)', settings: 'fsync on', seconds: { unlogged: [4, 5, 1], logged: [6, 7, 2] } },
  checkpointSeconds: { bare: 5, ours: 1, folder: 0.5 },
  memoryLimit: '8.0 GiB',
  memoryLimitSource: '--memory-limit 8GiB',
  peakRss: { kiB: 3 * 1024 * 1024, file: 'events.csv' },
};
const line = (report: string, start: string) => report.split('\n').find((l) => l.startsWith(start))!.replace(/\s+/g, ' ');

describe('the load target lines', () => {
  it('judge the ingest (complete less facts) against 1.5× and the complete load against 3× of the bare read', () => {
    const report = targetReport(figures, 1_000_000);
    expect(report).toContain('at 1,000,000 tickets');
    // Without the issue assignment 32 − 18 = 14 s: 1.40× ≤ 1.5; 32 s: 3.20× > 3; with it 40 s: 4.00×.
    expect(line(report, 'ingest')).toBe('ingest: read → map → validate → merge, facts excluded 14.00 1.40× ≤ 1.5×: met = 32.00 − facts 18.00');
    expect(line(report, 'complete load, facts')).toBe('complete load, facts included 32.00 3.20× ≤ 3×: missed tickets without issue assignment');
    expect(line(report, 'complete load with')).toBe('complete load with the issue assignment (issue 12) 40.00 4.00× ≤ 3×: missed the files one by one');
    // The folder as one load, 36 s: 3.60× the bare read, 0.90× the files one by one (40 s).
    expect(line(report, 'complete load as one load')).toBe(
      'complete load as one load of the 3 files, with the issue assignment 36.00 3.60× ≤ 3×: missed what npm run load -- folder/ does; 0.90× the files one by one',
    );
    // The COPY totals of the three files, 10 s and 15 s.
    expect(line(report, 'PostgreSQL 15.18 bare COPY, unlogged')).toContain(' 10.00 1.00× reference');
    expect(line(report, 'PostgreSQL 15.18 bare COPY, logged')).toContain(' 15.00 1.50× reference');
    expect(report).toContain("memory_limit at 8.0 GiB (--memory-limit 8GiB); peak RSS of a load child 3,072 MiB (events.csv)");
  });

  it('judge them again with each side\'s checkpoint counted: the bare read leaves its table to be written out', () => {
    const report = targetReport(figures, 1_000_000);
    // Bare 10 + 5 = 15 s; ingest 14 + 1 = 15 s: 1.00×; complete 32 + 1 = 33 s: 2.20×; the one load 36 + 0.5 s: 2.43×.
    expect(line(report, 'DuckDB bare read_csv into a table, and its CHECKPOINT')).toBe('DuckDB bare read_csv into a table, and its CHECKPOINT 15.00 1.00× = 10.00 + 5.000');
    expect(line(report, 'ingest, facts excluded, and its CHECKPOINT')).toBe('ingest, facts excluded, and its CHECKPOINT 15.00 1.00× ≤ 1.5×: met checkpoint 1.000');
    expect(line(report, 'complete load, facts included, and its')).toBe('complete load, facts included, and its CHECKPOINT 33.00 2.20× ≤ 3×: met tickets without issue assignment');
    expect(line(report, 'complete load as one load of the 3 files, and its')).toBe('complete load as one load of the 3 files, and its CHECKPOINT 36.50 2.43× ≤ 3×: met checkpoint 0.500');
  });

  it('say why PostgreSQL is missing, and still judge the rest', () => {
    const report = targetReport({ ...figures, postgres: { skipped: 'no PostgreSQL' } }, 1000);
    expect(line(report, 'PostgreSQL')).toBe('PostgreSQL bare COPY into text tables skipped: no PostgreSQL');
    expect(line(report, 'complete load, facts')).toContain('3.20×');
  });

  it('say the load with the issue assignment was not measured when the run skipped it', () => {
    const report = targetReport({ ...figures, completeSeconds: null, folderSeconds: 28.8, folderIssueAssignment: false }, 1000);
    expect(line(report, 'complete load with')).toBe('complete load with the issue assignment (issue 12) not measured (--skip-issue-assignment)');
    expect(line(report, 'ingest')).toContain(' 14.00 1.40× ');
    // The folder without the assignment, 28.8 s, against the files one by one without it, 32 s: 0.90×.
    expect(line(report, 'complete load as one load')).toBe(
      'complete load as one load of the 3 files, without the issue assignment 28.80 2.88× ≤ 3×: met what npm run load -- folder/ does; 0.90× the files one by one',
    );
  });
});

describe('the paired rounds', () => {
  it('judge the median of the rounds’ own ratios, not a ratio of totals', () => {
    // Ratios 40/12.5 = 3.20, 42/15 = 2.80, 41/13.5 = 3.037…: median 3.04× > 3. The totals' ratio would be 123/41 = 3.00×.
    const report = pairedRoundsReport([
      { bareSeconds: 12.5, folderSeconds: 40 }, { bareSeconds: 15, folderSeconds: 42 }, { bareSeconds: 13.5, folderSeconds: 41 },
    ]);
    const lines = report.split('\n');
    expect(lines[0]).toBe('the one load against the bare read in 3 rounds (each round: the 3 bare reads, then the one load):');
    expect(lines.find((l) => l.startsWith('2 '))!.replace(/\s+/g, ' ')).toBe('2 15.00 42.00 2.80×');
    expect(lines.at(-1)).toBe('median of the rounds\' ratios 3.04× (from 2.80× to 3.20×): ≤ 3×: missed');
  });

  it('take the middle two’s mean for an even number of rounds', () => {
    // 2.70× and 3.20×: median 2.95× ≤ 3.
    const report = pairedRoundsReport([{ bareSeconds: 10, folderSeconds: 27 }, { bareSeconds: 10, folderSeconds: 32 }]);
    expect(report.split('\n').at(-1)).toBe('median of the rounds\' ratios 2.95× (from 2.70× to 3.20×): ≤ 3×: met');
  });
});

describe('headerOf', () => {
  it('reads the column names of the header line, quoted ones holding commas and quotes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicepulse-header-'));
    try {
      const file = join(dir, 'x.csv');
      writeFileSync(file, '\uFEFFid,"a, b","say ""hi""",\r\n1,2,3,4\n');
      expect(await headerOf(file)).toEqual(['id', 'a, b', 'say "hi"', '']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
